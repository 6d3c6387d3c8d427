package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HolmTest {
  @Test
  void stepDownByHand() {
    // Sorted 0.005 0.01 0.03 0.04, times 4 3 2 1: 0.02 0.03 0.06 0.04, then running maximum: 0.06 for the last.
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-15);
  }

  @Test
  void capsAtOneAndSkipsMissingTests() {
    double[] adjusted = Holm.adjust(new double[] {0.5, Double.NaN, 0.02});
    // Two tests, not three: 0.02 * 2, then max(0.04, 0.5 * 1).
    assertEquals(0.04, adjusted[2], 1e-15);
    assertEquals(0.5, adjusted[0], 1e-15);
    assertTrue(Double.isNaN(adjusted[1]));
    assertEquals(1.0, Holm.adjust(new double[] {0.6, 0.7})[0]);
  }
}
