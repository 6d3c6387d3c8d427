package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where every node of a parsed scenario document came from: for each JSON pointer, the location of its key
 * (for mapping members) and of its value.
 */
final class SourceMap {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Location START = new Location(1, 1);

  private final JsonNode root;
  private final Map<String, Location> keys;
  private final Map<String, Location> values;

  /** For a document that could not be parsed: locates nothing, names pointers by their segments. */
  static SourceMap empty() {
    return new SourceMap(MissingNode.getInstance(), Map.of(), Map.of());
  }

  SourceMap(JsonNode root, Map<String, Location> keys, Map<String, Location> values) {
    this.root = root;
    this.keys = new HashMap<>(keys);
    this.values = new HashMap<>(values);
  }

  /** Location of the key of a mapping member, or null when the pointer names no such member. */
  Location keyOf(String pointer) {
    return keys.get(pointer);
  }

  /** Location of the value at the pointer, or null when the document has none there. */
  Location valueOf(String pointer) {
    return values.get(pointer);
  }

  /**
   * The best place to show for a pointer. A scalar is shown at its value; a list or mapping at its key,
   * because its value starts on a later line in block style. A pointer the document lacks (a missing field,
   * or one core derived) is shown at its nearest existing ancestor.
   */
  Location locate(String pointer) {
    String p = pointer;
    while (!values.containsKey(p) && !p.isEmpty()) {
      p = Pointers.parent(p);
    }
    Location value = values.get(p);
    if (value == null) {
      return START; // empty document
    }
    JsonNode node = root.at(p);
    boolean container = node.isContainerNode();
    Location key = keys.get(p);
    return container && key != null ? key : value;
  }

  /** The pointer written for humans: {@code /network/roads/3/to} becomes {@code network.roads[3].to}. */
  String humanPath(String pointer) {
    StringBuilder path = new StringBuilder();
    JsonNode node = root;
    List<String> segments = Pointers.segments(pointer);
    for (String segment : segments) {
      boolean index = node != null && !node.isMissingNode()
          ? node.isArray()
          : !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
      if (index) {
        path.append('[').append(segment).append(']');
      } else if (PLAIN_KEY.matcher(segment).matches()) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(segment);
      } else {
        path.append("[\"").append(segment.replace("\"", "\\\"")).append("\"]");
      }
      node = node == null ? null : (node.isArray() ? arrayElement(node, segment) : node.get(segment));
    }
    return path.toString();
  }

  private static JsonNode arrayElement(JsonNode array, String segment) {
    try {
      return array.get(Integer.parseInt(segment));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
