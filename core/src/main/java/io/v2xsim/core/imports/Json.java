package io.v2xsim.core.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers its file and line, so that an importer can say where a missing field or a bad
 * reference is. Typed accessors throw {@link ImportException} naming the field and the expected value.
 */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final String file;
  private final int line;
  /** Map of members, List of items, Double, String, Boolean, or null. */
  private final Object value;

  private Json(String file, int line, Object value) {
    this.file = file;
    this.line = line;
    this.value = value;
  }

  static Json read(Path path, String display) {
    try (InputStream in = Files.newInputStream(path); JsonParser p = FACTORY.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ImportException(display, 0, "empty file; expected JSON");
      }
      Json root = parse(p, display);
      if (p.nextToken() != null) {
        throw new ImportException(display, p.currentLocation().getLineNr(), "unexpected text after the JSON value");
      }
      return root;
    } catch (JsonParseException e) {
      throw new ImportException(display, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage());
    } catch (NoSuchFileException e) {
      throw new ImportException(display, 0, "no such file");
    } catch (IOException e) {
      throw new ImportException(display, 0, "cannot be read: " + e.getMessage());
    }
  }

  private static Json parse(JsonParser p, String file) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Json> members = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          members.put(name, parse(p, file));
        }
        return new Json(file, line, members);
      }
      case START_ARRAY -> {
        List<Json> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(parse(p, file));
        }
        return new Json(file, line, items);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new Json(file, line, p.getDoubleValue());
      }
      case VALUE_STRING -> {
        return new Json(file, line, p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Json(file, line, t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return new Json(file, line, null);
      }
      default -> throw new ImportException(file, line, "unexpected JSON token " + t);
    }
  }

  int line() {
    return line;
  }

  ImportException error(String problem) {
    return new ImportException(file, line, problem);
  }

  boolean has(String key) {
    return value instanceof Map<?, ?> m && m.get(key) != null && ((Json) m.get(key)).value != null;
  }

  /** A required member of this object; {@code what} names this object in messages, e.g. "road 'r1'". */
  Json get(String key, String what) {
    if (!(value instanceof Map<?, ?> m)) {
      throw error(what + " must be a JSON object");
    }
    Json j = (Json) m.get(key);
    if (j == null || j.value == null) {
      throw error(what + " has no field '" + key + "'");
    }
    return j;
  }

  List<Json> list(String key, String what) {
    Json j = get(key, what);
    if (!(j.value instanceof List<?> l)) {
      throw j.error(what + ": field '" + key + "' must be a list");
    }
    @SuppressWarnings("unchecked")
    List<Json> items = (List<Json>) l;
    return items;
  }

  /** The items of this value, which must be a list. */
  List<Json> items(String what) {
    if (!(value instanceof List<?> l)) {
      throw error(what + " must be a JSON list");
    }
    @SuppressWarnings("unchecked")
    List<Json> items = (List<Json>) l;
    return items;
  }

  double number(String key, String what) {
    return get(key, what).asNumber(what + ": field '" + key + "'");
  }

  double asNumber(String what) {
    if (!(value instanceof Double d) || !Double.isFinite(d)) {
      throw error(what + " must be a number");
    }
    return d;
  }

  String text(String key, String what) {
    return get(key, what).asText(what + ": field '" + key + "'");
  }

  String asText(String what) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue()); // an id written as a number
    }
    throw error(what + " must be a string");
  }

  boolean flag(String key, boolean absent) {
    if (!has(key)) {
      return absent;
    }
    Json j = get(key, "");
    if (!(j.value instanceof Boolean b)) {
      throw j.error("field '" + key + "' must be true or false");
    }
    return b;
  }

  /** A non-negative integer index. */
  int index(String key, String what) {
    Json j = get(key, what);
    double d = j.asNumber(what + ": field '" + key + "'");
    if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
      throw j.error(what + ": field '" + key + "' must be a non-negative integer, got " + d);
    }
    return (int) d;
  }
}
