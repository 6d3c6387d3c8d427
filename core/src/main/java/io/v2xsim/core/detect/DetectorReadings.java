package io.v2xsim.core.detect;

/**
 * What detectors report, which is all a detector-based controller may read. Detectors are found by the lane
 * (link index) they sit on; readings are indexed by detector.
 */
public interface DetectorReadings {
  /** The detector of that kind on the lane with link index {@code lane}, or -1. */
  int detector(int lane, DetectorKind kind);

  /** Whether a vehicle is over the detector now. */
  boolean occupied(int detector);

  /** Vehicles that have entered the detector since the start of the run. */
  long count(int detector);

  /** Seconds the detector has been occupied since the start of the run (occupancy = its rate of change). */
  double occupiedSeconds(int detector);

  /** Seconds since the detector was last occupied at {@code time}: 0 while occupied. */
  double gap(int detector, double time);

  /** Vehicles in a lane-area zone now (loops: 1 if occupied). */
  int vehicles(int detector);

  /** Vehicles in a lane-area zone now moving slower than the halting speed. */
  int halting(int detector);
}
