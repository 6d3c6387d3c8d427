package io.v2xsim.scenarios.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.v2xsim.core.spec.ScenarioSpec;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published JSON Schema: the catalog follows it, and it follows core's ScenarioSpec exactly. */
class ScenarioSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static JsonNode schemaNode;
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    Path file = Path.of(System.getProperty("v2xsim.schema", "schema/scenario.schema.json"));
    schemaNode = JSON.readTree(file.toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
  }

  @Test
  void everyCatalogScenarioValidates() throws IOException {
    Path catalog = Path.of(System.getProperty("v2xsim.catalog", "catalog"));
    List<Path> files;
    try (Stream<Path> list = Files.list(catalog)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
    assertTrue(files.size() >= 3, "catalog: " + files);
    for (Path file : files) {
      Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
      assertTrue(errors.isEmpty(), file + ": " + errors);
    }
  }

  @Test
  void schemaRejectsWhatTheLoaderRejects() throws IOException {
    JsonNode good = YAML.readTree(Path.of(System.getProperty("v2xsim.catalog", "catalog"))
        .resolve("single-intersection.yaml").toFile());
    ObjectNode unknownKey = good.deepCopy();
    ((ObjectNode) unknownKey.get("experiment")).put("dtt", 0.1);
    assertFalse(schema.validate(unknownKey).isEmpty(), "unknown key accepted");
    ObjectNode wrongType = good.deepCopy();
    ((ObjectNode) wrongType.get("network").get("roads").get(0)).put("lanes", "two");
    assertFalse(schema.validate(wrongType).isEmpty(), "string lanes accepted");
  }

  @Test
  void propertiesMatchTheRecordComponentsRecursively() {
    assertRecord(ScenarioSpec.class, schemaNode, "scenario");
  }

  @Test
  void everyPropertyIsDescribed() {
    assertDescribed(schemaNode, "");
  }

  private static void assertRecord(Class<?> record, JsonNode schemaOfRecord, String path) {
    JsonNode s = resolve(schemaOfRecord);
    assertEquals("object", text(s, "type"), path);
    assertEquals(false, s.path("additionalProperties").asBoolean(true), path + ": additionalProperties");
    Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> properties = new TreeSet<>();
    s.get("properties").fieldNames().forEachRemaining(properties::add);
    assertEquals(components, properties, path + " (" + record.getSimpleName() + ")");
    for (RecordComponent component : record.getRecordComponents()) {
      assertType(component.getGenericType(), s.get("properties").get(component.getName()),
          path + "." + component.getName());
    }
  }

  private static void assertType(Type type, JsonNode propertySchema, String path) {
    JsonNode s = resolve(propertySchema);
    Class<?> raw = type instanceof ParameterizedType
        ? (Class<?>) ((ParameterizedType) type).getRawType()
        : (Class<?>) type;
    if (raw.isRecord()) {
      assertRecord(raw, s, path);
    } else if (List.class.isAssignableFrom(raw)) {
      assertEquals("array", text(s, "type"), path);
      assertType(argument(type, 0), s.get("items"), path + "[]");
    } else if (Map.class.isAssignableFrom(raw)) {
      assertEquals("object", text(s, "type"), path);
      assertType(argument(type, 1), s.get("additionalProperties"), path + "{}");
    } else if (raw == String.class) {
      if (s.has("enum")) {
        s.get("enum").forEach(v -> assertTrue(v.isTextual(), path + " enum " + v));
      } else {
        assertEquals("string", text(s, "type"), path);
      }
    } else if (raw == Integer.class || raw == Long.class) {
      assertEquals("integer", text(s, "type"), path);
    } else if (raw == Double.class) {
      assertEquals("number", text(s, "type"), path);
    } else if (raw == Boolean.class) {
      assertEquals("boolean", text(s, "type"), path);
    } else {
      throw new AssertionError(path + ": no schema mapping for " + type);
    }
  }

  private static void assertDescribed(JsonNode node, String path) {
    JsonNode properties = node.get("properties");
    if (properties != null) {
      properties.properties().forEach(p -> {
        JsonNode s = p.getValue();
        assertTrue(s.has("description") || s.has("$ref"), path + "." + p.getKey() + " has no description");
      });
    }
    node.properties().forEach(e -> {
      if (e.getValue().isObject()) {
        assertDescribed(e.getValue(), path + "/" + e.getKey());
      }
    });
  }

  private static JsonNode resolve(JsonNode s) {
    assertNotNull(s, "schema node missing");
    JsonNode ref = s.get("$ref");
    if (ref == null) {
      return s;
    }
    String pointer = ref.asText();
    assertTrue(pointer.startsWith("#/"), "only local references: " + pointer);
    JsonNode target = schemaNode.at(pointer.substring(1));
    assertFalse(target.isMissingNode(), "dangling reference " + pointer);
    return resolve(target);
  }

  private static String text(JsonNode s, String field) {
    return s.path(field).asText(null);
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
