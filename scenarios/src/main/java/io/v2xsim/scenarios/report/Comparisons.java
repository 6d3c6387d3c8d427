package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Paired comparisons of arms. Arms run the same seeds (common random numbers), so the difference of a metric
 * between two arms on one seed removes what the seed did to both; the test asks whether those differences
 * are centred on zero.
 *
 * <p>One procedure gives the estimate, the interval and the mark: the Wilcoxon signed-rank test with its
 * Hodges-Lehmann estimate and interval ({@link SignedRank}). It assumes no normal distribution, which many
 * per-seed metrics here are far from (small counts of collisions and conflicts, extremes such as the minimum
 * TTC), and its interval is the set of shifts the test does not reject, so a mark appears exactly when the
 * printed interval leaves out 0. The paired t-test p is kept beside it for reference; it decides nothing.
 * An arm with one collision fewer on every seed is a clear effect: the signed-rank test needs no variance.
 */
public final class Comparisons {
  /** Level below which {@link PairedDifference#pWilcoxon()} (and {@code pHolm}) counts as significant. */
  public static final double SIGNIFICANCE = 0.05;

  private Comparisons() {}

  /** Values of unknown range. */
  public static PairedDifference compare(String metric, String armName, String baselineName, List<Double> arm,
      List<Double> baseline) {
    return compare(metric, MetricKind.UNBOUNDED, armName, baselineName, arm, baseline);
  }

  /**
   * @param kind the metric's range: a difference lies in [lo - hi, hi - lo], and its interval is cut to that
   * @param arm per-seed values of the arm, in seed order
   * @param baseline per-seed values of the baseline arm, same seeds in the same order
   */
  public static PairedDifference compare(String metric, MetricKind kind, String armName, String baselineName,
      List<Double> arm, List<Double> baseline) {
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
    int n = pairs.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] d = new double[n];
    boolean varies = false;
    for (int i = 0; i < n; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
      d[i] = x[i] - y[i];
      varies |= d[i] != d[0];
    }
    double pPaired = n >= 2 && varies ? new TTest().pairedTTest(x, y) : Double.NaN;
    SignedRank.Result test = SignedRank.test(d, SIGNIFICANCE);
    double span = kind.hi() - kind.lo();
    double low = Math.max(-span, test.low());
    double high = Math.min(span, test.high());
    DescriptiveStatistics values = new DescriptiveStatistics(d);
    Stats difference = new Stats(n, n == 0 ? Double.NaN : values.getMean(),
        n < 2 ? Double.NaN : values.getStandardDeviation(), low, high, n == 0 ? "none" : "hodges-lehmann");
    boolean significant = test.p() < SIGNIFICANCE;
    return new PairedDifference(metric, armName, baselineName, difference, test.estimate(), low, high, pPaired,
        test.p(), test.p(), significant, significant, perSeed);
  }

  /**
   * Holm's adjustment over the differences of each arm. The family: every metric of that arm whose test can
   * reject ({@link PairedDifference#canReject()}); a metric equal in every pair keeps p = 1.
   */
  static List<PairedDifference> adjustPerArm(List<PairedDifference> differences) {
    List<PairedDifference> out = new ArrayList<>(differences);
    List<String> arms = differences.stream().map(PairedDifference::arm).distinct().toList();
    for (String arm : arms) {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < differences.size(); i++) {
        if (differences.get(i).arm().equals(arm)) {
          at.add(i);
        }
      }
      double[] adjusted = Holm.adjust(at.stream().mapToDouble(i -> differences.get(i).canReject()
          ? differences.get(i).pWilcoxon() : Double.NaN).toArray());
      for (int j = 0; j < at.size(); j++) {
        PairedDifference d = differences.get(at.get(j));
        out.set(at.get(j), d.withHolm(d.canReject() ? adjusted[j] : d.pWilcoxon()));
      }
    }
    return out;
  }
}
