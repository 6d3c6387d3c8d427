package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into a Jackson tree while recording where every node came from.
 *
 * <p>Jackson's own tree reader forgets locations, and databind errors on a tree carry none, so this walks
 * the parser's token stream itself: the tree and the {@link SourceMap} are built in one pass from the
 * same tokens and cannot disagree. It also reports what YAML parsers silently accept but a scenario must
 * not contain: duplicate keys (the last one would win unseen) and a second document.
 */
final class LocatingYamlReader {
  /**
   * {@code key:} with nothing after it means absent, as in any YAML loader; only {@code true} and
   * {@code false} are booleans, so that a node called {@code N} or {@code off} stays a string (YAML 1.1
   * would read them as false).
   */
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Location> keys = new HashMap<>();
  private final Map<String, Location> values = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  /** Container being read, so that a syntax error can say roughly where in the scenario it is. */
  private String currentContainer = Pointers.ROOT;

  private LocatingYamlReader() {}

  static ParsedYaml read(String text) {
    return new LocatingYamlReader().parse(text);
  }

  private ParsedYaml parse(String text) {
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        findings.add(new Finding(Pointers.ROOT, new Location(1, 1),
            "the file is empty; a scenario is a YAML mapping with keys such as name, network and demand"));
        return new ParsedYaml(null, null, findings);
      }
      JsonNode root = readValue(parser, Pointers.ROOT);
      if (parser.nextToken() != null) {
        findings.add(new Finding(Pointers.ROOT, locationOf(parser.currentTokenLocation()),
            "a scenario file holds a single YAML document, but a second one starts here"));
      }
      return new ParsedYaml(root, new SourceMap(root, keys, values), findings);
    } catch (JsonProcessingException e) {
      findings.add(syntaxError(e));
      return new ParsedYaml(null, null, findings);
    } catch (IOException e) {
      // The text is already in memory: an IOException here can only be a parser defect.
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode readValue(JsonParser parser, String pointer) throws IOException {
    values.put(pointer, locationOf(parser.currentTokenLocation()));
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readMapping(parser, pointer);
      case START_ARRAY:
        return readSequence(parser, pointer);
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        // e.g. a !!binary scalar: keep its text, the shape check will say what was expected instead.
        return NODES.textNode(parser.getText());
    }
  }

  private ObjectNode readMapping(JsonParser parser, String pointer) throws IOException {
    ObjectNode mapping = NODES.objectNode();
    String enclosing = currentContainer;
    currentContainer = pointer;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String child = Pointers.child(pointer, name);
      Location keyLocation = locationOf(parser.currentTokenLocation());
      parser.nextToken();
      if (mapping.has(name)) {
        Location first = keys.get(child);
        findings.add(new Finding(child, keyLocation,
            "duplicate key '" + name + "' (first defined at line " + first.line() + ")"));
        parser.skipChildren(); // the first occurrence keeps its value and its locations
        continue;
      }
      keys.put(child, keyLocation);
      mapping.set(name, readValue(parser, child));
    }
    currentContainer = enclosing;
    return mapping;
  }

  private ArrayNode readSequence(JsonParser parser, String pointer) throws IOException {
    ArrayNode sequence = NODES.arrayNode();
    String enclosing = currentContainer;
    currentContainer = pointer;
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      sequence.add(readValue(parser, Pointers.child(pointer, index++)));
    }
    currentContainer = enclosing;
    return sequence;
  }

  private Finding syntaxError(JsonProcessingException e) {
    Location location = locationOf(e.getLocation());
    String problem = e.getOriginalMessage();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException) {
        MarkedYAMLException yaml = (MarkedYAMLException) cause;
        Mark mark = yaml.getProblemMark() != null ? yaml.getProblemMark() : yaml.getContextMark();
        if (mark != null) {
          location = new Location(mark.getLine() + 1, mark.getColumn() + 1);
        }
        problem = yaml.getProblem() != null ? yaml.getProblem() : problem;
        if (yaml.getContext() != null) {
          Mark context = yaml.getContextMark();
          problem += " (" + yaml.getContext()
              + (context != null ? " that starts at line " + (context.getLine() + 1) : "") + ")";
        }
        break;
      }
    }
    if (problem != null && (problem.contains("<block end>") || problem.contains("mapping values are not allowed"))) {
      problem += "; check the indentation of this line and the one before";
    }
    return new Finding(currentContainer, location == null ? new Location(1, 1) : location,
        "malformed YAML: " + problem);
  }

  private static Location locationOf(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return null;
    }
    return new Location(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}
