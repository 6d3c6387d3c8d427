package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Paired comparisons of arms. Arms run the same seeds (common random numbers), so the difference of a metric
 * between two arms on one seed removes what the seed did to both; the tests ask whether the mean of those
 * differences is zero.
 *
 * <p>The Wilcoxon signed-rank test decides significance: it assumes no normal distribution, and many
 * per-seed metrics here are small counts (collisions, conflicts) or extremes (minimum TTC) that are far from
 * normal. The paired t-test is reported beside it, as is its interval. Zero differences carry no sign and are
 * dropped before the Wilcoxon test (Wilcoxon 1945); commons-math would otherwise rank them, and an arm equal to
 * the baseline on every seed would look significant. The t-test needs variance: when every difference is the
 * same its p is NaN. The Wilcoxon test does not: an arm with one collision fewer on every seed is a clear
 * effect, and its p is that of the signs alone.
 */
public final class Comparisons {
  /** Level below which {@link PairedDifference#pWilcoxon()} counts as significant. */
  public static final double SIGNIFICANCE = 0.05;
  /**
   * Largest sample for which the exact Wilcoxon distribution is used. Commons Math enumerates all 2^n sign
   * patterns, which takes seconds per metric at n = 24 and minutes at 30; beyond 16 the normal approximation
   * with continuity correction is within a few thousandths of the exact p-value.
   */
  static final int EXACT_WILCOXON_MAX = 16;

  private Comparisons() {}

  /**
   * @param arm per-seed values of the arm, in seed order
   * @param baseline per-seed values of the baseline arm, same seeds in the same order
   */
  public static PairedDifference compare(String metric, String armName, String baselineName, List<Double> arm,
      List<Double> baseline) {
    if (arm.size() != baseline.size()) {
      throw new IllegalArgumentException(metric + ": " + arm.size() + " values for " + armName + " but "
          + baseline.size() + " for " + baselineName);
    }
    List<Double> perSeed = new ArrayList<>();
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < arm.size(); i++) {
      double a = arm.get(i);
      double b = baseline.get(i);
      boolean defined = Double.isFinite(a) && Double.isFinite(b);
      perSeed.add(defined ? a - b : Double.NaN);
      if (defined) {
        pairs.add(new double[] {a, b});
      }
    }
    Stats difference = Stats.of(perSeed);
    int n = pairs.size();
    double[] x = new double[n];
    double[] y = new double[n];
    boolean varies = false;
    for (int i = 0; i < n; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
      varies |= x[i] - y[i] != x[0] - y[0];
    }
    double pPaired = n >= 2 && varies ? new TTest().pairedTTest(x, y) : Double.NaN;
    double pWilcoxon = wilcoxon(x, y);
    boolean significant = pWilcoxon < SIGNIFICANCE;
    return new PairedDifference(metric, armName, baselineName, difference, pPaired, pWilcoxon, significant,
        perSeed);
  }

  /** Over the pairs with a non-zero difference; NaN if there is none. */
  static double wilcoxon(double[] x, double[] y) {
    int m = 0;
    for (int i = 0; i < x.length; i++) {
      m += x[i] != y[i] ? 1 : 0;
    }
    if (m == 0) {
      return Double.NaN;
    }
    double[] a = new double[m];
    double[] b = new double[m];
    for (int i = 0, k = 0; i < x.length; i++) {
      if (x[i] != y[i]) {
        a[k] = x[i];
        b[k++] = y[i];
      }
    }
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, m <= EXACT_WILCOXON_MAX);
  }
}
