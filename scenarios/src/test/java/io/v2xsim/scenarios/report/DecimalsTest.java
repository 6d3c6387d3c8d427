package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void fixedAndCompactForms() {
    assertEquals("2.500", Decimals.fixed(2.5, 3));
    assertEquals("-0.050", Decimals.fixed(-0.05, 3));
    assertEquals("0.000", Decimals.fixed(-0.0001, 3));
    assertEquals("3", Decimals.fixed(3.4, 0));
    assertEquals("2.5", Decimals.compact(2.5, 6));
    assertEquals("3600", Decimals.compact(3600.0, 6));
    assertEquals("0", Decimals.compact(-1e-9, 6));
    assertEquals("0.05", Decimals.compact(0.05, 6));
    assertEquals("123456789012345683968", Decimals.compact(1.2345678901234568e20, 3));
  }

  @Test
  void agreesWithExactDecimalRoundingAwayFromTies() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-3, 9));
      String exact = new BigDecimal(v).setScale(6, RoundingMode.HALF_UP).toPlainString();
      String ours = Decimals.fixed(v, 6);
      if (!exact.equals(ours)) {
        // Only a value within one unit of the last place of a tie may round the other way.
        BigDecimal diff = new BigDecimal(exact).subtract(new BigDecimal(ours)).abs();
        assertEquals(0, diff.compareTo(new BigDecimal("0.000001")), v + ": " + exact + " vs " + ours);
      }
    }
  }

  @Test
  void rejectsNonFinite() {
    assertThrows(IllegalArgumentException.class, () -> Decimals.fixed(Double.NaN, 2));
  }

  @Test
  void significantDigitsKeepSmallPValues() {
    assertEquals("3.1e-07", Decimals.significant(3.1e-7, 4));
    assertEquals("1.86265e-09", Decimals.significant(2 / Math.pow(2, 30), 6));
    assertEquals("0.0273438", Decimals.significant(28 / 1024.0, 6));
    assertEquals("0.0123", Decimals.significant(0.0123456, 3));
    assertEquals("0.0001", Decimals.significant(1e-4, 3));
    assertEquals("9.9e-05", Decimals.significant(9.9e-5, 3));
    assertEquals("1", Decimals.significant(1.0, 6));
    assertEquals("0.25", Decimals.significant(0.25, 6));
    assertEquals("2.2e-308", Decimals.significant(Double.MIN_NORMAL, 2));
    assertEquals("-4.5e-12", Decimals.significant(-4.5e-12, 3));
    assertEquals("0", Decimals.significant(0, 3));
    assertThrows(IllegalArgumentException.class, () -> Decimals.significant(Double.NaN, 2));
  }
}
