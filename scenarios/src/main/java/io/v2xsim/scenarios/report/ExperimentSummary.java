package io.v2xsim.scenarios.report;

import java.util.List;

/**
 * Everything summary.json holds: what ran and what it measured, aggregated over seeds. Contains nothing
 * that depends on the machine or the clock, so equal inputs give byte-identical files.
 *
 * @param seeds the seeds, in run order
 * @param tripsPerSeed trip records (vehicles due to depart after warm-up) per seed
 * @param arrivedPerSeed of those, the ones that reached their destination before the end
 * @param collisionsPerSeed number of collisions per seed
 * @param collisions every collision, by seed then time
 */
public record ExperimentSummary(
    String scenario,
    String description,
    List<Long> seeds,
    double duration,
    double dt,
    double warmup,
    List<MetricSummary> metrics,
    List<QueueSummary> queues,
    List<Integer> tripsPerSeed,
    List<Integer> arrivedPerSeed,
    List<Integer> collisionsPerSeed,
    List<SeedCollision> collisions) {

  public ExperimentSummary {
    seeds = List.copyOf(seeds);
    metrics = List.copyOf(metrics);
    queues = List.copyOf(queues);
    tripsPerSeed = List.copyOf(tripsPerSeed);
    arrivedPerSeed = List.copyOf(arrivedPerSeed);
    collisionsPerSeed = List.copyOf(collisionsPerSeed);
    collisions = List.copyOf(collisions);
  }
}
