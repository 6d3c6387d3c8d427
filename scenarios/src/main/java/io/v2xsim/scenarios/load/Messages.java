package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Wording shared by the shape check and the binding fallback, so one mistake always reads the same. */
final class Messages {
  private Messages() {}

  static String unknownKey(String key, Class<?> recordType) {
    List<String> valid = validKeys(recordType);
    StringBuilder message = new StringBuilder("unknown key '").append(key).append('\'');
    String suggestion = closest(key, valid);
    if (suggestion != null) {
      message.append(" (did you mean '").append(suggestion).append("'?)");
    }
    if (!valid.isEmpty()) {
      message.append("; valid keys: ").append(String.join(", ", valid));
    }
    return message.toString();
  }

  /** Keys of a record type in declaration order, which is the order the format documents them in. */
  static List<String> validKeys(Class<?> recordType) {
    if (recordType == null || !recordType.isRecord()) {
      return List.of();
    }
    return Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toList());
  }

  /** What a field of this Java type must hold, in YAML terms. */
  static String expected(Type type) {
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      return "a string";
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "an integer";
    } else if (raw == Double.class || raw == double.class || raw == Float.class) {
      return "a number";
    } else if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    } else if (List.class.isAssignableFrom(raw)) {
      return "a list";
    } else if (Map.class.isAssignableFrom(raw)) {
      return "a mapping (name: value)";
    } else if (raw.isRecord()) {
      return "a mapping with keys " + String.join(", ", validKeys(raw));
    }
    return raw.getSimpleName();
  }

  /** What the document holds instead, short enough for one line. */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "the string " + quote(node.asText());
    } else if (node.isNumber()) {
      return "the number " + node.asText();
    } else if (node.isBoolean()) {
      return node.asText();
    } else if (node.isArray()) {
      return "a list";
    } else if (node.isObject()) {
      return "a mapping";
    } else if (node.isNull()) {
      return "nothing";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  static String quote(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return "\"" + text + "\"";
  }

  static Class<?> rawClass(Type type) {
    if (type instanceof Class<?>) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    return Object.class;
  }

  /** The valid key a typo most likely meant: same letters ignoring case, or at most two edits away. */
  static String closest(String key, List<String> valid) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : valid) {
      int distance = candidate.equalsIgnoreCase(key) ? 0 : editDistance(key, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.min(2, Math.max(1, key.length() / 3));
    return bestDistance <= allowed ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
