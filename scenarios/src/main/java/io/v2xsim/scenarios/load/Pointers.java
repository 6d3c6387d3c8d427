package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;

/** JSON pointers (RFC 6901), the one way this package names a place in a document. */
final class Pointers {
  static final String ROOT = "";

  private Pointers() {}

  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The pointer one level up; the root is its own parent. */
  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? ROOT : pointer.substring(0, slash);
  }

  /** Unescaped reference tokens; none for the root. */
  static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    if (pointer.isEmpty()) {
      return segments;
    }
    // A pointer from core that lacks the leading slash is still read segment by segment.
    String body = pointer.startsWith("/") ? pointer.substring(1) : pointer;
    for (String raw : body.split("/", -1)) {
      segments.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  /** Jackson's path of a binding failure (field names and list indexes) as a pointer. */
  static String fromJacksonPath(List<JsonMappingException.Reference> path) {
    String pointer = ROOT;
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        pointer = child(pointer, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        pointer = child(pointer, ref.getIndex());
      }
    }
    return pointer;
  }
}
