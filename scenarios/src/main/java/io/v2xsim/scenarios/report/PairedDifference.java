package io.v2xsim.scenarios.report;

import java.util.List;

/**
 * One metric of one arm against the first arm, paired by seed: the difference (arm minus baseline) of each
 * seed where both values are defined, its Hodges-Lehmann estimate with the interval and p-value of the
 * Wilcoxon signed-rank test that the estimate comes from (see {@link SignedRank}), and the p-value adjusted
 * for the other metrics of the same arm (Holm).
 *
 * @param difference n (pairs), mean and standard deviation of the per-seed differences; its interval is the
 *     Hodges-Lehmann one, the same as {@code ciLow} and {@code ciHigh}
 * @param estimate Hodges-Lehmann estimate of the shift: the median of the Walsh averages
 * @param ciLow lower bound of the 95% interval of the shift; -infinity with 5 pairs or fewer (none exists)
 * @param ciHigh upper bound
 * @param pPaired two-sided paired t-test p-value, for reference only (it decides nothing); NaN with fewer
 *     than 2 pairs or when every difference is the same
 * @param pWilcoxon two-sided signed-rank p-value from the Walsh averages; NaN with no pair
 * @param pHolm {@code pWilcoxon} adjusted by Holm's method over the metrics of this arm whose test can
 *     reject ({@link #canReject()}); 1 for a metric whose pairs are all equal, NaN with no pair
 * @param significant {@code pWilcoxon < 0.05}, which is the same as 0 lying outside [ciLow, ciHigh]
 * @param significantHolm {@code pHolm < 0.05}
 * @param perSeed difference of each seed in seed order; NaN where either arm has no value
 */
public record PairedDifference(String metric, String arm, String baselineArm, Stats difference, double estimate,
    double ciLow, double ciHigh, double pPaired, double pWilcoxon, double pHolm, boolean significant,
    boolean significantHolm, List<Double> perSeed) {
  public PairedDifference {
    perSeed = List.copyOf(perSeed);
  }

  /**
   * Whether the test can reject at all: some pair differs. With every difference 0 the p-value is 1
   * whatever the signs, so such a metric is left out of Holm's family (it can make no false mark; Tarone 1990
   * drops tests that cannot reach the level, and this is the case where that is plain).
   */
  public boolean canReject() {
    return perSeed.stream().anyMatch(v -> !v.isNaN() && v != 0);
  }

  PairedDifference withHolm(double adjusted) {
    return new PairedDifference(metric, arm, baselineArm, difference, estimate, ciLow, ciHigh, pPaired,
        pWilcoxon, adjusted, significant, adjusted < Comparisons.SIGNIFICANCE, perSeed);
  }
}
