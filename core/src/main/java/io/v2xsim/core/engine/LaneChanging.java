package io.v2xsim.core.engine;

import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.traffic.Idm;
import io.v2xsim.core.traffic.VehicleType;

/**
 * Lane changes, the third of a driver's three sets of rules ({@link DriverModel}): MOBIL (Kesting, Treiber and
 * Helbing 2007) for discretionary changes, mandatory changes toward the lanes a route needs with growing urgency,
 * swaps with a neighbour when both are stuck, and safety against the follower in the target lane, each judged on
 * what the driver's {@link Surroundings} report (an agent's only as far back as its sensors reach).
 * Allocation-free.
 */
final class LaneChanging {
  /** Lane-change decisions are taken this often, staggered by vehicle. */
  static final double LANE_CHANGE_PERIOD = 0.5;
  /** MOBIL: braking imposed on the new follower must not exceed this (m/s^2). */
  static final double SAFE_DECEL = 4.0;
  /** A moving driver changes lanes no later than this many seconds (plus 2 m) before its lane's end. */
  static final double LAST_CHANGE_SECONDS = 1.0;
  /** Junctions back along the target lane's ways in that a lane change looks for a follower. */
  static final int MAX_UPSTREAM_JUNCTIONS = 3;

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

  LaneChanging(Engine engine, OccupancyView humanView) {
    this.engine = engine;
    this.occ = engine.occupancy;
    this.lanePeriodTicks = Math.max(1, (int) Math.round(LANE_CHANGE_PERIOD / engine.dt()));
    this.humanView = humanView;
  }

  /** What vehicle {@code v} knows: its agent's perception, or a human driver's view. */
  private Surroundings view(Vehicle v) {
    return v.agentView != null ? v.agentView : humanView.bind(v);
  }

  /** MOBIL decisions for vehicles whose turn it is this tick; changes are applied at once, in vehicle order. */
  void changeLanes() {
    long tick = engine.tick;
    for (int i = 0; i < engine.activeCount; i++) {
      Vehicle v = engine.active[i];
      if ((v.trip + tick) % lanePeriodTicks != 0 || !(v.link instanceof Lane lane) || v.laneChangeCooldown > 0) {
        continue;
      }
      Lane target = choose(v, lane);
      if (target != null) {
        move(v, lane, target);
      }
    }
  }

  /** The lane {@code v} moves into now, or null (also after a swap with a neighbour, done here). */
  private Lane choose(Vehicle v, Lane lane) {
    Surroundings s = view(v);
    Road next = v.nextRoad();
    boolean needChange = next != null && lane.connectorTo(next) == null;
    double distToEnd = lane.length() - v.pos;
    Lane toward = needChange ? directionToward(lane, next) : null;
    // Past a short road: whether this lane runs out along the route within what a change at this speed needs
    // (RouteReach), and a lane of this road goes further.
    double horizon = 0;
    double reachHere = 0;
    if (!needChange && next != null && next.length() < RouteReach.SHORT_ROAD) {
      horizon = v.pos + Math.min(RouteReach.CONNECTOR_HORIZON, Math.max(60, 6 * v.speed));
      reachHere = RouteReach.reach(lane, v.route, v.routeIndex, horizon);
      if (reachHere < horizon) {
        toward = towardFurther(v, lane, reachHere, horizon);
        if (toward != null) {
          needChange = true;
          distToEnd = reachHere - v.pos;
        }
      }
    }
    if (!needChange) {
      return discretionary(v, lane, next, distToEnd, horizon, reachHere, s);
    }
    if (v.speed > 1.0 && lane.length() - v.pos < v.speed * LAST_CHANGE_SECONDS + 2.0) {
      // Too late to change and judge the junction from the new lane before entering it: moved across in its
      // last half metre at 12 m/s, a driver was on the new lane's connector the same tick without having looked
      // at that connector's conflicts, and ran into a U-turn (hcmc-small, seed 1, t = 350.8 s). It brakes for
      // the end of its lane instead and changes there, slowly.
      v.wantsLane = -1;
      return null;
    }
    Lane target = toward != null && safe(v, toward, urgentDecel(v, distToEnd), s) ? toward : null;
    v.wantsLane = target == null && toward != null ? toward.index() : -1;
    if (target == null && toward != null && v.controller == null) {
      swapWithNeighbour(v, lane, toward);
    }
    return target;
  }

  /**
   * MOBIL: the neighbouring lane with the largest incentive over the threshold that is safe to enter, among those
   * that lead on along the route (and, past a short road within {@code horizon}, go as far as this one), or null.
   */
  private Lane discretionary(Vehicle v, Lane lane, Road next, double distToEnd, double horizon, double reachHere,
      Surroundings s) {
    Lane target = null;
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
      if (horizon > 0 && reachHere < horizon
          && RouteReach.reach(cand, v.route, v.routeIndex, horizon) < reachHere) {
        continue; // nor for one that runs out sooner past a short road
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
    return target;
  }

  private void move(Vehicle v, Lane lane, Lane target) {
    v.wantsLane = -1;
    occ[lane.index()].remove(v);
    v.link = target;
    v.prevLink = null;
    occ[target.index()].insertSorted(v);
    v.laneChangeCooldown = 3.0;
    keepStopOnYellow(v, lane, target);
    v.yellowDecisionFor = -1;
    v.waitingAtLineSinceTick = -1;
    engine.measurements().laneChanged();
  }

  /**
   * A driver who has decided to stop for the yellow ahead still stops after moving across: deciding afresh in
   * the new lane, nearer the line, one found stopping too hard, went, and was 19.6 m short of the line at 20 m/s
   * when the red came (hcmc-small, a trip a second, seed 1, t = 135.9 s).
   */
  private static void keepStopOnYellow(Vehicle v, Lane from, Lane to) {
    Connector was = v.along(from, v.routeIndex);
    if (was == null || v.yellowDecision(was.index()) != 0) {
      return;
    }
    Connector now = v.along(to, v.routeIndex);
    if (now != null && now.junction() == was.junction()) {
      v.decideYellow(now.index(), false);
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

  /**
   * The adjacent lane one step closer to the lane of this road that goes furthest along {@code v}'s route (the
   * nearest of those), if that is further than {@code reachHere}; else null.
   */
  private static Lane towardFurther(Vehicle v, Lane lane, double reachHere, double horizon) {
    double best = reachHere;
    int bestD = 0;
    java.util.List<Lane> lanes = lane.road().lanes();
    for (int li = 0; li < lanes.size(); li++) {
      Lane l = lanes.get(li);
      if (l == lane) {
        continue;
      }
      double r = RouteReach.reach(l, v.route, v.routeIndex, horizon);
      int d = l.number() - lane.number();
      if (r > best || (r == best && bestD != 0 && Math.abs(d) < Math.abs(bestD))) {
        best = r;
        bestD = d;
      }
    }
    return bestD > 0 ? lane.left() : bestD < 0 ? lane.right() : null;
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
      // Or one beyond the junction on the way it would take: changing in the last metres of a lane at 21 m/s,
      // a driver found the lane and its connector empty and ran into the car that had just left them, 6 m on
      // (hcmc-small, seed 1, t = 205.3 s).
      Connector mine = v.along(target, v.routeIndex);
      if (mine != null && s.count(mine) == 0) {
        Lane exit = mine.to();
        int en = s.count(exit);
        if (en > 0) {
          s.get(exit, en - 1, ru);
          double gap = target.length() - v.pos + mine.length() + ru.front - ru.length;
          if (gap < 1.0 || Idm.follow(v.type, v.speed, v.desiredSpeed(target), gap, ru.speed) < -maxFollowerDecel) {
            return false;
          }
        }
      }
    }
    if (k >= n && !upstreamSafe(v, target, target, v.pos - v.type.length(),
        clearBehindNeeded(v, target, maxFollowerDecel), maxFollowerDecel, s, 0)) {
      return false;
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
   * Whether the nearest road user behind {@code lane}'s start on every way into it, {@code back} m behind our
   * rear, spares us hard braking: through the junction and the lanes before it, as far as {@code reach}. One
   * junction back was not enough where netconvert clusters junctions 1 m apart: a car came out of an 84 m
   * connector, a 1 m lane and a 10 m connector at 20 m/s into the back of one that had just moved over
   * (hcmc-small, SUMO import). Whoever is nearest on a lane before a junction counts, whichever way it turns.
   */
  private boolean upstreamSafe(Vehicle v, Lane target, Lane lane, double back, double reach, double maxDecel,
      Surroundings s, int depth) {
    java.util.List<Connector> ins = lane.incoming();
    for (int ci = 0; ci < ins.size(); ci++) {
      Connector c = ins.get(ci);
      if (s.count(c) > 0) {
        s.get(c, 0, ru);
        if (!followerSafe(v, target, c.length() - ru.front + back, maxDecel)) {
          return false;
        }
        continue;
      }
      double atFrom = back + c.length();
      Lane from = c.from();
      if (atFrom > reach) {
        continue;
      }
      if (s.count(from) > 0) {
        s.get(from, 0, ru);
        if (!followerSafe(v, target, from.length() - ru.front + atFrom, maxDecel)) {
          return false;
        }
      } else if (depth < MAX_UPSTREAM_JUNCTIONS
          && !upstreamSafe(v, target, from, atFrom + from.length(), reach, maxDecel, s, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the road user in {@link #ru}, {@code gap} m behind us, could follow without hard braking. */
  private boolean followerSafe(Vehicle v, Lane target, double gap, double maxDecel) {
    return gap >= 1.0 && Idm.follow(ru.type, ru.speed, ru.desiredSpeed(target), gap, v.speed) >= -maxDecel;
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
