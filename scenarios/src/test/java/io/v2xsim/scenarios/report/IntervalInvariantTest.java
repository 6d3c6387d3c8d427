package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style: over many random per-seed samples of every kind, including all-zero, all-one and one or
 * two seeds, no interval leaves the metric's range, and the mark of a difference is exactly 0 outside its
 * interval.
 */
class IntervalInvariantTest {
  private static final int TRIALS = 3000;

  /** A sample of n seeds that a metric of this kind can produce. */
  static List<Double> sample(Random random, MetricKind kind, int n) {
    int shape = random.nextInt(5); // 0 all at the low end, 1 all at 1, 2 binary, 3-4 spread
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double v = switch (kind) {
        case COUNT -> shape == 0 ? 0 : shape == 1 ? 1 : shape == 2 ? random.nextInt(2) : random.nextInt(4) * random.nextInt(2);
        case PROPORTION -> shape == 0 ? 0 : shape == 1 ? 1 : shape == 2 ? random.nextInt(2) : random.nextDouble();
        case NONNEGATIVE -> shape == 0 ? 0 : shape == 1 ? 1 : -Math.log(1 - random.nextDouble()) * 3;
        case AT_MOST_ONE -> shape == 1 ? 1 : 1 - Math.abs(random.nextGaussian());
        case UNBOUNDED -> shape == 0 ? 0 : random.nextGaussian() * 100;
      };
      out.add(random.nextInt(12) == 0 ? Double.NaN : v);
    }
    return out;
  }

  @Test
  void meanIntervalsStayInTheMetricsRange() {
    Random random = new Random(2024);
    for (int t = 0; t < TRIALS; t++) {
      MetricKind kind = MetricKind.values()[random.nextInt(MetricKind.values().length)];
      int n = t % 10 == 0 ? 1 + random.nextInt(2) : 1 + random.nextInt(40);
      List<Double> values = sample(random, kind, n);
      Stats s = Stats.of(values, kind, "m" + t);
      String what = kind + " " + values + " -> " + s;
      if (s.n() == 0) {
        continue;
      }
      double min = values.stream().filter(v -> !v.isNaN()).mapToDouble(v -> v).min().orElseThrow();
      double max = values.stream().filter(v -> !v.isNaN()).mapToDouble(v -> v).max().orElseThrow();
      assertTrue(s.ciLow() >= kind.lo() && s.ciHigh() <= kind.hi(), what);
      assertTrue(s.ciLow() <= s.mean() && s.mean() <= s.ciHigh(), what);
      if (!s.interval().equals("wilson")) {
        assertTrue(s.ciLow() >= min && s.ciHigh() <= max, what);
      }
    }
  }

  @Test
  void differencesStayInRangeAndTheMarkIsTheInterval() {
    Random random = new Random(77);
    int marked = 0;
    for (int t = 0; t < TRIALS; t++) {
      MetricKind kind = MetricKind.values()[random.nextInt(MetricKind.values().length)];
      int n = t % 10 == 0 ? 1 + random.nextInt(2) : 1 + random.nextInt(40);
      List<Double> a = sample(random, kind, n);
      List<Double> b = sample(random, kind, n);
      PairedDifference d = Comparisons.compare("m", kind, "b", "a", a, b);
      String what = kind + " " + a + " - " + b + " -> " + d;
      if (d.difference().n() == 0) {
        assertTrue(Double.isNaN(d.pWilcoxon()) && !d.significant(), what);
        continue;
      }
      double span = kind.hi() - kind.lo();
      assertTrue(d.ciLow() >= -span && d.ciHigh() <= span, what);
      assertTrue(d.ciLow() <= d.estimate() && d.estimate() <= d.ciHigh(), what);
      assertTrue(d.pWilcoxon() > 0 && d.pWilcoxon() <= 1, what);
      assertEquals(d.ciLow() > 0 || d.ciHigh() < 0, d.significant(), what);
      marked += d.significant() ? 1 : 0;
    }
    assertTrue(marked > 50, "the property was tested on marked differences too: " + marked);
  }
}
