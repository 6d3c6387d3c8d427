package io.v2xsim.scenarios.report;

/** RFC 4180 fields. */
final class Csv {
  private Csv() {}

  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** NaN (an event that did not happen) is an empty field. */
  static String number(double value, int decimals) {
    return Double.isFinite(value) ? Decimals.fixed(value, decimals) : "";
  }
}
