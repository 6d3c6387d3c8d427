package io.v2xsim.core.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups an import's notes by kind. A note reads "kind: detail" when the importer recorded one instance of a
 * kind of change (e.g. one skipped way), or is a whole sentence of its own; the kind is the text before the first
 * ": ".
 */
public final class ImportNotes {
  private ImportNotes() {}

  /** Kind of each note, in order of first appearance, with every note of that kind in order. */
  public static Map<String, List<String>> byKind(List<String> notes) {
    Map<String, List<String>> kinds = new LinkedHashMap<>();
    for (String n : notes) {
      kinds.computeIfAbsent(kind(n), k -> new ArrayList<>()).add(n);
    }
    return kinds;
  }

  /** The text before the first ": ", or the whole note. */
  public static String kind(String note) {
    int colon = note.indexOf(": ");
    return colon > 0 ? note.substring(0, colon) : note;
  }
}
