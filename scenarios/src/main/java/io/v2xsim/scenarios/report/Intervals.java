package io.v2xsim.scenarios.report;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The 95% intervals of a mean over seeds; docs/statistics.md says which one a metric gets and why. Each one
 * stays within the values a seed can take: the Wilson interval lies in [0, 1] by construction, and every
 * bootstrap mean lies between the smallest and largest seed.
 */
final class Intervals {
  /** Two-sided level of every interval and test in the reports. */
  static final double CONFIDENCE = 0.95;
  /** Standard normal quantile at 0.975. */
  static final double Z = 1.959963984540054;
  /**
   * Bootstrap resamples. (B + 1) * 0.025 = 50 is whole, so the percentile bounds are order statistics
   * 50 and 1950 with no interpolation (Efron and Tibshirani 1993, section 13.3); 2000 is past the 1000
   * they recommend for percentile intervals.
   */
  static final int RESAMPLES = 1999;
  /**
   * Above this many seeds the bootstrap (RESAMPLES x n draws a metric) gives way to the Student-t interval,
   * cut to the values the seeds took: with this many seeds the mean is close to normal except right at a
   * bound, and there the cut keeps the interval in range.
   */
  static final int BOOTSTRAP_MAX_SEEDS = 2000;

  private Intervals() {}

  /** A bound pair and the method that gave it; {@code method} is written to summary.json. */
  record Interval(double low, double high, String method) {}

  /**
   * Wilson score interval for {@code successes} of {@code n} (Wilson 1927). Brown, Cai and DasGupta (2001)
   * show it keeps close to 95% coverage down to small n and near 0 or 1, where the Wald (and Student-t)
   * interval collapses or leaves [0, 1]; 0 of n gives a real upper bound instead of [0, 0].
   */
  static Interval wilson(long successes, long n) {
    if (n <= 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException(successes + " of " + n);
    }
    double z2 = Z * Z;
    double centre = (successes + z2 / 2) / (n + z2);
    double half = Z / (n + z2) * Math.sqrt((double) successes * (n - successes) / n + z2 / 4);
    // The exact bounds at 0 and n are 0 and 1; the formula gives them up to rounding.
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == n ? 1 : Math.min(1, centre + half);
    return new Interval(low, high, "wilson");
  }

  /**
   * Percentile bootstrap of the mean (Efron and Tibshirani 1993, chapter 13): resample the seeds with
   * replacement, take the 2.5% and 97.5% points of the resampled means. No normality assumed, so a skewed
   * metric (a minimum TTC, a rare count) gets a skewed interval, and no bound is past the seeds' extremes.
   * The generator is seeded from {@code key} (the metric's name and arm), never the clock, so the same
   * inputs give the same interval to the last bit.
   */
  static Interval bootstrapMean(double[] x, String key) {
    int n = x.length;
    MersenneTwister random = new MersenneTwister(seed(key));
    double[] means = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += x[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    int k = (int) Math.round((RESAMPLES + 1) * (1 - CONFIDENCE) / 2); // 50
    double min = Arrays.stream(x).min().orElseThrow();
    double max = Arrays.stream(x).max().orElseThrow();
    // Clamping only removes rounding: sum / n of n equal values can be one ulp off the value.
    return new Interval(clamp(means[k - 1], min, max), clamp(means[RESAMPLES - k], min, max),
        "bootstrap-percentile");
  }

  /** Student-t interval cut to [min, max] of the seeds: for more than {@link #BOOTSTRAP_MAX_SEEDS} seeds. */
  static Interval studentTWithin(double[] x, double mean, double stdev) {
    int n = x.length;
    // No random generator: only the quantile is used, and the default one would be seeded from the clock.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double half = t * stdev / Math.sqrt(n);
    double min = Arrays.stream(x).min().orElseThrow();
    double max = Arrays.stream(x).max().orElseThrow();
    return new Interval(clamp(mean - half, min, max), clamp(mean + half, min, max), "student-t-within-range");
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** A 64-bit string hash (String.hashCode's recurrence, wider): fixed by this code, not by the JVM. */
  static long seed(String key) {
    long h = 1125899906842597L;
    for (int i = 0; i < key.length(); i++) {
      h = 31 * h + key.charAt(i);
    }
    return h;
  }
}
