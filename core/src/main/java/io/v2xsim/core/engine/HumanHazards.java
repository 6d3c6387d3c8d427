package io.v2xsim.core.engine;

import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.traffic.Idm;

/**
 * A human driver's reaction to pedestrians, cyclists and vehicles standing in the lane: one in, or about to step
 * into, the corridor ahead is a standing obstacle to stop for, once the driver has seen it (line of sight past
 * buildings, parked vehicles and other road users) for a perception-reaction time. Automated vehicles instead
 * perceive them through their sensors.
 */
final class HumanHazards {
  /**
   * Perception-reaction time for a hazard in view, seconds. Green (2000), "How long does it take to stop?",
   * Transportation Human Factors 2(3): about 0.7-0.75 s when expected, 1.25 s for unexpected but common
   * signals, 1.5 s for surprises; 1.0 s is used for a road user seen stepping toward the lane.
   */
  static final double REACTION_TIME = 1.0;
  /** How far ahead along its heading a driver looks for such road users, metres. */
  static final double LOOK_AHEAD = 60.0;
  /** Where it looks: now and where the road user will be this many seconds later at its speed. */
  static final double PREDICT = 1.5;
  /**
   * How long a driver keeps stopping for a road user who was in the corridor and went out of view, seconds: a
   * pedestrian hidden for a moment behind another is still there. Short, because the driver knows only where they
   * were.
   */
  static final double MEMORY = 2.0;

  private final Engine engine;

  HumanHazards(Engine engine) {
    this.engine = engine;
  }

  /** The acceleration limit the road users ahead that this driver has seen in time impose; MAX_VALUE if none. */
  double react(Vehicle v) {
    ActorSystem as = engine.actors();
    if (as.activeCount == 0) {
      return Double.MAX_VALUE;
    }
    double fx = v.x + 0.5 * v.length * v.cosHeading;
    double fy = v.y + 0.5 * v.length * v.sinHeading;
    double v0 = v.desiredSpeed(v.link);
    double a = Double.MAX_VALUE;
    boolean tracked = false;
    double nearest = Double.MAX_VALUE;
    for (int i = 0; i < as.activeCount; i++) {
      Actor p = as.active[i];
      double along = Double.MAX_VALUE;
      for (int k = 0; k < 2; k++) {
        double t = k * PREDICT;
        double px = p.x + t * p.speed * p.cosHeading - fx;
        double py = p.y + t * p.speed * p.sinHeading - fy;
        double al = px * v.cosHeading + py * v.sinHeading;
        double across = -px * v.sinHeading + py * v.cosHeading;
        if (al > -0.5 && al < LOOK_AHEAD && Math.abs(across) < 0.5 * (v.width + p.width) + 0.5) {
          along = Math.min(along, al);
        }
      }
      if (along == Double.MAX_VALUE || !seen(v, p)) {
        continue;
      }
      if (v.hazardBody < 0) {
        // The clock starts when the first road user comes into the corridor after none: people crossing one after
        // another, or a group, are one hazard the driver is already reacting to (restarting it for each was a
        // second of blindness to the second pedestrian of every pair).
        v.hazardBody = p.bodyId;
        v.hazardSeenTick = engine.tick;
      }
      if (!tracked || along < nearest) {
        nearest = along;
        v.hazardX = p.x;
        v.hazardY = p.y;
        v.hazardHalfLength = 0.5 * p.length;
      }
      tracked = true;
      v.hazardLastSeenTick = engine.tick;
      if (reacted(v)) {
        a = Math.min(a, Idm.follow(v.type, v.speed, v0, Math.max(0.1, along - 0.5 * p.length), 0));
      }
    }
    if (!tracked && v.hazardBody >= 0 && (engine.tick - v.hazardLastSeenTick) * engine.dt() <= MEMORY + 1e-9) {
      // Nobody in view now, but somebody was a moment ago (another person stepped in front, a car passed between):
      // the driver keeps stopping for where they were last seen.
      double px = v.hazardX - fx;
      double py = v.hazardY - fy;
      double along = px * v.cosHeading + py * v.sinHeading;
      double across = -px * v.sinHeading + py * v.cosHeading;
      if (along > -0.5 && along < LOOK_AHEAD && Math.abs(across) < 0.5 * v.width + 0.75) {
        tracked = true;
        if (reacted(v)) {
          a = Math.min(a, Idm.follow(v.type, v.speed, v0, Math.max(0.1, along - v.hazardHalfLength), 0));
        }
      }
    }
    if (!tracked) {
      v.hazardBody = -1;
    }
    return a;
  }

  private boolean reacted(Vehicle v) {
    return (engine.tick - v.hazardSeenTick) * engine.dt() + 1e-9 >= REACTION_TIME;
  }

  /** Line of sight from the driver's eye to any of the road user's outline points. */
  private boolean seen(Vehicle v, Actor p) {
    GroundTruth truth = engine.groundTruth();
    Occluders occ = engine.occluders();
    int target = truth.indexOf(p.bodyId);
    int host = truth.indexOf(v.bodyId);
    if (target < 0) {
      return false;
    }
    // The driver sits about a quarter of the vehicle's length behind its front.
    double ex = v.x + 0.25 * v.length * v.cosHeading;
    double ey = v.y + 0.25 * v.length * v.sinHeading;
    return occ.visibleFraction(ex, ey, target, host) > 0;
  }
}
