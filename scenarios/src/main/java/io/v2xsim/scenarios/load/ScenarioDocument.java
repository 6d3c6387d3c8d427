package io.v2xsim.scenarios.load;

import io.v2xsim.core.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;

/** A scenario file read and bound to its spec, with the source map needed to locate later problems. */
public final class ScenarioDocument {
  private final Path file;
  private final String displayName;
  private final ScenarioSpec spec;
  final SourceMap sourceMap;
  private final List<String> importNotes;

  ScenarioDocument(Path file, String displayName, ScenarioSpec spec, SourceMap sourceMap) {
    this(file, displayName, spec, sourceMap, List.of());
  }

  ScenarioDocument(Path file, String displayName, ScenarioSpec spec, SourceMap sourceMap, List<String> importNotes) {
    this.file = file;
    this.displayName = displayName;
    this.spec = spec;
    this.sourceMap = sourceMap;
    this.importNotes = List.copyOf(importNotes);
  }

  /**
   * What the import of a CityFlow, SUMO or OSM source approximated or dropped, "kind: detail" or a sentence (see
   * {@link io.v2xsim.core.imports.ImportNotes}); empty for a scenario that imports nothing.
   */
  public List<String> importNotes() {
    return importNotes;
  }

  public Path file() {
    return file;
  }

  /** The file as the user named it; error lines start with it. */
  public String displayName() {
    return displayName;
  }

  public ScenarioSpec spec() {
    return spec;
  }
}
