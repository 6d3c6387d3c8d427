package io.v2xsim.scenarios.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Deterministic decimal text for doubles. {@code Double.toString} changed its output between JDK 17 and 19
 * (JDK-4511638), and {@code String.format} depends on the default locale; result files must not.
 * Java floating-point arithmetic is the same on every JVM, so scaling and rounding gives the same digits
 * everywhere.
 */
public final class Decimals {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
      100_000_000, 1_000_000_000};
  /** Below 2^53 a double holds every integer exactly, so the rounded value is exact too. */
  private static final double EXACT_LIMIT = 9.0e15;

  private Decimals() {}

  /** Exactly {@code decimals} digits after the point, e.g. {@code fixed(2.5, 3)} is {@code 2.500}. */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    long scale = POWERS[decimals];
    double scaled = value * scale;
    if (Math.abs(scaled) >= EXACT_LIMIT) {
      return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    long rounded = Math.round(scaled);
    StringBuilder text = new StringBuilder(24);
    if (rounded < 0) {
      text.append('-');
      rounded = -rounded;
    }
    text.append(rounded / scale);
    if (decimals > 0) {
      String fraction = Long.toString(rounded % scale);
      text.append('.');
      for (int i = fraction.length(); i < decimals; i++) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text.toString();
  }

  /** At most {@code decimals} digits, without trailing zeros: {@code compact(2.5, 6)} is {@code 2.5}. */
  public static String compact(double value, int decimals) {
    String text = fixed(value, decimals);
    if (text.indexOf('.') < 0) {
      return text;
    }
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    if (text.charAt(end - 1) == '.') {
      end--;
    }
    String trimmed = text.substring(0, end);
    return trimmed.equals("-0") ? "0" : trimmed;
  }

  /**
   * {@code digits} significant digits, trailing zeros dropped, plain from 1e-4 up and scientific below with a
   * two-digit exponent: {@code significant(3.1e-7, 4)} is {@code 3.1e-07}, {@code significant(0.0123456, 3)}
   * is {@code 0.0123}. For p-values, which must never print as 0 however small. Rounds half up on the exact
   * binary value, so the digits are the same on every JVM.
   */
  public static String significant(double value, int digits) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP))
        .stripTrailingZeros();
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent >= -4 && exponent < 21) {
      return rounded.toPlainString();
    }
    String unscaled = rounded.unscaledValue().abs().toString();
    String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
    int magnitude = Math.abs(exponent);
    return (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
        + (magnitude < 10 ? "0" : "") + magnitude;
  }
}
