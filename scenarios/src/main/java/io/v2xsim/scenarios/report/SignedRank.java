package io.v2xsim.scenarios.report;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * Wilcoxon signed-rank test of paired differences, with the Hodges-Lehmann estimate and the interval that
 * inverts the same test (Hodges and Lehmann 1963; Hollander and Wolfe, Nonparametric Statistical Methods,
 * section 3.3). All three come from the n(n+1)/2 Walsh averages (d_i + d_j) / 2, i <= j:
 *
 * <ul>
 *   <li>the estimate is their median;
 *   <li>the interval is [W_(k), W_(M+1-k)] of the sorted averages, k the largest integer with
 *       P(T <= k - 1) < alpha / 2 under the null distribution of the signed-rank statistic T;
 *   <li>the p-value is 2 min(F(#{W <= 0}), F(#{W >= 0})), F that distribution's cdf. The number of positive
 *       Walsh averages is the signed-rank statistic (Tukey's identity); an average of exactly 0 counts against
 *       rejection on both sides, which makes p < alpha exactly when 0 is outside the interval, so the
 *       significance mark and the printed interval cannot disagree.
 * </ul>
 *
 * <p>F is exact (all 2^n sign patterns, by recursion on n) up to {@link #EXACT_MAX} pairs, and the normal
 * approximation with continuity correction beyond. Ties among |d| are not corrected for: the no-ties
 * distribution is used, which with many ties (differences of small counts) is conservative. The averages are
 * never stored: the k-th smallest is found by bisection on a count of pairs, O(n log n) a step, so 100,000
 * seeds cost what a sort does.
 */
final class SignedRank {
  /** Exact null distribution up to this many pairs: n^3 / 6 steps, 4.5e6 at 300. */
  static final int EXACT_MAX = 300;

  private SignedRank() {}

  /**
   * @param estimate Hodges-Lehmann estimate (median of Walsh averages); NaN when n is 0
   * @param low lower bound of the interval; -infinity when n is too small for any (n <= 5 at 95%)
   * @param high upper bound; +infinity likewise
   * @param p two-sided p-value, never 0 (at least the smallest normal double); NaN when n is 0
   */
  record Result(int n, double estimate, double low, double high, double p) {}

  static Result test(double[] differences, double alpha) {
    int n = differences.length;
    if (n == 0) {
      return new Result(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] d = differences.clone();
    Arrays.sort(d);
    long m = (long) n * (n + 1) / 2;
    double estimate = m % 2 == 1 ? kthSum(d, (m + 1) / 2) / 2 : (kthSum(d, m / 2) + kthSum(d, m / 2 + 1)) / 4;
    Cdf cdf = n <= EXACT_MAX ? exact(n) : normal(n);
    long k = criticalCount(cdf, m, alpha / 2);
    double low = k >= 1 ? kthSum(d, k) / 2 : Double.NEGATIVE_INFINITY;
    double high = k >= 1 ? kthSum(d, m + 1 - k) / 2 : Double.POSITIVE_INFINITY;
    long atMostZero = countAtMost(d, 0.0);
    long atLeastZero = m - countBelow(d, 0.0);
    double p = Math.min(1, 2 * Math.min(cdf.at(atMostZero), cdf.at(atLeastZero)));
    return new Result(n, estimate + 0.0, low + 0.0, high + 0.0, Math.max(p, Double.MIN_NORMAL));
  }

  /** cdf of the signed-rank statistic at a whole number t: P(T <= t). */
  interface Cdf {
    double at(long t);
  }

  /** The largest k with F(k - 1) < level; 0 if even F(0) is not below it. */
  static long criticalCount(Cdf cdf, long m, double level) {
    long lo = 0; // F(lo - 1) < level holds: F(-1) = 0
    long hi = m + 1; // F(m) = 1 is not below it
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (cdf.at(mid - 1) < level) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The exact distribution: T is the sum of a random subset of {1..n}, each rank in with probability 1/2;
   * adding rank r halves and shifts the distribution. Probabilities, not counts, so n up to EXACT_MAX fits.
   */
  static Cdf exact(int n) {
    int m = n * (n + 1) / 2;
    double[] f = new double[m + 1];
    f[0] = 1;
    int top = 0;
    for (int r = 1; r <= n; r++) {
      top += r;
      for (int s = top; s >= 0; s--) {
        f[s] = (f[s] + (s >= r ? f[s - r] : 0)) / 2;
      }
    }
    double[] cumulative = new double[m + 1];
    double sum = 0;
    for (int s = 0; s <= m; s++) {
      sum += f[s];
      cumulative[s] = Math.min(1, sum);
    }
    cumulative[m] = 1;
    return t -> t < 0 ? 0 : t >= m ? 1 : cumulative[(int) t];
  }

  /** Mean M/2, variance n(n+1)(2n+1)/24, continuity correction 1/2; the tail by erfc, so tiny p stay > 0. */
  static Cdf normal(int n) {
    double mean = (double) n * (n + 1) / 4;
    double sd = Math.sqrt((double) n * (n + 1) * (2.0 * n + 1) / 24);
    long m = (long) n * (n + 1) / 2;
    return t -> t < 0 ? 0 : t >= m ? 1 : 0.5 * Erf.erfc(-(t + 0.5 - mean) / (sd * Math.sqrt(2)));
  }

  /** Pairs i <= j of the sorted values with d_i + d_j <= t. */
  static long countAtMost(double[] d, double t) {
    long count = 0;
    int j = d.length - 1;
    for (int i = 0; i < d.length; i++) {
      while (j >= i && d[i] + d[j] > t) {
        j--;
      }
      if (j < i) {
        break;
      }
      count += j - i + 1;
    }
    return count;
  }

  /** Pairs i <= j of the sorted values with d_i + d_j < t. */
  static long countBelow(double[] d, double t) {
    long count = 0;
    int j = d.length - 1;
    for (int i = 0; i < d.length; i++) {
      while (j >= i && d[i] + d[j] >= t) {
        j--;
      }
      if (j < i) {
        break;
      }
      count += j - i + 1;
    }
    return count;
  }

  /**
   * The k-th smallest (1-based) pair sum d_i + d_j, i <= j, of sorted values: bisection over the doubles in
   * their order (at most 64 steps), each step a count of pairs. Ends on the smallest double whose count
   * reaches k, which is that pair sum itself.
   */
  static double kthSum(double[] d, long k) {
    long lo = key(d[0] + d[0]) - 1; // fewer than k sums at or below it
    long hi = key(d[d.length - 1] + d[d.length - 1]); // every sum at or below it
    while (lo < hi - 1) {
      long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
      if (countAtMost(d, value(mid)) >= k) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return value(hi) + 0.0;
  }

  /** A long whose order is that of the doubles (no NaN): flips the magnitude bits of negative values. */
  static long key(double x) {
    long bits = Double.doubleToRawLongBits(x + 0.0);
    return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
  }

  static double value(long key) {
    return Double.longBitsToDouble(key >= 0 ? key : key ^ Long.MAX_VALUE);
  }
}
