package io.v2xsim.scenarios.report;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Mean of per-seed values with a 95% confidence interval that stays in the metric's range. Seeds are
 * independent replications, so the interval says how far the mean could move with more seeds. Which interval
 * (docs/statistics.md): Wilson when every seed is 0 or 1 of a count or share (the mean is then a share of
 * seeds), else a percentile bootstrap of the mean, else (very many seeds) Student-t cut to the seeds' range.
 *
 * @param n number of seeds with a defined value (NaN values, e.g. no trip completed, are left out)
 * @param mean NaN when n is 0
 * @param stdev sample standard deviation; NaN when n is below 2
 * @param ciLow lower bound of the 95% interval; equal to the mean when n is 1 and the interval is not Wilson
 * @param ciHigh upper bound
 * @param interval how the interval was made: {@code wilson}, {@code bootstrap-percentile},
 *     {@code student-t-within-range}, or {@code none} (n below 2 and not binary, or n = 0)
 */
public record Stats(int n, double mean, double stdev, double ciLow, double ciHigh, String interval) {
  static final double CONFIDENCE = Intervals.CONFIDENCE;

  /** Values of unknown range; the bootstrap key is empty. */
  public static Stats of(List<Double> perSeed) {
    return of(perSeed, MetricKind.UNBOUNDED, "");
  }

  /**
   * @param kind the metric's range, see {@link MetricKind}
   * @param key seeds the bootstrap generator: the metric's name (and arm), so equal inputs give equal bytes
   */
  public static Stats of(List<Double> perSeed, MetricKind kind, String key) {
    double[] x = perSeed.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
    int n = x.length;
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "none");
    }
    DescriptiveStatistics values = new DescriptiveStatistics(x);
    // The mean of equal values can be an ulp past them; keep it where the values are.
    double mean = Intervals.clamp(values.getMean(), values.getMin(), values.getMax());
    double stdev = n == 1 ? Double.NaN : values.getStandardDeviation();
    Intervals.Interval ci;
    if (kind.canBeBinary() && Arrays.stream(x).allMatch(v -> v == 0 || v == 1)) {
      long ones = Arrays.stream(x).filter(v -> v == 1).count();
      ci = Intervals.wilson(ones, n);
    } else if (n == 1) {
      ci = new Intervals.Interval(mean, mean, "none");
    } else if (n <= Intervals.BOOTSTRAP_MAX_SEEDS) {
      ci = Intervals.bootstrapMean(x, key);
    } else {
      ci = Intervals.studentTWithin(x, mean, stdev);
    }
    // The seeds' values should lie in the kind's range; if a metric breaks that, its own values win.
    double lo = Math.min(kind.lo(), values.getMin());
    double hi = Math.max(kind.hi(), values.getMax());
    return new Stats(n, mean, stdev, Intervals.clamp(ci.low(), lo, hi), Intervals.clamp(ci.high(), lo, hi),
        ci.method());
  }
}
