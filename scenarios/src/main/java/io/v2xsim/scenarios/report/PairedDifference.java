package io.v2xsim.scenarios.report;

import java.util.List;

/**
 * One metric of one arm against the first arm, paired by seed: the difference (arm minus baseline) of each
 * seed where both values are defined, and tests of whether its mean is zero.
 *
 * @param difference mean and 95% Student-t interval of the per-seed differences; n is the number of pairs
 * @param pPaired two-sided paired t-test p-value; NaN with fewer than 2 pairs or when every difference is
 *     the same (no variance to test against)
 * @param pWilcoxon two-sided Wilcoxon signed-rank p-value over the non-zero differences, exact when there are
 *     at most 30 of them (ties make the exact value approximate); NaN when none is non-zero
 * @param significant {@code pWilcoxon < 0.05}: see {@link Comparisons#SIGNIFICANCE}
 * @param perSeed difference of each seed in seed order; NaN where either arm has no value
 */
public record PairedDifference(String metric, String arm, String baselineArm, Stats difference, double pPaired,
    double pWilcoxon, boolean significant, List<Double> perSeed) {
  public PairedDifference {
    perSeed = List.copyOf(perSeed);
  }
}
