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
  /**
   * A vehicle facing red that would need more than this deceleration to stop at its line is taken to run it
   * (AASHTO Green Book, 2011: 3.4 m/s^2, the deceleration most drivers stay within when stopping).
   */
  static final double RED_STOP_DECEL = 3.4;

  private final Engine engine;
  private final LinkOccupancy[] occ;
  private final int lanePeriodTicks;
  private final OccupancyView humanView;
  // Scratch for what views report; one per role so that a rule can hold several at once.
  private final RoadUser ru = new RoadUser();
  private final RoadUser egoRu = new RoadUser();
  private final RoadUser oldLeader = new RoadUser();
  private final RoadUser oldFollower = new RoadUser();
  private final RoadUser newLeader = new RoadUser();
  private final RoadUser newFollower = new RoadUser();
  /** Set while {@link #blocked} judges a driver waiting at the line who may clear the junction on yellow. */
  private boolean yellowClearance;

  DriverModel(Engine engine) {
    this.engine = engine;
    this.occ = engine.occupancy;
    this.lanePeriodTicks = Math.max(1, (int) Math.round(LANE_CHANGE_PERIOD / engine.dt()));
    this.humanView = new OccupancyView(engine);
  }

  /** The view a human driver of {@code v} has of the road. */
  Surroundings humanView(Vehicle v) {
    return humanView.bind(v);
  }

  /** What vehicle {@code v} knows: its agent's perception, or a human driver's view. */
  private Surroundings view(Vehicle v) {
    return v.agentView != null ? v.agentView : humanView.bind(v);
  }

  double acceleration(Vehicle v, Surroundings s) {
    double a = following(v, s);
    if (v.link instanceof Lane lane) {
      a = Math.min(a, junctionApproach(v, lane, s));
    } else {
      a = Math.min(a, insideJunction(v, (Connector) v.link, s));
    }
    return Math.max(a, -v.type.emergencyDecel());
  }

  /** IDM behind the nearest road user ahead along the route, looking across links; slows for tighter links. */
  private double following(Vehicle v, Surroundings s) {
    VehicleType t = v.type;
    Link link = v.link;
    double v0 = v.desiredSpeed(link);
    double a = Idm.free(t, v.speed, v0);
    double ahead = link.length() - v.pos;
    double lookahead = Math.max(60.0, v.speed * v.speed / (2 * t.decel()) + 2 * v.speed * t.headway() + 20);
    boolean leaderFound = false;
    int lk = s.firstBehind(link, v.pos);
    if (lk > 0) {
      s.get(link, lk - 1, ru);
      a = Math.min(a, Idm.follow(t, v.speed, v0, ru.front - ru.length - v.pos, ru.speed));
      leaderFound = true;
    } else if (link instanceof Lane lane) {
      // A leader that turned onto another connector still has its rear over the end of this lane.
      java.util.List<Connector> outs = lane.outgoing();
      for (int ci = 0; ci < outs.size(); ci++) {
        Connector c = outs.get(ci);
        int n = s.count(c);
        if (n > 0) {
          s.get(c, n - 1, ru);
          double gap = ahead + ru.front - ru.length;
          if (ru.front - ru.length < 0 || c == v.nextLink()) {
            a = Math.min(a, Idm.follow(t, v.speed, v0, gap, ru.speed));
          }
        }
      }
    }
    if (link instanceof Lane lane) {
      a = Math.min(a, letIn(v, lane, lane.left(), v0, s));
      a = Math.min(a, letIn(v, lane, lane.right(), v0, s));
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
      int n = s.count(next);
      if (n > 0) {
        s.get(next, n - 1, ru);
        a = Math.min(a, Idm.follow(t, v.speed, v0, ahead + ru.front - ru.length, ru.speed));
        break;
      }
      ahead += next.length();
      if (next instanceof Connector c) {
        next = c.to();
        ri++;
      } else {
        next = Vehicle.connectorAlong((Lane) next, v.route, ri, v.trip);
      }
    }
    return a;
  }

  /**
   * Cooperation: make room for a vehicle just ahead in the next lane that indicates it must move into this one,
   * as long as that takes no more than comfortable braking.
   */
  private double letIn(Vehicle v, Lane lane, Lane side, double v0, Surroundings s) {
    if (side == null) {
      return Double.MAX_VALUE;
    }
    double best = Double.MAX_VALUE;
    int n = s.count(side);
    for (int k = s.firstBehind(side, v.pos + 40); k < n; k++) {
      s.get(side, k, ru);
      if (ru.front <= v.pos) {
        break;
      }
      if (ru.wantsLane == lane.index()) {
        double acc = Idm.follow(v.type, v.speed, v0, ru.front - ru.length - v.pos, ru.speed);
        if (acc >= -v.type.decel()) {
          best = Math.min(best, acc);
        }
      }
    }
    return best;
  }

  /** Stop-line logic on the approach to the junction at the end of {@code lane}. */
  private double junctionApproach(Vehicle v, Lane lane, Surroundings s) {
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
    Connector c = Vehicle.connectorAlong(lane, v.route, v.routeIndex, v.trip);
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
      state = s.signal(j, c.movement());
      if (v.type.compliance().runsRedLights() && (state == SignalColor.RED || state == SignalColor.YELLOW)) {
        state = SignalColor.GREEN; // a red-light runner drives on as if it had the green
      }
      switch (state) {
        case SignalColor.RED, Surroundings.SIGNAL_UNKNOWN -> stop = true; // a signal not seen is not a green
        case SignalColor.YELLOW -> {
          // Only turns across traffic clear on yellow: a straight driver waiting at the line (held by crossing
          // traffic) went on yellow and crossed the line on red (CityFlow 4x4, lane-level connectors).
          if (v.waitingAtLineSinceTick >= 0 && v.yellowDecisionFor != c.index()
              && (c.turn() == io.v2xsim.core.network.Turn.LEFT || c.turn() == io.v2xsim.core.network.Turn.UTURN)) {
            // Waiting at the line to turn across traffic: clear the junction now, as drivers do on yellow,
            // if no one is still coming.
            yellowClearance = true;
            stop = blocked(v, c, dist, SignalColor.PERMISSIVE, s);
            yellowClearance = false;
            if (stop && v.yellowClearHeld != c.index()) {
              // Held now, it waits out the yellow: going later in it, it crossed the line on red (CityFlow 4x4).
              v.yellowClearHeld = c.index();
            }
            stop |= v.yellowClearHeld == c.index();
            break;
          }
          if (v.yellowDecisionFor != c.index()) {
            v.yellowDecisionFor = c.index();
            v.yellowGo = v.speed * v.speed / (2 * Math.max(dist, 0.1)) > YELLOW_STOP_DECEL;
          }
          stop = !v.yellowGo;
        }
        default -> stop = blocked(v, c, dist, state, s);
      }
    } else if (j.kind() == JunctionKind.ALLWAY_STOP) {
      if (!v.stoppedAtLine && v.speed < 0.1 && dist < t.minGap() + 2.0) {
        v.stoppedAtLine = true;
      }
      stop = !v.stoppedAtLine || blocked(v, c, dist, state, s);
    } else {
      stop = blocked(v, c, dist, state, s);
    }
    if (!stop) {
      stop = exitBlocked(v, c, s);
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
   * too close in time to another road user. Those already inside the junction always count; approaching
   * ones count where this movement must yield to theirs. One whose indicator is not known may take any
   * movement its lane allows, so it counts for every one of them.
   */
  private boolean blocked(Vehicle v, Connector c, double dist, byte state, Surroundings s) {
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
      int inside = s.count(o);
      for (int k = 0; k < inside; k++) {
        s.get(o, k, ru);
        double rem = conf.atOther() - ru.front;
        if (rem < -ru.length - 1.0) {
          continue;
        }
        double fv = Math.max(ru.speed, 1.0);
        double tFa = rem <= 0 ? 0 : rem / fv;
        double tFc = (rem + ru.length + 1.0) / fv;
        double margin = FOLLOW_UP_GAP;
        {
          // It may be speeding up (moving off after waiting, out of a turn): taken at its speed now, one
          // creeping off seemed to arrive seconds later than it did, and a crossing driver went in front of it
          // (grid10, SUMO import; the CityFlow 4x4 under max-pressure). Earliest arrival and latest clearing of
          // both readings.
          double fmax = Math.max(Math.min(ru.desiredSpeed(o), ru.speed + 5), 1.0);
          tFa = Math.min(tFa, timeToCover(rem, ru.speed, ru.type.accel(), fmax));
          tFc = Math.max(tFc, timeToCover(rem + ru.length + 1.0, ru.speed, ru.type.accel(), fmax));
          if (v.speed * v.speed > 2 * t.decel() * dist && givesWayAtSignal(c, o, conf, j, state, s)) {
            // We could stop only by braking hard, and it gives way to us (it moved off judging that we pass
            // first): we drive on unless it would get there before we have cleared. With the follow-up margin we
            // braked for it, came too close to stop and went on after all, later than it had judged: the
            // corridor's oncoming traffic and a turn across the CityFlow 4x4's straight traffic collided so.
            margin = 0;
          }
        }
        if (tEa < tFc + CLEAR_GAP && tEc + margin > tFa) {
          return true;
        }
      }
      if (exitOverhangs(o, conf, s) && tEa < overhangClears(o, conf) + CLEAR_GAP) {
        return true;
      }
      // Cross traffic facing red is expected to stop, unless it no longer can: then it is given way to like any
      // other (a red light protects only from those who obey it).
      boolean otherRed = engine.isSignalized(j) && s.signal(j, o.movement()) == SignalColor.RED;
      if (v.type.compliance().ignoresRightOfWay() || (!otherRed && !yields(c, o, conf, j, state, s))) {
        continue;
      }
      Lane ol = o.from();
      int n = s.count(ol);
      int counted = 0;
      for (int k = 0; k < n && counted < 3; k++) {
        s.get(ol, k, ru);
        double df = ol.length() - ru.front;
        if (df > 150) {
          break;
        }
        if (ru.nextKnown && ru.next != o) {
          if (ru.speed < 0.1) {
            break; // a halted vehicle bound elsewhere holds up everyone behind it: none of them is coming
          }
          continue;
        }
        counted++;
        if (engine.isSignalized(j)) {
          byte fs = s.signal(j, o.movement());
          if (fs == SignalColor.RED
              && ru.speed * ru.speed <= 2 * RED_STOP_DECEL * Math.max(df, 0.1)) {
            break; // it can stop, and those behind it too
          }
          if (fs == SignalColor.YELLOW && ru.stopsOnYellowAt == o.index()) {
            break;
          }
        }
        if (j.kind() == JunctionKind.ALLWAY_STOP) {
          if (!ru.stoppedAtLine
              || !waitedLonger(ru.waitingSinceTick, ru.order, v.waitingAtLineSinceTick, v.trip)) {
            continue;
          }
        } else if (ru.speed < 0.1 && ru.waitingSinceTick >= 0 && v.waitingAtLineSinceTick >= 0
            && (engine.tick - v.waitingAtLineSinceTick) * engine.dt() > IMPATIENCE_SECONDS
            && waitedLonger(v.waitingAtLineSinceTick, v.trip, ru.waitingSinceTick, ru.order)) {
          continue; // both wait; the one waiting longer goes first, which breaks priority deadlocks
        }
        double fd = df + conf.atOther();
        double fmax = Math.max(Math.min(ru.desiredSpeed(o), ru.speed + 5), 1.0);
        double tFa = timeToCover(fd, ru.speed, ru.type.accel(), fmax);
        // Clear no sooner than at the connector's own speed: one coming faster slows for a tight turn (a
        // CityFlow right turn at 4.5 m/s taken at its 6.5 m/s approach cleared 1.5 s later than judged).
        double tFc = timeToCover(fd + ru.length + 1.0, ru.speed, ru.type.accel(), fmax);
        if (!yellowClearance) {
          // (Not when clearing the junction on yellow: waiting longer there made turners cross the line on red.)
          tFc = Math.max(tFc, (fd + ru.length + 1.0) / fmax);
        }
        if (tEa < tFc + CLEAR_GAP && tEc + FOLLOW_UP_GAP > tFa) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the last road user to leave connector {@code o} still has its rear over the conflict point: it is on
   * o's exit lane now, but a conflict within a car length of o's end is not clear until its rear has passed
   * (imported turns into far lanes cross others near their ends). Leaves its time to clear in {@link #ru}'s
   * reading for {@link #overhangClears}.
   */
  private boolean exitOverhangs(Connector o, Conflict conf, Surroundings s) {
    double tail = o.length() - conf.atOther();
    Lane exit = o.to();
    int n = s.count(exit);
    if (n == 0) {
      return false;
    }
    s.get(exit, n - 1, ru);
    return ru.front - ru.length < 1.0 - tail;
  }

  /** Seconds until the road user {@link #exitOverhangs} found has its rear a metre past the conflict point. */
  private double overhangClears(Connector o, Conflict conf) {
    double tail = o.length() - conf.atOther();
    double d = 1.0 - tail - (ru.front - ru.length);
    double fmax = Math.max(Math.min(ru.desiredSpeed(o.to()), ru.speed + 5), 1.0);
    return Math.max(d / Math.max(ru.speed, 1.0), timeToCover(d, ru.speed, ru.type.accel(), fmax));
  }

  /**
   * Whether traffic on {@code o} gives way to ours on {@code c} at a signalized junction: it is permissive where
   * we are protected, or both are alike and the static rules favour us. False at unsignalized junctions and for
   * a signal not seen.
   */
  private boolean givesWayAtSignal(Connector c, Connector o, Conflict conf, Junction j, byte state, Surroundings s) {
    if (!engine.isSignalized(j)) {
      return false;
    }
    byte so = s.signal(j, o.movement());
    if (so == Surroundings.SIGNAL_UNKNOWN || so == SignalColor.RED) {
      return false;
    }
    boolean egoPermissive = state == SignalColor.PERMISSIVE;
    boolean otherPermissive = so == SignalColor.PERMISSIVE;
    if (egoPermissive != otherPermissive) {
      return otherPermissive;
    }
    return !conf.yieldsStatically();
  }

  /** Whether a driver waiting since {@code aTick} has waited longer than one waiting since {@code bTick}. */
  private static boolean waitedLonger(long aTick, int aOrder, long bTick, int bOrder) {
    if (aTick != bTick) {
      return aTick >= 0 && (bTick < 0 || aTick < bTick);
    }
    return aOrder < bOrder;
  }

  /**
   * Whether movement {@code c} must give way to approaching traffic on {@code o}. A conflicting signal the
   * driver cannot see may be green: on a permissive green it then gives way (on a protected green a conflicting
   * movement is never protected too, so nothing changes).
   */
  private boolean yields(Connector c, Connector o, Conflict conf, Junction j, byte state, Surroundings s) {
    if (engine.isSignalized(j)) {
      byte so = s.signal(j, o.movement());
      if (so == SignalColor.RED) {
        return false;
      }
      boolean egoPermissive = state == SignalColor.PERMISSIVE;
      if (so == Surroundings.SIGNAL_UNKNOWN) {
        return egoPermissive;
      }
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
  private boolean exitBlocked(Vehicle v, Connector c, Surroundings s) {
    Lane exit = c.to();
    double need = v.type.length() + v.type.minGap();
    int on = s.count(c);
    for (int k = 0; k < on; k++) {
      s.get(c, k, ru);
      need += ru.length + ru.type.minGap();
    }
    int n = s.count(exit);
    if (n == 0) {
      return false;
    }
    s.get(exit, n - 1, ru);
    double space = ru.front - ru.length;
    return space < need && ru.speed < 3.0;
  }

  /** Inside a junction: zipper merge with road users bound for the same lane, and stop for a crossing blocker. */
  private double insideJunction(Vehicle v, Connector c, Surroundings s) {
    double a = Double.MAX_VALUE;
    double egoRem = c.length() - v.pos;
    double v0 = v.desiredSpeed(c);
    java.util.List<Conflict> conflicts = c.conflicts();
    for (int ci = 0; ci < conflicts.size(); ci++) {
      Conflict conf = conflicts.get(ci);
      Connector other = conf.other();
      int n = s.count(other);
      if (conf.merge()) {
        for (int k = 0; k < n; k++) {
          s.get(other, k, ru);
          double fRem = other.length() - ru.front;
          if (fRem < egoRem || (fRem == egoRem && ru.order < v.trip)) {
            a = Math.min(a, Idm.follow(v.type, v.speed, v0, egoRem - fRem - ru.length, ru.speed));
          }
        }
      } else if (conf.at() > v.pos) {
        for (int k = 0; k < n; k++) {
          s.get(other, k, ru);
          double front = ru.front;
          double rear = ru.front - ru.length;
          // A road user standing across our path: treat the conflict point as an obstacle.
          if (front > conf.atOther() - 1.5 && rear < conf.atOther() + 1.5 && ru.speed < 1.0) {
            a = Math.min(a, Idm.follow(v.type, v.speed, v0, conf.at() - v.pos - 1.5, 0));
          }
        }
        // Or one that has left it but stands with its rear still over the point.
        if (exitOverhangs(other, conf, s) && ru.speed < 1.0) {
          a = Math.min(a, Idm.follow(v.type, v.speed, v0, conf.at() - v.pos - 1.5, 0));
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
      Surroundings s = view(v);
      Road next = v.nextRoad();
      boolean needChange = next != null && lane.connectorTo(next) == null;
      double distToEnd = lane.length() - v.pos;
      Lane target = null;
      if (needChange) {
        Lane toward = directionToward(lane, next);
        if (toward != null && safe(v, toward, urgentDecel(v, distToEnd), s)) {
          target = toward;
        }
        v.wantsLane = target == null && toward != null ? toward.index() : -1;
        if (target == null && toward != null && v.controller == null && swapWithNeighbour(v, lane, toward)) {
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
          double gain = incentive(v, lane, cand, s);
          if (gain > bestGain && safe(v, cand, SAFE_DECEL, s)) {
            bestGain = gain;
            target = cand;
          }
        }
      }
      if (target != null) {
        v.wantsLane = -1;
        occ[lane.index()].remove(v);
        v.link = target;
        v.prevLink = null;
        occ[target.index()].insertSorted(v);
        v.laneChangeCooldown = 3.0;
        v.yellowDecisionFor = -1;
        v.waitingAtLineSinceTick = -1;
        engine.measurements().laneChanged();
      }
    }
  }

  /**
   * Two human drivers side by side that each need the other's lane (typically stopped at the line) trade places,
   * which no gap acceptance could otherwise allow: they see each other's indicators and wave each other on.
   */
  private boolean swapWithNeighbour(Vehicle v, Lane lane, Lane toward) {
    LinkOccupancy o = occ[toward.index()];
    for (int k = 0; k < o.count; k++) {
      Vehicle w = o.vehicles[k];
      if (w.controller == null && w.wantsLane == lane.index() && Math.abs(w.pos - v.pos) < 2.0 && w.speed < 1.0
          && v.speed < 1.0 && fitsInPlaceOf(v, o, w) && fitsInPlaceOf(w, occ[lane.index()], v)) {
        occ[lane.index()].remove(v);
        o.remove(w);
        v.link = toward;
        w.link = lane;
        v.prevLink = null;
        w.prevLink = null;
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

  /**
   * Whether moving into {@code target} leaves room ahead and behind and spares the new follower hard braking.
   * A driver who cannot see far enough back along the target lane to rule out a follower that would have to
   * brake harder than that does not move.
   */
  private boolean safe(Vehicle v, Lane target, double maxFollowerDecel, Surroundings s) {
    if (s.visibleBehind(target, v.pos) < clearBehindNeeded(v, target, maxFollowerDecel)) {
      return false;
    }
    int n = s.count(target);
    int k = s.firstBehind(target, v.pos);
    if (k > 0) {
      s.get(target, k - 1, ru);
      double gap = ru.front - ru.length - v.pos;
      if (gap < 1.0 || Idm.follow(v.type, v.speed, v.desiredSpeed(target), gap, ru.speed) < -maxFollowerDecel) {
        return false;
      }
    } else {
      // No leader in the lane, but one that just left it may still overhang its end.
      java.util.List<Connector> outs = target.outgoing();
      for (int ci = 0; ci < outs.size(); ci++) {
        Connector c = outs.get(ci);
        int cn = s.count(c);
        if (cn > 0) {
          s.get(c, cn - 1, ru);
          double gap = target.length() - v.pos + ru.front - ru.length;
          if (gap < 1.0 || Idm.follow(v.type, v.speed, v.desiredSpeed(target), gap, ru.speed) < -maxFollowerDecel) {
            return false;
          }
        }
      }
    }
    if (k >= n && v.pos - v.type.length() < 60) {
      // Road users about to come out of the junction into the target lane behind us.
      java.util.List<Connector> ins = target.incoming();
      for (int ci = 0; ci < ins.size(); ci++) {
        Connector c = ins.get(ci);
        if (s.count(c) > 0) {
          s.get(c, 0, ru);
          double gap = c.length() - ru.front + v.pos - v.type.length();
          if (gap < 1.0
              || Idm.follow(ru.type, ru.speed, ru.desiredSpeed(target), gap, v.speed) < -maxFollowerDecel) {
            return false;
          }
        }
      }
    }
    if (k < n) {
      s.get(target, k, ru);
      double gap = v.pos - v.type.length() - ru.front;
      if (gap < 1.0) {
        return false;
      }
      double af = Idm.follow(ru.type, ru.speed, ru.desiredSpeed(target), gap, v.speed);
      return af >= -maxFollowerDecel;
    }
    return true;
  }

  /**
   * How far back along {@code target} an unseen follower could be and still have to brake harder than
   * {@code maxDecel} for us: one arriving at the lane's speed limit, closing on us at our speed.
   */
  private static double clearBehindNeeded(Vehicle v, Lane target, double maxDecel) {
    double closing = Math.max(0, target.speedLimit() * 1.2 - v.speed);
    return v.type.length() + v.type.minGap() + closing * closing / (2 * maxDecel) + closing * v.type.headway();
  }

  /** MOBIL incentive of moving from {@code lane} to {@code target}, with politeness toward both followers. */
  private double incentive(Vehicle v, Lane lane, Lane target, Surroundings s) {
    VehicleType t = v.type;
    OccupancyView.fillSelf(v, egoRu);
    int kc = s.firstBehind(lane, v.pos);
    RoadUser ol = kc > 0 ? get(s, lane, kc - 1, oldLeader) : null;
    RoadUser of = kc < s.count(lane) ? get(s, lane, kc, oldFollower) : null;
    int k = s.firstBehind(target, v.pos);
    RoadUser nl = k > 0 ? get(s, target, k - 1, newLeader) : null;
    RoadUser nf = k < s.count(target) ? get(s, target, k, newFollower) : null;

    double egoNow = accelBehindAt(egoRu, ol, lane);
    double egoAfter = accelBehindAt(egoRu, nl, target);
    double ofNow = 0;
    double ofAfter = 0;
    if (of != null) {
      ofNow = accelBehindAt(of, egoRu, lane);
      ofAfter = accelBehindAt(of, ol, lane);
    }
    double nfNow = 0;
    double nfAfter = 0;
    if (nf != null) {
      nfNow = accelBehindAt(nf, nl, target);
      nfAfter = accelBehindAt(nf, egoRu, target);
    }
    return egoAfter - egoNow + t.politeness() * ((nfAfter - nfNow) + (ofAfter - ofNow));
  }

  private static RoadUser get(Surroundings s, Link link, int k, RoadUser out) {
    s.get(link, k, out);
    return out;
  }

  private static double accelBehindAt(RoadUser f, RoadUser leader, Lane lane) {
    double v0 = f.desiredSpeed(lane);
    if (leader == null) {
      return Idm.free(f.type, f.speed, v0);
    }
    return Idm.follow(f.type, f.speed, v0, leader.front - leader.length - f.front, leader.speed);
  }
}
