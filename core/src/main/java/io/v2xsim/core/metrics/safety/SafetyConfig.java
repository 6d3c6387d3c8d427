package io.v2xsim.core.metrics.safety;

/**
 * Settings of {@link SafetyMonitor}. All times in seconds, lengths in metres, angles in radians.
 *
 * @param interval time between evaluations; PET is resolved to about this much
 * @param horizon how far ahead TTC looks; pairs that would touch later count as not on a collision course
 * @param ttcThreshold TTC below this is a conflict (SSAM: 1.5 s)
 * @param petThreshold PET below this is a conflict (SSAM: 1.0 s)
 * @param episodeGap observations of one pair further apart than this are separate encounters
 * @param pairCell cell size of the spatial hash that finds candidate pairs
 * @param petCell spacing of the grid of points whose occupancy history gives PET
 * @param rearEndAngle heading difference below which two users travel the same way (SSAM: 30 degrees):
 *     such pairs are rear-end situations for DRAC and never PET conflicts
 * @param warmup nothing is measured before this model time (the scenario's warm-up)
 */
public record SafetyConfig(double interval, double horizon, double ttcThreshold, double petThreshold,
    double episodeGap, double pairCell, double petCell, double rearEndAngle, double warmup) {

  public SafetyConfig {
    positive("interval", interval);
    positive("horizon", horizon);
    positive("ttcThreshold", ttcThreshold);
    positive("petThreshold", petThreshold);
    positive("episodeGap", episodeGap);
    positive("pairCell", pairCell);
    positive("petCell", petCell);
    if (!(rearEndAngle > 0 && rearEndAngle < Math.PI)) {
      throw new IllegalArgumentException("rearEndAngle must be in (0, pi), got " + rearEndAngle);
    }
    if (!(warmup >= 0)) {
      throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
    }
    if (horizon < ttcThreshold) {
      throw new IllegalArgumentException("horizon " + horizon + " is shorter than ttcThreshold " + ttcThreshold);
    }
  }

  /** Every 0.1 s, 3 s TTC horizon, SSAM thresholds, 20 m pair cells, 0.5 m PET points, no warm-up. */
  public static SafetyConfig defaults() {
    return new SafetyConfig(0.1, 3.0, 1.5, 1.0, 1.0, 20.0, 0.5, Math.toRadians(30), 0);
  }

  public SafetyConfig withWarmup(double seconds) {
    return new SafetyConfig(interval, horizon, ttcThreshold, petThreshold, episodeGap, pairCell, petCell,
        rearEndAngle, seconds);
  }

  public SafetyConfig withInterval(double seconds) {
    return new SafetyConfig(seconds, horizon, ttcThreshold, petThreshold, episodeGap, pairCell, petCell,
        rearEndAngle, warmup);
  }

  private static void positive(String name, double v) {
    if (!(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + v);
    }
  }
}
