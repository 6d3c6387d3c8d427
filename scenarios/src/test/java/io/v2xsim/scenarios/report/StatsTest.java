package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void wilsonIntervalMatchesPublishedValues() {
    // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3 (Wilson score, no continuity correction).
    assertInterval(0.0, 0.1611, Intervals.wilson(0, 20));
    assertInterval(0.0061, 0.1718, Intervals.wilson(1, 29));
    assertInterval(0.2553, 0.3662, Intervals.wilson(81, 263));
    assertInterval(0.0624, 0.1605, Intervals.wilson(15, 148));
    // 0 of 10 and 3 of 10 by hand: centre (x + z^2/2) / (n + z^2), half z / (n + z^2) sqrt(x(n-x)/n + z^2/4).
    assertInterval(0.0, 0.2775, Intervals.wilson(0, 10));
    assertInterval(0.1078, 0.6032, Intervals.wilson(3, 10));
    assertEquals(1.0, Intervals.wilson(10, 10).high());
    assertEquals(0.0, Intervals.wilson(0, 10).low());
    ConfidenceInterval commons = new WilsonScoreInterval().createInterval(10, 3, 0.95);
    assertEquals(commons.getLowerBound(), Intervals.wilson(3, 10).low(), 1e-12);
    assertEquals(commons.getUpperBound(), Intervals.wilson(3, 10).high(), 1e-12);
  }

  private static void assertInterval(double low, double high, Intervals.Interval actual) {
    assertEquals(low, actual.low(), 5e-5, actual::toString);
    assertEquals(high, actual.high(), 5e-5, actual::toString);
  }

  @Test
  void zeroOrOnePerSeedOfACountTakesTheWilsonInterval() {
    // The bug report's case: collisions 0.67 [-0.77, 2.10] from the Student-t interval of 1, 1, 0.
    Stats s = Stats.of(List.of(1.0, 1.0, 0.0), MetricKind.COUNT, "collisions");
    assertEquals("wilson", s.interval());
    assertEquals(2.0 / 3, s.mean(), 1e-12);
    Intervals.Interval w = Intervals.wilson(2, 3);
    assertEquals(w.low(), s.ciLow());
    assertEquals(w.high(), s.ciHigh());
    assertTrue(s.ciLow() > 0 && s.ciHigh() < 1, s::toString);
    Stats none = Stats.of(List.of(0.0, 0.0, 0.0, 0.0), MetricKind.COUNT, "collisions");
    assertEquals(0.0, none.ciLow());
    assertEquals(Intervals.wilson(0, 4).high(), none.ciHigh(), "no collision in 4 seeds is not proof of none");
    // One seed: Wilson still says something.
    Stats one = Stats.of(List.of(1.0), MetricKind.PROPORTION, "p");
    assertEquals(Intervals.wilson(1, 1).low(), one.ciLow());
    assertEquals(1.0, one.ciHigh());
    // A count of 2 somewhere is not binary: bootstrap.
    assertEquals("bootstrap-percentile", Stats.of(List.of(2.0, 0.0, 1.0), MetricKind.COUNT, "c").interval());
    // Unbounded values of 0 and 1 are not a share of seeds.
    assertEquals("bootstrap-percentile", Stats.of(List.of(0.0, 1.0), MetricKind.UNBOUNDED, "u").interval());
  }

  @Test
  void bootstrapOfTwoSeedsSpansBoth() {
    // Resampled means of {0, 10} are 0, 5, 10 with chance 1/4, 1/2, 1/4: about 500 of 1999 are 0 and
    // about 500 are 10, so the 50th smallest is 0 and the 50th largest 10.
    Stats s = Stats.of(List.of(0.0, 10.0), MetricKind.NONNEGATIVE, "x");
    assertEquals(5.0, s.mean());
    assertEquals(0.0, s.ciLow());
    assertEquals(10.0, s.ciHigh());
  }

  @Test
  void bootstrapIsDeterministicAndSeededByTheKey() {
    List<Double> values = List.of(0.3, 1.7, 0.2, 4.5, 0.9, 0.1, 2.2, 0.4);
    Stats a = Stats.of(values, MetricKind.NONNEGATIVE, "minTtc");
    Stats b = Stats.of(values, MetricKind.NONNEGATIVE, "minTtc");
    assertEquals(a, b);
    Stats other = Stats.of(values, MetricKind.NONNEGATIVE, "maxDrac");
    assertTrue(other.ciLow() != a.ciLow() || other.ciHigh() != a.ciHigh(), "another key, other resamples");
    // Skewed data, skewed interval: farther above the mean than below.
    assertTrue(a.ciHigh() - a.mean() > a.mean() - a.ciLow(), a::toString);
  }

  @Test
  void largeSampleBootstrapApproachesTheNormalInterval() {
    Double[] values = new Double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (double) (i % 2); // mean 0.5, stdev ~0.5
    }
    Stats s = Stats.of(Arrays.asList(values), MetricKind.NONNEGATIVE, "half");
    double half = (s.ciHigh() - s.ciLow()) / 2;
    assertEquals(1.96 * s.stdev() / Math.sqrt(1000), half, 0.004);
    // The same values as a share of seeds: Wilson, close to the same at this n.
    Stats share = Stats.of(Arrays.asList(values), MetricKind.PROPORTION, "half");
    assertEquals("wilson", share.interval());
    assertEquals(half, (share.ciHigh() - share.ciLow()) / 2, 0.002);
  }

  @Test
  void verySeedsUseStudentTWithinTheSeedsRange() {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < Intervals.BOOTSTRAP_MAX_SEEDS + 1; i++) {
      values.add(i == 0 ? 3.0 : 0.0); // one event in 2001 seeds: Student-t would go below 0
    }
    Stats s = Stats.of(values, MetricKind.NONNEGATIVE, "rare");
    assertEquals("student-t-within-range", s.interval());
    assertEquals(0.0, s.ciLow());
    assertTrue(s.ciHigh() > s.mean());
  }

  @Test
  void oneSeedHasADegenerateIntervalAndNoStdev() {
    Stats s = Stats.of(List.of(7.5), MetricKind.NONNEGATIVE, "x");
    assertEquals(1, s.n());
    assertEquals(7.5, s.ciLow());
    assertEquals(7.5, s.ciHigh());
    assertEquals("none", s.interval());
    assertTrue(Double.isNaN(s.stdev()));
  }

  @Test
  void undefinedValuesAreLeftOut() {
    Stats s = Stats.of(List.of(Double.NaN, 4.0, 6.0));
    assertEquals(2, s.n());
    assertEquals(5.0, s.mean(), 1e-12);
    Stats none = Stats.of(List.of(Double.NaN));
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.mean()));
  }
}
