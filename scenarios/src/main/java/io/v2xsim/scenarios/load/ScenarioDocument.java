package io.v2xsim.scenarios.load;

import io.v2xsim.core.spec.ScenarioSpec;
import java.nio.file.Path;

/** A scenario file read and bound to its spec, with the source map needed to locate later problems. */
public final class ScenarioDocument {
  private final Path file;
  private final String displayName;
  private final ScenarioSpec spec;
  final SourceMap sourceMap;

  ScenarioDocument(Path file, String displayName, ScenarioSpec spec, SourceMap sourceMap) {
    this.file = file;
    this.displayName = displayName;
    this.spec = spec;
    this.sourceMap = sourceMap;
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
