package io.v2xsim.core.engine;

import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Turn;
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
  /**
   * Seconds a driver moving off from its line takes to be in the junction, where those it goes ahead of see it:
   * about 4.5 m (its minimum gap and a little) from rest at 2.6 m/s^2 is 1.9 s.
   */
  static final double LET_IN_SECONDS = 2.0;
  /** A vehicle stuck in a lane that does not lead on takes another way after this long. */
  static final double STUCK_REROUTE_SECONDS = 60.0;
  /**
   * A vehicle facing red that would need more than this deceleration to stop at its line is taken to run it
   * (AASHTO Green Book, 2011: 3.4 m/s^2, the deceleration most drivers stay within when stopping).
   */
  static final double RED_STOP_DECEL = 3.4;
  /**
   * Stop lines beyond the next that {@link #linesAhead} looks at, within its braking range: netconvert's clustered
   * junctions put a line every 10-20 m along a main road (hcmc-small: 4 lines hid a yellow 100 m ahead).
   */
  static final int MAX_LINES_AHEAD = 12;

  private final Engine engine;
  // Scratch for what the view reports.
  private final RoadUser ru = new RoadUser();
  private final RoadUser exitUser = new RoadUser();
  /** Set while {@link #blocked} judges a driver waiting at the line who may clear the junction on yellow. */
  private boolean yellowClearance;
  /**
   * Where the conflict that {@link #blocked} last found in the way lies on the driver's connector: negative where
   * a neighbouring junction's path crosses the end of the driver's lane, before its line (see
   * io.v2xsim.core.network.NeighbourConflicts), and the driver then waits short of it rather than at the line.
   */
  private double blockingAt;
  /** Road users {@link #approaching} has counted as coming for the conflict it judges. */
  private int counted;
  private static final int CLEAR = 0;
  private static final int BLOCKS = 1;
  private static final int HELD = 2;
  /** Links up the approach beyond the approach lane that a driver giving way looks along. */
  static final int UPSTREAM_LINKS = 4;
  /** How far up the approach a driver giving way looks for road users coming, metres. */
  static final double APPROACH_RANGE = 150;
  /** Approach lanes shorter than this, metres, are looked past: netconvert's lanes between clustered junctions. */
  static final double SHORT_APPROACH = 30;
  /** The fastest drivers' speed over the limit, as {@link io.v2xsim.core.engine.Engine} draws it (factor 1.2). */
  static final double UPSTREAM_SPEEDING = 1.2;

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
    blockingAt = 0;
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
            // The decision taken while this was a line further on, if any, holds.
            int known = v.yellowDecision(c.index());
            v.yellowDecisionFor = c.index();
            v.yellowGo = known >= 0 ? known == 1
                : v.speed * v.speed / (2 * Math.max(dist, 0.1)) > YELLOW_STOP_DECEL;
            v.decideYellow(c.index(), v.yellowGo);
          }
          stop = !v.yellowGo;
        }
        default -> {
          v.yellowSeenFor = -1;
          v.forgetYellow(c.index());
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
      return stopFor(v, dist);
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
        // A lane further on that does not lead on: the driver must be able to stop at its end if no change of
        // lane works out before. Braking for it only once on it, a driver came off an 18.9 m road into a 32.1 m
        // one at 22 m/s, stopped dead at the end and was run into (hcmc-small, seed 1, t = 47 s).
        return stopAt(v, line);
      }
      // A line the driver can no longer stop at is driven through, but those beyond it are still looked at: one
      // that ended the look there (a priority junction 18 m ahead at 25 m/s) hid a yellow 100 m ahead until it
      // was 82 m off, too late to stop comfortably, and the driver crossed that line on red (hcmc-small).
      blockingAt = 0;
      if (v.speed * v.speed / (2 * line) <= t.emergencyDecel() && holdsAt(v, c, line, s)) {
        return stopFor(v, line);
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
      if (state != SignalColor.YELLOW) {
        v.forgetYellow(c.index());
      }
      return switch (state) {
        case SignalColor.RED, SignalColor.STOP, Surroundings.SIGNAL_UNKNOWN -> true;
        case SignalColor.YELLOW -> {
          // Decided once, as at the next line: re-judged each tick, a driver braking gently for a line 90 m off
          // found the needed deceleration past the threshold 40 m later, went, and crossed on red (hcmc-small).
          int known = v.yellowDecision(c.index());
          if (known < 0) {
            boolean go = v.speed * v.speed / (2 * dist) > YELLOW_STOP_DECEL;
            v.decideYellow(c.index(), go);
            known = go ? 1 : 0;
          }
          yield known == 0;
        }
        default -> blocked(v, c, dist, state, s);
      };
    }
    return j.kind() == JunctionKind.ALLWAY_STOP || blocked(v, c, dist, SignalColor.GREEN, s);
  }

  /**
   * Stopping for a line {@code dist} m ahead: short of a blocking conflict that lies before it (waiting at the
   * line, a driver stood in the sweep of the neighbouring dead end's turnaround). One already at or past that
   * point (it came within reach of the neighbouring path while the way was clear, or halted just there) holds
   * where it is: driving on to its line took it further into the sweep, where the neighbour, which had seen it
   * stand short of its own point, had come on (hcmc-small, 2400 s: a driver held 6.5 m before its line, 0.5 m
   * past the point, crept on to 1.5 m before it and into the rear of the turnaround waiting for it).
   */
  private double stopFor(Vehicle v, double dist) {
    if (blockingAt >= 0) {
      return stopAt(v, dist);
    }
    double at = dist + blockingAt;
    if (at > 0.5) {
      return stopAt(v, at);
    }
    return Math.min(stopAt(v, dist), v.speed > 0 ? -v.type.decel() : 0);
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
          blockingAt = conf.at();
          return true;
        }
      }
      if (conf.atOther() < 0 && onApproachInTheWay(o, conf, tEa, tEc, s)) {
        blockingAt = conf.at();
        return true;
      }
      if (exitOverhangs(o, conf, s) && tEa < overhangClears(o, conf) + CLEAR_GAP) {
        blockingAt = conf.at();
        return true;
      }
      // Cross traffic facing red is expected to stop, unless it no longer can: then it is given way to like any
      // other (a red light protects only from those who obey it).
      Junction oj = o.junction(); // a neighbouring junction's path conflicts too: its own signal governs it
      boolean otherRed = engine.isSignalized(oj) && s.signal(oj, o.movement()) == SignalColor.RED;
      if (v.type.compliance().ignoresRightOfWay() || (!otherRed && !yields(c, o, conf, j, state, s))) {
        continue;
      }
      counted = 0;
      if (approaching(v, c, o, conf, j, tEa, tEc, s, o.from(), o, 0, 0) == BLOCKS) {
        blockingAt = conf.at();
        return true;
      }
    }
    return false;
  }

  /**
   * What the road users coming on {@code link} toward {@code o} mean for us: one of them {@link #BLOCKS}, or they
   * are {@link #HELD} (halted, facing red, or beyond range: none behind them comes either), or the way is
   * {@link #CLEAR} for now. {@code expected} is the link they take next on the way to o, {@code offset} the
   * distance from the end of {@code link} to o's line. From o's approach lane the look goes on up the links
   * feeding it, to {@link #UPSTREAM_LINKS} links and {@link #APPROACH_RANGE} m: netconvert's clustered junctions
   * leave approach lanes of 1-25 m, and a driver who looked at that lane alone turned in 1.8 s ahead of a car
   * coming at 24 m/s through the junction before (hcmc-small).
   */
  private int approaching(Vehicle v, Connector c, Connector o, Conflict conf, Junction j, double tEa, double tEc,
      Surroundings s, Link link, Link expected, double offset,
      int hop) {
    if (hop > 0 && link == v.link) {
      return CLEAR; // those behind the driver on its own lane get there after it
    }
    Junction oj = o.junction();
    int n = s.count(link);
    for (int k = 0; k < n; k++) {
      s.get(link, k, ru);
      double df = offset + link.length() - ru.front;
      if (df > APPROACH_RANGE) {
        return HELD;
      }
      if (ru.nextKnown && ru.next != expected) {
        if (ru.speed < 0.1) {
          return HELD; // a halted vehicle bound elsewhere holds up everyone behind it: none of them is coming
        }
        continue;
      }
      if (hop == 0 && ru.speed < 0.1 && df < ru.type.minGap() + 2.0
          && (exitFull(o, ru.length + ru.type.minGap(), s) || standingAcross(o, c, s))) {
        // It waits at the line for room on its exit, or for one standing in the junction across its path,
        // which we see as well as it does: it is not coming, and those behind it neither. Given way to, it held
        // an 8-arm junction whose other exits had room until its own cleared, and with every arm's first
        // waiting so, for ever (spider, 2026-12-03); on rand, drivers queued for hours behind one that waited
        // for a car stuck in the junction on another path. Once the way clears for it, we are in the junction
        // or still at our line, and it gives way to us or we to it as ever.
        return HELD;
      }
      if (counted == 3 || hop > 0 && (ru.speed < 0.1 || facesRed(expected, link.length() - ru.front, s))) {
        // (Halted up the approach, at a line or in a queue there, or about to stop at a red light there: it is
        // seconds from coming, and it holds up those behind it. Counted as coming, queues at a red light one
        // junction up held minor-road drivers.)
        return HELD;
      }
      counted++;
      if (engine.isSignalized(oj)) {
        byte fs = s.signal(oj, o.movement());
        if (fs == SignalColor.RED
            && ru.speed * ru.speed <= 2 * RED_STOP_DECEL * Math.max(df, 0.1)) {
          return HELD; // it can stop, and those behind it too
        }
        if (fs == SignalColor.YELLOW && ru.stopsOnYellowAt == o.index()) {
          return HELD;
        }
      }
      if (hop == 0 && j.kind() == JunctionKind.ALLWAY_STOP && oj == j) {
        if (!ru.stoppedAtLine
            || !waitedLonger(ru.waitingSinceTick, ru.order, v.waitingAtLineSinceTick, v.trip)) {
          continue;
        }
      } else if (hop == 0 && ru.speed < 0.1 && ru.waitingSinceTick >= 0 && v.waitingAtLineSinceTick >= 0
          && (engine.tick - v.waitingAtLineSinceTick) * engine.dt() > IMPATIENCE_SECONDS
          && waitedLonger(v.waitingAtLineSinceTick, v.trip, ru.waitingSinceTick, ru.order)) {
        // Both wait; the one waiting longer goes first, which breaks priority deadlocks. Those queued behind
        // the one that waits are held up by it: counted, the second in an 8-arm junction's queues (standing
        // 9 m short of the line, so never "waiting at the line") held everyone for ever (spider, 2026-12-03).
        return HELD;
      } else if (hop == 0 && ru.waitingSinceTick < 0 && oj == j && !engine.isSignalized(j) && patientLongEnough(v)
          && sameRank(c, o) && canLetIn(ru, df + conf.atOther())) {
        // Between roads of equal rank the one on the right goes first, and on a junction of many arms each
        // driver has someone on its right: with every approach queued, only one arm's queue ever flowed while
        // the rest waited behind each other in a ring (spider's 8-arm centre, which netconvert leaves
        // unregulated: 12 trips a minute where SUMO passed 28, and 490 of 1,800 trips completed). A driver who
        // has waited long at its line goes ahead of one still coming that can stop short of its path without
        // braking hard, even after we take the time to get in: that one sees us in the junction and stops, as
        // drivers let a long-waiting one in. SUMO lets waiting drivers impede those with priority in the same
        // way, more so the longer they wait (its --time-to-impatience).
        return HELD;
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
        return BLOCKS;
      }
    }
    // Further up only past a short lane, and only as far as one coming at a little over the limit could be here
    // before we are clear: on approaches of ordinary length the look stays on the approach lane, as it did
    // (spider, 59-85 m lanes: looking up past them held minor-road drivers back, 5% fewer trips in 300 s).
    double further = offset + link.length();
    double reach = Math.min(APPROACH_RANGE, (tEc + FOLLOW_UP_GAP) * UPSTREAM_SPEEDING * link.speedLimit());
    if (hop == UPSTREAM_LINKS || further > reach || link instanceof Lane && link.length() > SHORT_APPROACH) {
      return CLEAR;
    }
    if (link instanceof Lane lane) {
      java.util.List<Connector> feeds = lane.incoming();
      for (int i = 0; i < feeds.size(); i++) {
        if (approaching(v, c, o, conf, j, tEa, tEc, s, feeds.get(i), lane, further, hop + 1) == BLOCKS) {
          return BLOCKS;
        }
      }
      return CLEAR;
    }
    Connector feed = (Connector) link;
    return approaching(v, c, o, conf, j, tEa, tEc, s, feed.from(), feed, further, hop + 1);
  }

  /** Whether the road user in {@link #ru}, {@code toLine} m before connector {@code next}, can stop there for red. */
  private boolean facesRed(Link next, double toLine, Surroundings s) {
    return next instanceof Connector ic && engine.isSignalized(ic.junction())
        && s.signal(ic.junction(), ic.movement()) == SignalColor.RED
        && ru.speed * ru.speed <= 2 * RED_STOP_DECEL * Math.max(toLine, 0.1);
  }

  /**
   * Whether a road user on the lane before {@code o}, where a neighbouring junction's path crosses its end
   * ({@code conf.atOther()} negative: metres before o's line), is in the way of our getting there at
   * {@code tEa} and clearing at {@code tEc}: standing in the sweep, or too close to stop short of it. One further
   * back that can stop is left to the rules it drives by (it yields to us, or we to it as it approaches).
   */
  private boolean onApproachInTheWay(Connector o, Conflict conf, double tEa, double tEc, Surroundings s) {
    Lane ol = o.from();
    int n = s.count(ol);
    for (int k = 0; k < n; k++) {
      s.get(ol, k, ru);
      double rem = conf.atOther() - (ru.front - ol.length());
      if (rem < -ru.length - 1.0) {
        continue;
      }
      boolean there = rem < 1.0;
      if (!there && ru.speed * ru.speed <= 2 * ru.type.decel() * rem) {
        break; // it can stop short, and those behind it too
      }
      double fv = Math.max(ru.speed, 1.0);
      double tFa = rem <= 0 ? 0 : rem / fv;
      double tFc = (rem + ru.length + 1.0) / fv;
      if (tEa < tFc + CLEAR_GAP && tEc + FOLLOW_UP_GAP > tFa) {
        return true;
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
    if (!engine.isSignalized(j) || o.junction() != j) {
      return false; // (a neighbouring junction's signal says nothing of who goes first here)
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
  private boolean patientLongEnough(Vehicle v) {
    return v.waitingAtLineSinceTick >= 0 && (engine.tick - v.waitingAtLineSinceTick) * engine.dt() > IMPATIENCE_SECONDS;
  }

  /** Whether neither of two paths has the right of way by its road's rank (nor is a turnaround). */
  private static boolean sameRank(Connector c, Connector o) {
    return c.from().road().priority() == o.from().road().priority() && c.turn() != Turn.UTURN
        && o.turn() != Turn.UTURN;
  }

  /**
   * Whether the road user in {@link #ru}, {@code toPoint} m from our path, could still stop short of it at its
   * comfortable deceleration after {@link #LET_IN_SECONDS} more at full acceleration: the time we take from
   * rest to be in the junction, where it sees us.
   */
  private static boolean canLetIn(RoadUser ru, double toPoint) {
    double t = LET_IN_SECONDS;
    double a = ru.type.accel();
    double later = ru.speed + a * t;
    double need = ru.speed * t + 0.5 * a * t * t + later * later / (2 * ru.type.decel()) + ru.type.minGap();
    return need < toPoint;
  }

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
    if (o.junction() != j) {
      return conf.yieldsStatically(); // paths of two junctions: neither's signal orders them, the static rule does
    }
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
        if (conf.atOther() < 0) {
          // Or one on the lane before it, whose end a neighbouring junction's path crosses: standing over the
          // point, it is an obstacle there.
          Lane ol = other.from();
          int m = s.count(ol);
          for (int k = 0; k < m; k++) {
            s.get(ol, k, ru);
            double front = ru.front - ol.length();
            if (front > conf.atOther() - 1.5 && front - ru.length < conf.atOther() + 1.5 && ru.speed < 1.0) {
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
