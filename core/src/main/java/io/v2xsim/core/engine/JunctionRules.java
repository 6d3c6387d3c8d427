package io.v2xsim.core.engine;

import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.traffic.Idm;
import io.v2xsim.core.traffic.VehicleType;

/**
 * Junction rules, the second of a driver's three sets ({@link DriverModel}): stopping for red and (by a
 * dilemma-zone rule) yellow, stop-then-go and all-way stops, gap acceptance against who arrives at each conflict
 * point and when, "don't block the box", and inside the junction zipper merging and stopping for a crossing
 * blocker. Reads only what the driver's {@link Surroundings} report; allocation-free.
 */
final class JunctionRules {
  /** A yellow light is run when stopping would need more than this deceleration (ITE: about 3 m/s^2). */
  static final double YELLOW_STOP_DECEL = 3.0;
  /**
   * A turner waiting at the line goes on yellow only within this many seconds of its start: from rest it then
   * clears the line about a second later, within the 3 s of the shortest yellow (ITE's minimum).
   */
  static final double YELLOW_CLEAR_WINDOW = 1.0;
  /** Seconds a driver keeps between its clearing a conflict point and a crossing vehicle arriving there. */
  static final double FOLLOW_UP_GAP = 1.5;
  /** Seconds kept after a crossing vehicle has cleared before arriving at the same point. */
  static final double CLEAR_GAP = 1.0;
  /** A driver who waited this long at an unsignalized line goes ahead of waiting (not moving) vehicles. */
  static final double IMPATIENCE_SECONDS = 6.0;
  /** A vehicle stuck in a lane that does not lead on takes another way after this long. */
  static final double STUCK_REROUTE_SECONDS = 60.0;
  /**
   * A vehicle facing red that would need more than this deceleration to stop at its line is taken to run it
   * (AASHTO Green Book, 2011: 3.4 m/s^2, the deceleration most drivers stay within when stopping).
   */
  static final double RED_STOP_DECEL = 3.4;
  /** Stop lines beyond the next that {@link #linesAhead} looks at; short lanes between clustered junctions. */
  static final int MAX_LINES_AHEAD = 4;

  private final Engine engine;
  // Scratch for what the view reports.
  private final RoadUser ru = new RoadUser();
  private final RoadUser exitUser = new RoadUser();
  /** Set while {@link #blocked} judges a driver waiting at the line who may clear the junction on yellow. */
  private boolean yellowClearance;

  JunctionRules(Engine engine) {
    this.engine = engine;
  }

  /** Stop-line logic on the approach to the junction at the end of {@code lane}. */
  double junctionApproach(Vehicle v, Lane lane, Surroundings s) {
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
    Connector c = v.along(lane, v.routeIndex);
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
      if (state != SignalColor.YELLOW && queuedBehindHalted(v, lane, dist, s)) {
        if (state != SignalColor.RED && state != SignalColor.STOP && state != Surroundings.SIGNAL_UNKNOWN) {
          v.yellowSeenFor = -1;
        }
        v.waitingAtLineSinceTick = -1;
        return Double.MAX_VALUE;
      }
      if (!v.stoppedAtLine && v.speed < 0.1 && dist < t.minGap() + 2.0) {
        v.stoppedAtLine = true; // halted at the line: what a stop-then-go light asks before going
      }
      switch (state) {
        case SignalColor.RED, Surroundings.SIGNAL_UNKNOWN -> stop = true; // a signal not seen is not a green
        // Stop, then go (SUMO 's', right on red): halt at the line first, then yield to everyone not facing red.
        case SignalColor.STOP -> stop = !v.stoppedAtLine || blocked(v, c, dist, state, s);
        case SignalColor.YELLOW -> {
          // Only turns across traffic clear on yellow: a straight driver waiting at the line (held by crossing
          // traffic) went on yellow and crossed the line on red (CityFlow 4x4, lane-level connectors).
          if (v.waitingAtLineSinceTick >= 0 && v.yellowDecisionFor != c.index()
              && (c.turn() == io.v2xsim.core.network.Turn.LEFT || c.turn() == io.v2xsim.core.network.Turn.UTURN)) {
            // Waiting at the line to turn across traffic: clear the junction now, as drivers do on yellow,
            // if no one is still coming, and only early in it: held back a second and a half by the turner in
            // front, one moved off then and crossed the line on red (CityFlow 4x4, 2026-12-03).
            if (v.yellowSeenFor != c.index()) {
              v.yellowSeenFor = c.index();
              v.yellowSeenTick = engine.tick;
            }
            yellowClearance = true;
            stop = (engine.tick - v.yellowSeenTick) * engine.dt() > YELLOW_CLEAR_WINDOW
                || blocked(v, c, dist, SignalColor.PERMISSIVE, s);
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
        default -> {
          v.yellowSeenFor = -1;
          stop = blocked(v, c, dist, state, s);
        }
      }
    } else if (queuedBehindHalted(v, lane, dist, s)) {
      v.waitingAtLineSinceTick = -1;
      return Double.MAX_VALUE;
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

  /**
   * Whether the driver stands or drives behind a road user halted in its own lane short of the line, and is not
   * at the line itself: following that one ({@link CarFollowing}) brakes at least as hard as stopping at the
   * line would (IDM's deceleration grows as the gap shrinks), so the line's rules cannot change what it does and
   * are not judged. In a jam most drivers are queued so; judging gap acceptance for each of them was a third of
   * a tick on netgenerate's rand network (2026-12-03). Yellow is judged anyway: its go-or-stop decision is made
   * once, when the driver first sees it.
   */
  private boolean queuedBehindHalted(Vehicle v, Lane lane, double dist, Surroundings s) {
    if (dist < v.type.minGap() + 2.0) {
      return false;
    }
    int lk = s.firstBehind(lane, v.pos);
    if (lk == 0) {
      return false;
    }
    s.get(lane, lk - 1, ru);
    return ru.speed == 0 && ru.front - ru.length - v.pos <= dist + 1.0;
  }

  /**
   * Stop lines beyond the one {@link #junctionApproach} judges (or, inside a junction, beyond its exit lane),
   * within braking range along the route: a red, a stop-then-go or all-way stop, or a junction that would not
   * let the driver in now. netconvert's clustered junctions leave lanes of 1-25 m between two junctions; a
   * driver who looked only at the next line came out of an 84 m connector at 24 m/s, 39 m from a red it could
   * no longer stop for (hcmc-small, SUMO import). The state of the tick is used as it is; the driver only slows
   * where it may have to stop, and judges each line again once it is the next one.
   */
  double linesAhead(Vehicle v, Surroundings s) {
    VehicleType t = v.type;
    double range = Math.max(40.0, 1.5 * v.speed * v.speed / (2 * t.decel()) + 15);
    double dist = v.link.length() - v.pos;
    int ri = v.routeIndex;
    Lane lane;
    if (v.link instanceof Lane l) {
      Connector c = v.along(l, ri);
      if (c == null) {
        return Double.MAX_VALUE;
      }
      dist += c.length();
      lane = c.to();
    } else {
      lane = ((Connector) v.link).to();
    }
    ri++;
    for (int hop = 0; hop < MAX_LINES_AHEAD; hop++) {
      double line = dist + lane.length();
      if (line > range || ri >= v.route.size() - 1) {
        break;
      }
      Connector c = v.along(lane, ri);
      if (c == null) {
        break;
      }
      if (v.speed * v.speed / (2 * line) > t.emergencyDecel()) {
        break; // no longer able to stop there
      }
      if (holdsAt(v, c, line, s)) {
        return stopAt(v, line);
      }
      dist = line + c.length();
      lane = c.to();
      ri++;
    }
    return Double.MAX_VALUE;
  }

  /** Whether a line further on, {@code dist} m ahead, would hold the driver were it there now. */
  private boolean holdsAt(Vehicle v, Connector c, double dist, Surroundings s) {
    Junction j = c.junction();
    if (engine.isSignalized(j)) {
      byte state = s.signal(j, c.movement());
      if (v.type.compliance().runsRedLights() && (state == SignalColor.RED || state == SignalColor.YELLOW)) {
        return false;
      }
      return switch (state) {
        case SignalColor.RED, SignalColor.STOP, Surroundings.SIGNAL_UNKNOWN -> true;
        case SignalColor.YELLOW -> {
          // Decided once, as at the next line: re-judged each tick, a driver braking gently for a line 90 m off
          // found the needed deceleration past the threshold 40 m later, went, and crossed on red (hcmc-small).
          if (v.yellowDecisionFor != c.index()) {
            v.yellowDecisionFor = c.index();
            v.yellowGo = v.speed * v.speed / (2 * dist) > YELLOW_STOP_DECEL;
          }
          yield !v.yellowGo;
        }
        default -> blocked(v, c, dist, state, s);
      };
    }
    return j.kind() == JunctionKind.ALLWAY_STOP || blocked(v, c, dist, SignalColor.GREEN, s);
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
    for (int ci = 0, nc = c.conflictCount(); ci < nc; ci++) {
      Conflict conf = c.conflict(ci);
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
        if (ru.speed < 0.1 && df < ru.type.minGap() + 2.0
            && (exitFull(o, ru.length + ru.type.minGap(), s) || standingAcross(o, c, s))) {
          // It waits at the line for room on its exit, or for one standing in the junction across its path,
          // which we see as well as it does: it is not coming, and those behind it neither. Given way to, it held
          // an 8-arm junction whose other exits had room until its own cleared, and with every arm's first
          // waiting so, for ever (spider, 2026-12-03); on rand, drivers queued for hours behind one that waited
          // for a car stuck in the junction on another path. Once the way clears for it, we are in the junction
          // or still at our line, and it gives way to us or we to it as ever.
          break;
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
          // Both wait; the one waiting longer goes first, which breaks priority deadlocks. Those queued behind
          // the one that waits are held up by it: counted, the second in an 8-arm junction's queues (standing
          // 9 m short of the line, so never "waiting at the line") held everyone for ever (spider, 2026-12-03).
          break;
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
      if (so == Surroundings.SIGNAL_UNKNOWN) {
        return rank(state) < rank(SignalColor.GREEN);
      }
      if (rank(state) != rank(so)) {
        return rank(state) < rank(so);
      }
      return conf.yieldsStatically();
    }
    if (j.kind() == JunctionKind.ALLWAY_STOP) {
      return true;
    }
    return conf.yieldsStatically();
  }

  /**
   * Priority of a signal state among movements that may go: protected green (and yellow, which ends one) over
   * permissive green over stop-then-go. A lower rank gives way to a higher one; equal ranks fall back on the
   * junction's static rules.
   */
  private static int rank(byte state) {
    return switch (state) {
      case SignalColor.STOP -> 0;
      case SignalColor.PERMISSIVE -> 1;
      default -> 2;
    };
  }

  /** Don't block the box: wait at the line if the exit lane has no room for this vehicle. */
  private boolean exitBlocked(Vehicle v, Connector c, Surroundings s) {
    return exitFull(c, v.type.length() + v.type.minGap(), s);
  }

  /**
   * Whether connector {@code c}'s exit lane has no room for a road user needing {@code need} metres (its
   * length and minimum gap) behind those already on {@code c}, the last on the exit standing or crawling.
   * Reads {@link #exitUser}, so callers may hold a reading in {@link #ru}.
   */
  private boolean exitFull(Connector c, double need, Surroundings s) {
    RoadUser ru = exitUser;
    Lane exit = c.to();
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

  /**
   * Whether a road user stands on a connector crossing {@code o} (other than {@code ours}) and has not cleared
   * the crossing: one waiting at {@code o}'s line waits for it. Reads {@link #exitUser}.
   */
  private boolean standingAcross(Connector o, Connector ours, Surroundings s) {
    for (int ci = 0, nc = o.conflictCount(); ci < nc; ci++) {
      Conflict conf = o.conflict(ci);
      Connector x = conf.other();
      if (x == ours || conf.merge()) {
        continue;
      }
      for (int k = 0, n = s.count(x); k < n; k++) {
        s.get(x, k, exitUser);
        if (exitUser.speed < 0.1 && exitUser.front - exitUser.length < conf.atOther() + 1.0) {
          return true;
        }
      }
    }
    return false;
  }

  /** Inside a junction: zipper merge with road users bound for the same lane, and stop for a crossing blocker. */
  double insideJunction(Vehicle v, Connector c, Surroundings s) {
    double a = Double.MAX_VALUE;
    double egoRem = c.length() - v.pos;
    double v0 = v.desiredSpeed(c);
    for (int ci = 0, nc = c.conflictCount(); ci < nc; ci++) {
      Conflict conf = c.conflict(ci);
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
        double egoIn = conf.at() - v.pos;
        double vmax = Math.max(Math.min(v0, v.speed + 5), 1.0);
        double tEa = timeToCover(egoIn, v.speed, v.type.accel(), vmax);
        double tEc = timeToCover(egoIn + v.type.length() + 1.0, v.speed, v.type.accel(), vmax);
        boolean canStop = v.speed * v.speed <= 2 * v.type.emergencyDecel() * Math.max(egoIn - 1.5, 0.01);
        for (int k = 0; k < n; k++) {
          s.get(other, k, ru);
          double front = ru.front;
          double rear = ru.front - ru.length;
          // A road user standing across our path: treat the conflict point as an obstacle.
          if (front > conf.atOther() - 1.5 && rear < conf.atOther() + 1.5 && ru.speed < 1.0) {
            a = Math.min(a, Idm.follow(v.type, v.speed, v0, egoIn - 1.5, 0));
          } else if (canStop && rear < conf.atOther() + 1.0) {
            // Two drivers inside the junction bound for the same point (one that came in too fast to stop at
            // its line and halted just past it, then moved on in front of the other: rand, 2026-12-03): the one
            // that gets there later waits short of it, while it can.
            double rem = conf.atOther() - front;
            double fmax = Math.max(Math.min(ru.desiredSpeed(other), ru.speed + 5), 1.0);
            double tFa = timeToCover(rem, ru.speed, ru.type.accel(), fmax);
            double tFc = timeToCover(rem + ru.length + 1.0, ru.speed, ru.type.accel(), fmax);
            boolean first = tFa < tEa || tFa == tEa && ru.order < v.trip;
            if (first && tEa < tFc + CLEAR_GAP && tEc + CLEAR_GAP > tFa) {
              a = Math.min(a, Idm.follow(v.type, v.speed, v0, egoIn - 1.5, 0));
            }
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
}
