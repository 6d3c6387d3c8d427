package io.v2xsim.core.spec;

import java.util.List;
import java.util.Locale;

/** Field checks that record a {@link Problem} and return a usable value (the default) so checking goes on. */
final class Checks {
  private final List<Problem> problems;

  Checks(List<Problem> problems) {
    this.problems = problems;
  }

  void add(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /** JSON-pointer escaping of one key. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  <T> T required(T value, String path, String expected) {
    if (value == null) {
      add(path, "missing field '" + lastKey(path) + "' (expected " + expected + ")");
    }
    return value;
  }

  String requiredText(String value, String path, String expected) {
    if (value == null || value.isBlank()) {
      add(path, (value == null ? "missing field '" + lastKey(path) + "'" : "must not be empty") + " (expected " + expected + ")");
      return null;
    }
    return value;
  }

  double positive(Double value, Double dflt, String path, String unit) {
    if (value == null) {
      if (dflt == null) {
        add(path, "missing field '" + lastKey(path) + "' (expected a positive number of " + unit + ")");
        return 0;
      }
      return dflt;
    }
    if (!(value > 0) || value.isInfinite()) {
      add(path, "must be a positive number of " + unit + " (got " + fmt(value) + ")");
      return dflt == null ? 0 : dflt;
    }
    return value;
  }

  double range(Double value, Double dflt, double min, double max, String path, String unit) {
    if (value == null) {
      if (dflt == null) {
        add(path, "missing field '" + lastKey(path) + "' (expected " + unit + ")");
        return min;
      }
      return dflt;
    }
    if (!(value >= min && value <= max)) {
      add(path, "must be between " + fmt(min) + " and " + fmt(max) + " (" + unit + "), got " + fmt(value));
      return dflt == null ? min : dflt;
    }
    return value;
  }

  int range(Integer value, Integer dflt, int min, int max, String path, String what) {
    if (value == null) {
      if (dflt == null) {
        add(path, "missing field '" + lastKey(path) + "' (expected " + what + ")");
        return min;
      }
      return dflt;
    }
    if (value < min || value > max) {
      add(path, "must be between " + min + " and " + max + " (" + what + "), got " + value);
      return dflt == null ? min : dflt;
    }
    return value;
  }

  int atLeast(Integer value, int dflt, int min, String path, String what) {
    return range(value, dflt, min, Integer.MAX_VALUE, path, what);
  }

  static String lastKey(String path) {
    int i = path.lastIndexOf('/');
    return path.substring(i + 1).replace("~1", "/").replace("~0", "~");
  }

  static String fmt(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    return String.format(Locale.ROOT, "%s", d);
  }
}
