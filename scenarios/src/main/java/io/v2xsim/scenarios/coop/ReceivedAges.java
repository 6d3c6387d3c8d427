package io.v2xsim.scenarios.coop;

import io.v2xsim.core.channel.LogHistogram;

/**
 * Ages of received objects at decision time, split by the stages the pipeline timestamps (measurement, frame
 * generation, delivery, decision), and their end-to-end transfer against each {@link LatencyBudget}. Every
 * sample counts: the percentile comes from a fixed-size log-linear histogram (within 6.25%), so memory does not
 * grow with the run and nothing is allocated per sample.
 */
final class ReceivedAges {
  private static final LatencyBudget[] BUDGETS = LatencyBudget.values();

  private final LogHistogram ages = new LogHistogram();
  private final long[] overBudget = new long[BUDGETS.length];
  private double sum;
  private double sumSensingFusion;
  private double sumChannel;
  private double sumWaiting;
  private long count;

  /**
   * @param age decision time minus measurement time, s
   * @param sensingFusion frame generation minus measurement, s
   * @param channel delivery minus frame generation, s
   */
  void record(double age, double sensingFusion, double channel) {
    sum += age;
    sumSensingFusion += sensingFusion;
    sumChannel += channel;
    sumWaiting += age - sensingFusion - channel;
    count++;
    ages.record(Math.round(age * 1e6));
    for (int b = 0; b < BUDGETS.length; b++) {
      if (channel > BUDGETS[b].seconds) {
        overBudget[b]++;
      }
    }
  }

  long count() {
    return count;
  }

  double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  double meanSensingFusion() {
    return count == 0 ? Double.NaN : sumSensingFusion / count;
  }

  double meanChannel() {
    return count == 0 ? Double.NaN : sumChannel / count;
  }

  double meanWaiting() {
    return count == 0 ? Double.NaN : sumWaiting / count;
  }

  /** Age at quantile {@code q} over every sample, s; NaN if none. */
  double percentile(double q) {
    return count == 0 ? Double.NaN : ages.percentile(q) / 1e6;
  }

  /** Share of samples whose transfer exceeded {@code budget}; NaN if none. */
  double overBudget(LatencyBudget budget) {
    return count == 0 ? Double.NaN : (double) overBudget[budget.ordinal()] / count;
  }
}
