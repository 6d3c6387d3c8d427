package io.v2xsim.scenarios.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a small value tree (ordered maps, lists, strings, booleans, numbers) as JSON text with a fixed
 * layout: two-space indent, {@code \n} line ends on every platform, lists of scalars on one line. Numbers
 * go through {@link Decimals}, so the text is the same on every JVM; NaN and infinities (undefined
 * metrics) become {@code null}, as JSON has no such numbers.
 */
final class Json {
  /** Decimal places kept in result files: far below any model's precision, stable in the last digit. */
  static final int DECIMALS = 6;

  private Json() {}

  /** Significant digits of a p-value: small ones keep their digits instead of rounding to 0. */
  static final int P_DIGITS = 6;

  /** A number written with {@link #P_DIGITS} significant digits (p-values); NaN is null. */
  record Significant(double value) {}

  static Significant p(double value) {
    return new Significant(value);
  }

  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  static String render(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, "");
    return out.append('\n').toString();
  }

  private static void write(StringBuilder out, Object value, String indent) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      out.append('"').append(JsonStringEncoder.getInstance().quoteAsString((String) value)).append('"');
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Double) {
      double d = (Double) value;
      out.append(Double.isFinite(d) ? Decimals.compact(d, DECIMALS) : "null");
    } else if (value instanceof Significant) {
      double d = ((Significant) value).value();
      out.append(Double.isFinite(d) ? Decimals.significant(d, P_DIGITS) : "null");
    } else if (value instanceof Map) {
      writeObject(out, (Map<?, ?>) value, indent);
    } else if (value instanceof List) {
      writeList(out, (List<?>) value, indent);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
  }

  private static void writeObject(StringBuilder out, Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent + "  ";
    out.append("{\n");
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(inner);
      write(out, entry.getKey().toString(), inner);
      out.append(": ");
      write(out, entry.getValue(), inner);
      out.append(++i < map.size() ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  private static void writeList(StringBuilder out, List<?> list, String indent) {
    boolean scalars = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
    if (scalars) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        write(out, list.get(i), indent);
      }
      out.append(']');
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      write(out, list.get(i), inner);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }
}
