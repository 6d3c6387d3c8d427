package io.v2xsim.scenarios.coop;

import io.v2xsim.core.metrics.safety.SafetyMonitor;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Neighbours;

/**
 * Ground-truth geometry of one ego, with the oriented boxes and constant-velocity contact time the collision
 * detector and {@link SafetyMonitor} use: its smallest time to collision, and when a hazard becomes
 * physically relevant to it. Static and allocation-free; the caller owns the neighbour scratch.
 */
final class EgoSafety {
  private EgoSafety() {}

  /**
   * Brake reaction time of the stopping sight distance, s: AASHTO, A Policy on Geometric Design of Highways and
   * Streets (the Green Book), section 3.2.2, 2.5 s (covers about 90% of drivers).
   */
  static final double REACTION_S = 2.5;
  /** Deceleration of the stopping sight distance, m/s^2: AASHTO Green Book, 11.2 ft/s^2. */
  static final double SSD_DECELERATION = 11.2 * 0.3048;

  /**
   * How far ahead a road user matters to an ego at {@code speed}: the time the ego takes, at its current speed,
   * to cover its AASHTO stopping sight distance, {@code (v t_r + v^2 / 2a) / v = t_r + v / 2a}. A road user the
   * ego would touch within that time is one it must already react to in order to stop short of it.
   */
  static double relevanceHorizon(double speed) {
    return REACTION_S + Math.max(0, speed) / (2 * SSD_DECELERATION);
  }

  /**
   * Whether road user {@code other} is physically relevant to {@code ego} now: at constant velocities their
   * boxes touch (or already overlap) within {@link #relevanceHorizon} of the ego's speed. From ground truth
   * only, so the same in every arm until the ego's own motion differs.
   */
  static boolean relevant(GroundTruth g, int ego, int other) {
    double h = relevanceHorizon(Math.hypot(g.vx[ego], g.vy[ego]));
    return SafetyMonitor.timeToContact(g, ego, other, h) >= 0; // NaN: no contact within h
  }

  /**
   * The smallest time until the ego's box first touches another road user's, both at constant velocity, over
   * those that would touch within {@code horizon} but do not overlap now (an overlap is a collision, counted
   * by the collision detector); +infinity if none.
   *
   * @param vmax an upper bound on every road user's speed in {@code g}
   * @param maxHalfDiagonal an upper bound on every road user's half diagonal in {@code g}
   */
  static double minTtc(GroundTruth g, int me, double horizon, double vmax, double maxHalfDiagonal,
      Neighbours near) {
    // Exact pruning: two boxes whose centres are d apart cannot touch sooner than (d - both half diagonals) /
    // (2 vmax).
    double reach = 2 * vmax * horizon + 0.5 * Math.hypot(g.length[me], g.width[me]) + maxHalfDiagonal;
    g.near(g.x[me], g.y[me], reach + 1e-6, near);
    double best = Double.POSITIVE_INFINITY;
    for (int q = 0; q < near.count; q++) {
      int i = near.items[q];
      if (i == me) {
        continue;
      }
      double t = SafetyMonitor.timeToContact(g, me, i, horizon);
      if (t > 0 && t < best) {
        best = t;
      }
    }
    return best;
  }
}
