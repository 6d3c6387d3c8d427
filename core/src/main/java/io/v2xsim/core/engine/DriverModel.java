package io.v2xsim.core.engine;

import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.traffic.Idm;
import io.v2xsim.core.traffic.VehicleType;

/**
 * How a human-like driver of v2xsim's plain traffic decides: IDM car following across links, slowing for
 * tighter connectors, stopping for red and (by a dilemma-zone rule) yellow, gap acceptance at junctions,
 * zipper merging inside junctions, "don't block the box", and MOBIL lane changes including the mandatory
 * ones a route needs. Reads only the snapshot of the tick; allocation-free.
 */
final class DriverModel {
  /** A yellow light is run when stopping would need more than this deceleration (ITE: about 3 m/s^2). */
  static final double YELLOW_STOP_DECEL = 3.0;
  /** Seconds a driver keeps between its clearing a conflict point and a crossing vehicle arriving there. */
  static final double FOLLOW_UP_GAP = 1.5;
  /** Seconds kept after a crossing vehicle has cleared before arriving at the same point. */
  static final double CLEAR_GAP = 1.0;
  /** Lane-change decisions are taken this often, staggered by vehicle. */
  static final double LANE_CHANGE_PERIOD = 0.5;
  /** A driver who waited this long at an unsignalized line goes ahead of waiting (not moving) vehicles. */
  static final double IMPATIENCE_SECONDS = 6.0;
  /** A vehicle stuck in a lane that does not lead on takes another way after this long. */
  static final double STUCK_REROUTE_SECONDS = 60.0;
  /** MOBIL: braking imposed on the new follower must not exceed this (m/s^2). */
  static final double SAFE_DECEL = 4.0;

  private final Engine engine;
  private final LinkOccupancy[] occ;
  private final int lanePeriodTicks;

  DriverModel(Engine engine) {
    this.engine = engine;
    this.occ = engine.occupancy;
    this.lanePeriodTicks = Math.max(1, (int) Math.round(LANE_CHANGE_PERIOD / engine.dt()));
  }

  double acceleration(Vehicle v) {
    double a = following(v);
    if (v.link instanceof Lane lane) {
      a = Math.min(a, junctionApproach(v, lane));
    } else {
      a = Math.min(a, insideJunction(v, (Connector) v.link));
    }
    return Math.max(a, -v.type.emergencyDecel());
  }

  /** IDM behind the nearest vehicle ahead along the route, looking across links; slows for tighter links. */
  private double following(Vehicle v) {
    VehicleType t = v.type;
    Link link = v.link;
    double v0 = v.desiredSpeed(link);
    double a = Idm.free(t, v.speed, v0);
    if (v.controller != null) {
      // An agent follows what it perceives, not the lane's true occupancy: here only the road's own limits.
      Link next = v.nextLink();
      if (next != null) {
        double vn = v.desiredSpeed(next);
        double ahead = link.length() - v.pos;
        if (vn < v.speed) {
          double need = (v.speed * v.speed - vn * vn) / (2 * Math.max(ahead, 1.0));
          if (need > 0.5 * t.decel()) {
            a = Math.min(a, -need);
          }
        }
      }
      return a;
    }
    double ahead = link.length() - v.pos;
    double lookahead = Math.max(60.0, v.speed * v.speed / (2 * t.decel()) + 2 * v.speed * t.headway() + 20);
    boolean leaderFound = false;
    if (v.slot > 0) {
      Vehicle l = occ[link.index()].vehicles[v.slot - 1];
      a = Math.min(a, Idm.follow(t, v.speed, v0, l.pos - l.type.length() - v.pos, l.speed));
      leaderFound = true;
    } else if (link instanceof Lane lane) {
      // A leader that turned onto another connector still has its rear over the end of this lane.
      java.util.List<Connector> outs = lane.outgoing();
      for (int ci = 0; ci < outs.size(); ci++) {
        Connector c = outs.get(ci);
        LinkOccupancy o = occ[c.index()];
        if (o.count > 0) {
          Vehicle l = o.vehicles[o.count - 1];
          double gap = ahead + l.pos - l.type.length();
          if (l.pos - l.type.length() < 0 || c == v.nextLink()) {
            a = Math.min(a, Idm.follow(t, v.speed, v0, gap, l.speed));
          }
        }
      }
    }
    if (link instanceof Lane lane) {
      a = Math.min(a, letIn(v, lane, lane.left(), v0));
      a = Math.min(a, letIn(v, lane, lane.right(), v0));
    }
    Link next = v.nextLink();
    int ri = v.routeIndex;
    boolean limitChecked = false;
    while (next != null && ahead < lookahead) {
      if (!limitChecked) {
        double vn = v.desiredSpeed(next);
        if (vn < v.speed) {
          double need = (v.speed * v.speed - vn * vn) / (2 * Math.max(ahead, 1.0));
          if (need > 0.5 * t.decel()) {
            a = Math.min(a, -need);
          }
        }
        limitChecked = true;
      }
      if (leaderFound) {
        break;
      }
      LinkOccupancy o = occ[next.index()];
      if (o.count > 0) {
        Vehicle l = o.vehicles[o.count - 1];
        a = Math.min(a, Idm.follow(t, v.speed, v0, ahead + l.pos - l.type.length(), l.speed));
        break;
      }
      ahead += next.length();
      if (next instanceof Connector c) {
        next = c.to();
        ri++;
      } else {
        Road after = ri + 1 < v.route.size() ? v.route.get(ri + 1) : null;
        next = after == null ? null : ((Lane) next).connectorTo(after);
      }
    }
    return a;
  }

  /**
   * A human driver of plain traffic stops for a pedestrian or cyclist in, or about to step into, the corridor
   * ahead. (Agents instead perceive them through their sensors; see {@link VehicleController}.)
   */
  private double actorsAhead(Vehicle v) {
    ActorSystem as = engine.actors();
    double fx = v.x + 0.5 * v.length * v.cosHeading;
    double fy = v.y + 0.5 * v.length * v.sinHeading;
    double v0 = v.desiredSpeed(v.link);
    double a = Double.MAX_VALUE;
    for (int i = 0; i < as.activeCount; i++) {
      Actor p = as.active[i];
      for (int k = 0; k < 2; k++) {
        double t = k * 1.5; // where it is now, and where it will be in 1.5 s
        double px = p.x + t * p.speed * p.cosHeading - fx;
        double py = p.y + t * p.speed * p.sinHeading - fy;
        double along = px * v.cosHeading + py * v.sinHeading;
        double across = -px * v.sinHeading + py * v.cosHeading;
        if (along > -0.5 && along < 60 && Math.abs(across) < 0.5 * (v.width + p.width) + 0.5) {
          a = Math.min(a, Idm.follow(v.type, v.speed, v0, Math.max(0.1, along - 0.5 * p.length), 0));
        }
      }
    }
    return a;
  }

  /**
   * Cooperation: make room for a vehicle just ahead in the next lane that must move into this one, as long as
   * that takes no more than comfortable braking.
   */
  private double letIn(Vehicle v, Lane lane, Lane side, double v0) {
    if (side == null) {
      return Double.MAX_VALUE;
    }
    LinkOccupancy o = occ[side.index()];
    double best = Double.MAX_VALUE;
    for (int k = o.firstBehind(v.pos + 40) ; k < o.count; k++) {
      Vehicle w = o.vehicles[k];
      if (w.pos <= v.pos) {
        break;
      }
      if (w.wantsLane == lane.index()) {
        double acc = Idm.follow(v.type, v.speed, v0, w.pos - w.type.length() - v.pos, w.speed);
        if (acc >= -v.type.decel()) {
          best = Math.min(best, acc);
        }
      }
    }
    return best;
  }

  /** Stop-line logic on the approach to the junction at the end of {@code lane}. */
  private double junctionApproach(Vehicle v, Lane lane) {
    if (v.onLastRoad()) {
      return Double.MAX_VALUE;
    }
    double dist = lane.length() - v.pos;
    VehicleType t = v.type;
    double range = Math.max(40.0, 1.5 * v.speed * v.speed / (2 * t.decel()) + 15);
    if (dist > range) {
      v.waitingAtLineSinceTick = -1;
      return Double.MAX_VALUE;
    }
    Connector c = lane.connectorTo(v.nextRoad());
    if (c == null) {
      // Wrong lane: stop at the line while lane changing tries to fix it; reroute if it never can.
      if (v.speed < 0.1) {
        if (v.stuckSinceTick < 0) {
          v.stuckSinceTick = engine.tick;
        } else if ((engine.tick - v.stuckSinceTick) * engine.dt() > STUCK_REROUTE_SECONDS) {
          engine.rerouteFromLane(v, lane);
          v.stuckSinceTick = -1;
        }
      }
      return stopAt(v, dist);
    }
    v.stuckSinceTick = -1;
    Junction j = c.junction();
    boolean stop;
    byte state = SignalColor.GREEN;
    if (engine.isSignalized(j)) {
      state = engine.signalStates[j.index()][c.movement()];
      switch (state) {
        case SignalColor.RED -> stop = true;
        case SignalColor.YELLOW -> {
          if (v.waitingAtLineSinceTick >= 0 && v.yellowDecisionFor != c.index()) {
            // Waiting at the line to turn across traffic: clear the junction now, as drivers do on yellow,
            // if no one is still coming.
            stop = blocked(v, c, dist, SignalColor.PERMISSIVE);
            break;
          }
          if (v.yellowDecisionFor != c.index()) {
            v.yellowDecisionFor = c.index();
            v.yellowGo = v.speed * v.speed / (2 * Math.max(dist, 0.1)) > YELLOW_STOP_DECEL;
          }
          stop = !v.yellowGo;
        }
        default -> stop = blocked(v, c, dist, state);
      }
    } else if (j.kind() == JunctionKind.ALLWAY_STOP) {
      if (!v.stoppedAtLine && v.speed < 0.1 && dist < t.minGap() + 2.0) {
        v.stoppedAtLine = true;
      }
      stop = !v.stoppedAtLine || blocked(v, c, dist, state);
    } else {
      stop = blocked(v, c, dist, state);
    }
    if (!stop) {
      stop = exitBlocked(v, c);
    }
    if (stop && v.speed * v.speed / (2 * Math.max(dist, 0.01)) > t.emergencyDecel()) {
      stop = false; // too late to stop: go through
    }
    if (stop) {
      if (v.speed < 0.1 && dist < t.minGap() + 2.0) {
        if (v.waitingAtLineSinceTick < 0) {
          v.waitingAtLineSinceTick = engine.tick;
        }
      } else if (dist >= t.minGap() + 2.0) {
        v.waitingAtLineSinceTick = -1;
      }
      return stopAt(v, dist);
    }
    return Double.MAX_VALUE;
  }

  private static double stopAt(Vehicle v, double dist) {
    // The line is a standing obstacle; IDM stops the vehicle about a minimum gap short of it.
    return Idm.follow(v.type, v.speed, v.desiredSpeed(v.link), dist + 1.0, 0);
  }

  /**
   * Gap acceptance: whether entering connector {@code c} now would bring the vehicle to a conflict point
   * too close in time to another vehicle. Vehicles already inside the junction always count; approaching
   * ones count where this movement must yield to theirs.
   */
  private boolean blocked(Vehicle v, Connector c, double dist, byte state) {
    Junction j = c.junction();
    VehicleType t = v.type;
    double vmax = Math.min(v.desiredSpeed(c), v.speed + 5);
    java.util.List<Conflict> conflicts = c.conflicts();
    for (int ci = 0; ci < conflicts.size(); ci++) {
      Conflict conf = conflicts.get(ci);
      Connector o = conf.other();
      double egoIn = dist + conf.at();
      double tEa = timeToCover(egoIn, v.speed, t.accel(), Math.max(vmax, 1.0));
      double tEc = timeToCover(egoIn + t.length() + 1.0, v.speed, t.accel(), Math.max(vmax, 1.0));
      LinkOccupancy inside = occ[o.index()];
      for (int k = 0; k < inside.count; k++) {
        Vehicle f = inside.vehicles[k];
        double rem = conf.atOther() - f.pos;
        if (rem < -f.type.length() - 1.0) {
          continue;
        }
        double fv = Math.max(f.speed, 1.0);
        double tFa = rem <= 0 ? 0 : rem / fv;
        double tFc = (rem + f.type.length() + 1.0) / fv;
        if (tEa < tFc + CLEAR_GAP && tEc + FOLLOW_UP_GAP > tFa) {
          return true;
        }
      }
      if (!yields(v, c, o, conf, j, state)) {
        continue;
      }
      Lane ol = o.from();
      LinkOccupancy lo = occ[ol.index()];
      int counted = 0;
      for (int k = 0; k < lo.count && counted < 3; k++) {
        Vehicle f = lo.vehicles[k];
        double df = ol.length() - f.pos;
        if (df > 150) {
          break;
        }
        if (f.nextLink() != o) {
          if (f.speed < 0.1) {
            break; // a halted vehicle bound elsewhere holds up everyone behind it: none of them is coming
          }
          continue;
        }
        counted++;
        if (engine.isSignalized(j)) {
          byte fs = engine.signalStates[j.index()][o.movement()];
          if (fs == SignalColor.RED) {
            break;
          }
          if (fs == SignalColor.YELLOW && f.yellowDecisionFor == o.index() && !f.yellowGo) {
            break;
          }
        }
        if (j.kind() == JunctionKind.ALLWAY_STOP) {
          if (!f.stoppedAtLine || !waitedLonger(f, v)) {
            continue;
          }
        } else if (f.speed < 0.1 && f.waitingAtLineSinceTick >= 0 && v.waitingAtLineSinceTick >= 0
            && (engine.tick - v.waitingAtLineSinceTick) * engine.dt() > IMPATIENCE_SECONDS
            && waitedLonger(v, f)) {
          continue; // both wait; the one waiting longer goes first, which breaks priority deadlocks
        }
        double fd = df + conf.atOther();
        double fmax = Math.max(Math.min(f.desiredSpeed(o), f.speed + 5), 1.0);
        double tFa = timeToCover(fd, f.speed, f.type.accel(), fmax);
        double tFc = timeToCover(fd + f.type.length() + 1.0, f.speed, f.type.accel(), fmax);
        if (tEa < tFc + CLEAR_GAP && tEc + FOLLOW_UP_GAP > tFa) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean waitedLonger(Vehicle a, Vehicle b) {
    if (a.waitingAtLineSinceTick != b.waitingAtLineSinceTick) {
      return a.waitingAtLineSinceTick >= 0
          && (b.waitingAtLineSinceTick < 0 || a.waitingAtLineSinceTick < b.waitingAtLineSinceTick);
    }
    return a.trip < b.trip;
  }

  /** Whether movement {@code c} must give way to approaching traffic on {@code o}. */
  private boolean yields(Vehicle v, Connector c, Connector o, Conflict conf, Junction j, byte state) {
    if (engine.isSignalized(j)) {
      byte so = engine.signalStates[j.index()][o.movement()];
      if (so == SignalColor.RED) {
        return false;
      }
      boolean egoPermissive = state == SignalColor.PERMISSIVE;
      boolean otherPermissive = so == SignalColor.PERMISSIVE;
      if (egoPermissive != otherPermissive) {
        return egoPermissive;
      }
      return conf.yieldsStatically();
    }
    if (j.kind() == JunctionKind.ALLWAY_STOP) {
      return true;
    }
    return conf.yieldsStatically();
  }

  /** Don't block the box: wait at the line if the exit lane has no room for this vehicle. */
  private boolean exitBlocked(Vehicle v, Connector c) {
    LinkOccupancy exit = occ[c.to().index()];
    double need = v.type.length() + v.type.minGap();
    LinkOccupancy on = occ[c.index()];
    for (int k = 0; k < on.count; k++) {
      need += on.vehicles[k].type.length() + on.vehicles[k].type.minGap();
    }
    Vehicle back = exit.back();
    if (back == null) {
      return false;
    }
    double space = back.pos - back.type.length();
    return space < need && back.speed < 3.0;
  }

  /** Inside a junction: zipper merge with vehicles bound for the same lane, and stop for a crossing blocker. */
  private double insideJunction(Vehicle v, Connector c) {
    double a = Double.MAX_VALUE;
    double egoRem = c.length() - v.pos;
    double v0 = v.desiredSpeed(c);
    java.util.List<Conflict> conflicts = c.conflicts();
    for (int ci = 0; ci < conflicts.size(); ci++) {
      Conflict conf = conflicts.get(ci);
      LinkOccupancy o = occ[conf.other().index()];
      if (conf.merge()) {
        for (int k = 0; k < o.count; k++) {
          Vehicle f = o.vehicles[k];
          double fRem = conf.other().length() - f.pos;
          if (fRem < egoRem || (fRem == egoRem && f.trip < v.trip)) {
            a = Math.min(a, Idm.follow(v.type, v.speed, v0, egoRem - fRem - f.type.length(), f.speed));
          }
        }
      } else if (conf.at() > v.pos) {
        for (int k = 0; k < o.count; k++) {
          Vehicle f = o.vehicles[k];
          double front = f.pos;
          double rear = f.pos - f.type.length();
          // A vehicle standing across our path: treat the conflict point as an obstacle.
          if (front > conf.atOther() - 1.5 && rear < conf.atOther() + 1.5 && f.speed < 1.0) {
            a = Math.min(a, Idm.follow(v.type, v.speed, v0, conf.at() - v.pos - 1.5, 0));
          }
        }
      }
    }
    return a;
  }

  /** Time to drive {@code x} metres from speed {@code v} accelerating at {@code a} up to {@code vmax}. */
  static double timeToCover(double x, double v, double a, double vmax) {
    if (x <= 0) {
      return 0;
    }
    if (v >= vmax) {
      return x / v;
    }
    double t1 = (vmax - v) / a;
    double x1 = v * t1 + 0.5 * a * t1 * t1;
    if (x <= x1) {
      return (-v + Math.sqrt(v * v + 2 * a * x)) / a;
    }
    return t1 + (x - x1) / vmax;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Lane changes

  /** MOBIL decisions for vehicles whose turn it is this tick; changes are applied at once, in vehicle order. */
  void changeLanes() {
    long tick = engine.tick;
    for (int i = 0; i < engine.activeCount; i++) {
      Vehicle v = engine.active[i];
      if ((v.trip + tick) % lanePeriodTicks != 0 || !(v.link instanceof Lane lane) || v.laneChangeCooldown > 0) {
        continue;
      }
      Road next = v.nextRoad();
      boolean needChange = next != null && lane.connectorTo(next) == null;
      double distToEnd = lane.length() - v.pos;
      Lane target = null;
      if (needChange) {
        Lane toward = directionToward(lane, next);
        if (toward != null && safe(v, toward, urgentDecel(v, distToEnd))) {
          target = toward;
        }
        v.wantsLane = target == null && toward != null ? toward.index() : -1;
        if (target == null && toward != null && swapWithNeighbour(v, lane, toward)) {
          continue;
        }
      } else {
        double bestGain = v.type.changeThreshold();
        for (int side = 0; side < 2; side++) {
          Lane cand = side == 0 ? lane.left() : lane.right();
          if (cand == null) {
            continue;
          }
          // Strategic lane choice: never leave a lane that leads on along the route for one that does not.
          // Allowing it far from the junction (as this did up to 250 m before it) sent drivers into turn lanes
          // with shorter queues, from which they then had to force their way back: on the Hangzhou benchmark
          // junction nearly every vehicle changed lane and hundreds were stuck until rerouted.
          if (next != null && cand.connectorTo(next) == null) {
            continue;
          }
          if (distToEnd < 15) {
            continue;
          }
          double gain = incentive(v, lane, cand);
          if (gain > bestGain && safe(v, cand, SAFE_DECEL)) {
            bestGain = gain;
            target = cand;
          }
        }
      }
      if (target != null) {
        v.wantsLane = -1;
        occ[lane.index()].remove(v);
        v.link = target;
        occ[target.index()].insertSorted(v);
        v.laneChangeCooldown = 3.0;
        v.yellowDecisionFor = -1;
        v.waitingAtLineSinceTick = -1;
        engine.measurements().laneChanged();
      }
    }
  }

  /**
   * Two vehicles side by side that each need the other's lane (typically stopped at the line) trade places,
   * which no gap acceptance could otherwise allow.
   */
  private boolean swapWithNeighbour(Vehicle v, Lane lane, Lane toward) {
    LinkOccupancy o = occ[toward.index()];
    for (int k = 0; k < o.count; k++) {
      Vehicle w = o.vehicles[k];
      if (w.wantsLane == lane.index() && Math.abs(w.pos - v.pos) < 2.0 && w.speed < 1.0 && v.speed < 1.0
          && fitsInPlaceOf(v, o, w) && fitsInPlaceOf(w, occ[lane.index()], v)) {
        occ[lane.index()].remove(v);
        o.remove(w);
        v.link = toward;
        w.link = lane;
        o.insertSorted(v);
        occ[lane.index()].insertSorted(w);
        v.wantsLane = -1;
        w.wantsLane = -1;
        v.laneChangeCooldown = 3.0;
        w.laneChangeCooldown = 3.0;
        engine.measurements().laneChanged();
        engine.measurements().laneChanged();
        return true;
      }
    }
    return false;
  }

  /** Whether {@code v} would keep half a metre to the vehicles around {@code w} in w's lane. */
  private static boolean fitsInPlaceOf(Vehicle v, LinkOccupancy o, Vehicle w) {
    for (int k = 0; k < o.count; k++) {
      Vehicle x = o.vehicles[k];
      if (x == w) {
        continue;
      }
      double gap = x.pos >= w.pos ? x.pos - x.type.length() - v.pos : v.pos - v.type.length() - x.pos;
      if (gap < 0.5) {
        return false;
      }
    }
    return true;
  }

  /** Braking a driver accepts from its new follower for a lane change it must make: more as the end nears. */
  private static double urgentDecel(Vehicle v, double distToEnd) {
    double urgency = Math.max(0, Math.min(1, 1 - distToEnd / 200.0));
    return SAFE_DECEL + urgency * (v.type.emergencyDecel() * 0.6 - SAFE_DECEL);
  }

  /** The adjacent lane one step closer to a lane that leads to {@code next}, or null. */
  private static Lane directionToward(Lane lane, Road next) {
    int best = Integer.MAX_VALUE;
    int dir = 0;
    java.util.List<Lane> lanes = lane.road().lanes();
    for (int li = 0; li < lanes.size(); li++) {
      Lane l = lanes.get(li);
      if (l.connectorTo(next) != null) {
        int d = l.number() - lane.number();
        if (Math.abs(d) < Math.abs(best)) {
          best = d;
          dir = Integer.signum(d);
        }
      }
    }
    if (dir > 0) {
      return lane.left();
    }
    if (dir < 0) {
      return lane.right();
    }
    return null;
  }

  /** Whether moving into {@code target} leaves room ahead and behind and spares the new follower hard braking. */
  private boolean safe(Vehicle v, Lane target, double maxFollowerDecel) {
    LinkOccupancy o = occ[target.index()];
    int k = o.firstBehind(v.pos);
    Vehicle leader = k > 0 ? o.vehicles[k - 1] : null;
    Vehicle follower = k < o.count ? o.vehicles[k] : null;
    if (leader != null) {
      double gap = leader.pos - leader.type.length() - v.pos;
      if (gap < 1.0 || Idm.follow(v.type, v.speed, v.desiredSpeed(target), gap, leader.speed) < -maxFollowerDecel) {
        return false;
      }
    } else {
      // No leader in the lane, but one that just left it may still overhang its end.
      java.util.List<Connector> outs = target.outgoing();
      for (int ci = 0; ci < outs.size(); ci++) {
        Connector c = outs.get(ci);
        LinkOccupancy co = occ[c.index()];
        if (co.count > 0) {
          Vehicle l = co.vehicles[co.count - 1];
          double gap = target.length() - v.pos + l.pos - l.type.length();
          if (gap < 1.0 || Idm.follow(v.type, v.speed, v.desiredSpeed(target), gap, l.speed) < -maxFollowerDecel) {
            return false;
          }
        }
      }
    }
    if (follower == null && v.pos - v.type.length() < 60) {
      // Vehicles about to come out of the junction into the target lane behind us.
      java.util.List<Connector> ins = target.incoming();
      for (int ci = 0; ci < ins.size(); ci++) {
        Connector c = ins.get(ci);
        LinkOccupancy co = occ[c.index()];
        if (co.count > 0) {
          Vehicle f = co.vehicles[0];
          double gap = c.length() - f.pos + v.pos - v.type.length();
          if (gap < 1.0 || Idm.follow(f.type, f.speed, f.desiredSpeed(target), gap, v.speed) < -maxFollowerDecel) {
            return false;
          }
        }
      }
    }
    if (follower != null) {
      double gap = v.pos - v.type.length() - follower.pos;
      if (gap < 1.0) {
        return false;
      }
      double af = Idm.follow(follower.type, follower.speed, follower.desiredSpeed(target), gap, v.speed);
      return af >= -maxFollowerDecel;
    }
    return true;
  }

  /** MOBIL incentive of moving from {@code lane} to {@code target}, with politeness toward both followers. */
  private double incentive(Vehicle v, Lane lane, Lane target) {
    VehicleType t = v.type;
    LinkOccupancy cur = occ[lane.index()];
    LinkOccupancy tgt = occ[target.index()];
    Vehicle oldLeader = v.slot > 0 ? cur.vehicles[v.slot - 1] : null;
    Vehicle oldFollower = v.slot + 1 < cur.count ? cur.vehicles[v.slot + 1] : null;
    int k = tgt.firstBehind(v.pos);
    Vehicle newLeader = k > 0 ? tgt.vehicles[k - 1] : null;
    Vehicle newFollower = k < tgt.count ? tgt.vehicles[k] : null;

    double egoNow = accelBehindAt(v, oldLeader, lane);
    double egoAfter = accelBehindAt(v, newLeader, target);
    double ofNow = 0;
    double ofAfter = 0;
    if (oldFollower != null) {
      ofNow = accelBehindAt(oldFollower, v, lane);
      ofAfter = accelBehindAt(oldFollower, oldLeader, lane);
    }
    double nfNow = 0;
    double nfAfter = 0;
    if (newFollower != null) {
      nfNow = accelBehindAt(newFollower, newLeader, target);
      nfAfter = accelBehindAt(newFollower, v, target);
    }
    return egoAfter - egoNow + t.politeness() * ((nfAfter - nfNow) + (ofAfter - ofNow));
  }

  private static double accelBehindAt(Vehicle f, Vehicle leader, Lane lane) {
    double v0 = f.desiredSpeed(lane);
    if (leader == null) {
      return Idm.free(f.type, f.speed, v0);
    }
    return Idm.follow(f.type, f.speed, v0, leader.pos - leader.type.length() - f.pos, leader.speed);
  }
}
