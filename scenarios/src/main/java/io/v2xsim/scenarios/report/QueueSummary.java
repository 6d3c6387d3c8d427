package io.v2xsim.scenarios.report;

import java.util.List;

/**
 * Queue on one junction approach across seeds.
 *
 * @param meanQueue statistics of the per-seed mean queue (vehicles)
 * @param meanQueuePerSeed mean queue of each seed; NaN for a seed without this approach
 * @param maxQueue largest queue seen in any seed
 * @param maxQueuePerSeed largest queue of each seed; -1 for a seed without this approach
 */
public record QueueSummary(String junction, String road, Stats meanQueue, List<Double> meanQueuePerSeed,
    int maxQueue, List<Integer> maxQueuePerSeed) {
  public QueueSummary {
    meanQueuePerSeed = List.copyOf(meanQueuePerSeed);
    maxQueuePerSeed = List.copyOf(maxQueuePerSeed);
  }
}
