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
      if (v.hazardBody != p.bodyId) {
        if (tracked) {
          continue; // one hazard at a time is remembered; the first in the list keeps its clock
        }
        v.hazardBody = p.bodyId;
        v.hazardSeenTick = engine.tick;
      }
      tracked = true;
      if ((engine.tick - v.hazardSeenTick) * engine.dt() + 1e-9 >= REACTION_TIME) {
        a = Math.min(a, Idm.follow(v.type, v.speed, v0, Math.max(0.1, along - 0.5 * p.length), 0));
      }
    }
    if (!tracked) {
      v.hazardBody = -1;
    }
    return a;
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
