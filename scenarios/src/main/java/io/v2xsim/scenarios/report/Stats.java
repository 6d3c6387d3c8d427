package io.v2xsim.scenarios.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Mean of per-seed values with a 95% Student-t confidence interval (n-1 degrees of freedom). Seeds are
 * independent replications, so the interval says how far the mean could move with more seeds.
 *
 * @param n number of seeds with a defined value (NaN values, e.g. no trip completed, are left out)
 * @param mean NaN when n is 0
 * @param stdev sample standard deviation; NaN when n is below 2
 * @param ciLow lower bound of the 95% interval; equal to the mean when n is 1
 * @param ciHigh upper bound
 */
public record Stats(int n, double mean, double stdev, double ciLow, double ciHigh) {
  static final double CONFIDENCE = 0.95;

  public static Stats of(List<Double> perSeed) {
    DescriptiveStatistics values = new DescriptiveStatistics();
    for (double v : perSeed) {
      if (!Double.isNaN(v)) {
        values.addValue(v);
      }
    }
    int n = (int) values.getN();
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = values.getMean();
    if (n == 1) {
      return new Stats(1, mean, Double.NaN, mean, mean);
    }
    double stdev = values.getStandardDeviation();
    // No random generator: only the quantile is used, and the default one would be seeded from the clock.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double half = t * stdev / Math.sqrt(n);
    return new Stats(n, mean, stdev, mean - half, mean + half);
  }
}
