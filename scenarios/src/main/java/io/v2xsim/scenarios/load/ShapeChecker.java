package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a document tree against the shape of a record type (keys, and the kind of value each holds) and
 * reports every mismatch, not just the first.
 *
 * <p>Jackson's binding stops at the first error; a user with three typos should not need three runs to
 * find them. The check is driven by reflection over the records themselves, so it follows core's
 * {@code ScenarioSpec} as it changes. It accepts exactly what the binder in {@link ScenarioLoader}
 * accepts: absent and null fields, numbers and booleans where a string is expected (an id may be
 * {@code 7}), integers where a number is expected; never a fraction where an integer is expected.
 */
final class ShapeChecker {
  private final SourceMap sourceMap;
  private final List<Finding> findings = new ArrayList<>();

  private ShapeChecker(SourceMap sourceMap) {
    this.sourceMap = sourceMap;
  }

  static List<Finding> check(JsonNode root, Class<?> recordType, SourceMap sourceMap) {
    ShapeChecker checker = new ShapeChecker(sourceMap);
    checker.checkValue(root, recordType, Pointers.ROOT);
    return checker.findings;
  }

  private void checkValue(JsonNode node, Type type, String pointer) {
    if (node.isNull()) {
      return; // absent: core applies the default or reports the missing field
    }
    Class<?> raw = Messages.rawClass(type);
    if (raw.isRecord()) {
      if (expect(node.isObject(), node, type, pointer)) {
        checkRecord(node, raw, pointer);
      }
    } else if (List.class.isAssignableFrom(raw)) {
      if (expect(node.isArray(), node, type, pointer)) {
        Type element = typeArgument(type, 0);
        for (int i = 0; i < node.size(); i++) {
          checkElement(node.get(i), element, Pointers.child(pointer, i), "a list item");
        }
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (expect(node.isObject(), node, type, pointer)) {
        Type valueType = typeArgument(type, 1);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
          checkElement(entry.getValue(), valueType, Pointers.child(pointer, entry.getKey()), "an entry");
        }
      }
    } else if (raw == String.class) {
      expect(node.isValueNode(), node, type, pointer);
    } else if (raw == Integer.class) {
      checkIntegral(node, type, pointer, node.canConvertToInt(), "between -2147483648 and 2147483647");
    } else if (raw == Long.class) {
      checkIntegral(node, type, pointer, node.canConvertToLong(), "that fits in 64 bits");
    } else if (raw == Double.class) {
      expect(node.isNumber(), node, type, pointer);
    } else if (raw == Boolean.class) {
      expect(node.isBoolean(), node, type, pointer);
    } else {
      throw new IllegalStateException("the scenario format uses a type the loader does not know: " + type);
    }
  }

  /** A list item or map entry may not be empty: core would have to guess what a null road means. */
  private void checkElement(JsonNode node, Type type, String pointer, String what) {
    if (node.isNull()) {
      String hint = Messages.rawClass(type).isRecord() ? " (write {} for all defaults)" : "";
      add(pointer, sourceMap.valueOf(pointer), what + " is empty; expected " + Messages.expected(type) + hint);
    } else {
      checkValue(node, type, pointer);
    }
  }

  private void checkRecord(JsonNode node, Class<?> recordType, String pointer) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String child = Pointers.child(pointer, field.getKey());
      RecordComponent component = component(recordType, field.getKey());
      if (component == null) {
        add(child, sourceMap.keyOf(child), Messages.unknownKey(field.getKey(), recordType));
      } else {
        checkValue(field.getValue(), component.getGenericType(), child);
      }
    }
  }

  private void checkIntegral(JsonNode node, Type type, String pointer, boolean fits, String range) {
    if (expect(node.isIntegralNumber(), node, type, pointer) && !fits) {
      add(pointer, sourceMap.valueOf(pointer), "expected an integer " + range + ", got " + node.asText());
    }
  }

  private boolean expect(boolean ok, JsonNode node, Type type, String pointer) {
    if (!ok) {
      add(pointer, sourceMap.valueOf(pointer),
          "expected " + Messages.expected(type) + ", got " + Messages.describe(node));
    }
    return ok;
  }

  private void add(String pointer, Location location, String message) {
    findings.add(new Finding(pointer, location != null ? location : sourceMap.locate(pointer), message));
  }

  private static RecordComponent component(Class<?> recordType, String name) {
    for (RecordComponent component : recordType.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    return null;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType) {
      return ((ParameterizedType) type).getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
