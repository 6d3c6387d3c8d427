package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void studentTIntervalOfThreeValues() {
    Stats s = Stats.of(List.of(1.0, 2.0, 3.0));
    // mean 2, sample stdev 1, t(0.975, 2 df) = 4.302652729749464 (tables), half-width t / sqrt(3)
    assertEquals(3, s.n());
    assertEquals(2.0, s.mean(), 1e-12);
    assertEquals(1.0, s.stdev(), 1e-12);
    double half = 4.302652729749464 / Math.sqrt(3);
    assertEquals(2.0 - half, s.ciLow(), 1e-6);
    assertEquals(2.0 + half, s.ciHigh(), 1e-6);
  }

  @Test
  void largeSampleApproachesTheNormalInterval() {
    Double[] values = new Double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (double) (i % 2); // mean 0.5, stdev ~0.5
    }
    Stats s = Stats.of(Arrays.asList(values));
    double half = (s.ciHigh() - s.ciLow()) / 2;
    assertEquals(1.962 * s.stdev() / Math.sqrt(1000), half, 1e-4);
  }

  @Test
  void oneSeedHasADegenerateIntervalAndNoStdev() {
    Stats s = Stats.of(List.of(7.5));
    assertEquals(1, s.n());
    assertEquals(7.5, s.ciLow());
    assertEquals(7.5, s.ciHigh());
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
