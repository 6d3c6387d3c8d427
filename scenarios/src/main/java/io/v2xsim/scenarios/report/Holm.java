package io.v2xsim.scenarios.report;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment (Holm 1979): a table that tests every metric of an arm makes many tests, and
 * at 0.05 each, one in twenty true nulls would get a mark. Holm keeps the chance of any false mark in the
 * family at 0.05 without assuming the tests independent (metrics of one run are not), and rejects at least
 * what Bonferroni does.
 */
final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values in the order given: sorted ascending, p_(i) becomes max over j <= i of
   * min(1, (m - j + 1) p_(j)), m the number of tests. NaN (no test) stays NaN and is not counted in m.
   */
  static double[] adjust(double[] p) {
    Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .toArray(Integer[]::new);
    // Stable sort: equal p-values keep their input order, so the result does not depend on the sort.
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int j = 0; j < m; j++) {
      running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
      adjusted[order[j]] = running;
    }
    return adjusted;
  }
}
