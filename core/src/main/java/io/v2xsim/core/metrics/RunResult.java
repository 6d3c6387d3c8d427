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
 */
public record RunResult(
    long seed,
    double simulatedSeconds,
    List<MetricValue> metrics,
    List<TripRecord> trips,
    List<CollisionRecord> collisions,
    List<ApproachQueue> queues) {

  public RunResult {
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
