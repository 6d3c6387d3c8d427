package io.v2xsim.roadside.fusion;

import io.v2xsim.core.sensing.Detections;

/**
 * An RSU fusion pipeline: takes sensor scans, and at each step turns the ready ones into fused objects. Two
 * implementations: {@link Tracker} (the one the simulator runs) and {@link ReferenceTracker} (built from library
 * pieces, for cross-checks and benchmarks); both follow the same rules and give the same output up to rounding.
 */
public sealed interface Fusion permits Tracker, ReferenceTracker {
  /**
   * Queues detections for later steps. Each sensor scan must be appended whole and contiguous (as
   * {@link io.v2xsim.core.sensing.Sensor#sense} does); a detection is used by the first step at or after its ready
   * time. {@code truthId} is never read.
   */
  void ingest(Detections scans);

  /**
   * Processes every queued scan ready by {@code now}, in measurement-time order (then sensor id, then arrival):
   * predict, gate, assign, update, create tracks; then confirms and deletes tracks and writes the confirmed ones
   * into {@code out} (cleared first).
   */
  void step(double now, FusedObjects out);

  /** Live tracks, tentative and confirmed. */
  int trackCount();
}
