package io.v2xsim.core.metrics;

import java.util.List;

/**
 * Everything one run (scenario, seed) measured. A pure value: equal inputs give equal results.
 *
 * @param seed the run seed
 * @param simulatedSeconds model time covered
 * @param metrics run-level metrics in a fixed order (see {@link MetricValue})
 * @param trips one record per vehicle that was due to depart after warm-up, in departure order
 * @param collisions every collision, in time order
 * @param queues queue statistics per junction approach, in network order
 * @param conflicts surrogate-safety conflicts (TTC below 1.5 s, PET below 1 s) from ground truth, in time order
 */
public record RunResult(
    long seed,
    double simulatedSeconds,
    List<MetricValue> metrics,
    List<TripRecord> trips,
    List<CollisionRecord> collisions,
    List<ApproachQueue> queues,
    List<io.v2xsim.core.metrics.safety.ConflictRecord> conflicts) {

  /** A result without conflict records. */
  public RunResult(long seed, double simulatedSeconds, List<MetricValue> metrics, List<TripRecord> trips,
      List<CollisionRecord> collisions, List<ApproachQueue> queues) {
    this(seed, simulatedSeconds, metrics, trips, collisions, queues, List.of());
  }

  public RunResult {
    conflicts = List.copyOf(conflicts);
    metrics = List.copyOf(metrics);
    trips = List.copyOf(trips);
    collisions = List.copyOf(collisions);
    queues = List.copyOf(queues);
  }

  /** The value of a metric by name, or NaN if this run has no such metric. */
  public double metric(String name) {
    for (MetricValue m : metrics) {
      if (m.name().equals(name)) {
        return m.value();
      }
    }
    return Double.NaN;
  }
}
