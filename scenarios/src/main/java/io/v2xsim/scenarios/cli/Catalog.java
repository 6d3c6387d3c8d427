package io.v2xsim.scenarios.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the scenario catalog is: {@code --catalog} if given, else {@code scenarios/catalog} under the
 * working directory, else the one in the repository the running jar was built in
 * ({@code <repo>/scenarios/target/v2xsim.jar} -> {@code <repo>/scenarios/catalog}), so that
 * {@code v2xsim list} works from any directory.
 */
final class Catalog {
  /** Set by the test build to the module's catalog. */
  static final String PROPERTY = "v2xsim.catalog";

  private Catalog() {}

  static Path locate(Path explicit) {
    if (explicit != null) {
      return explicit;
    }
    String property = System.getProperty(PROPERTY);
    if (property != null) {
      return Path.of(property);
    }
    Path inWorkingDir = Path.of("scenarios", "catalog");
    if (Files.isDirectory(inWorkingDir)) {
      return inWorkingDir;
    }
    Path besideJar = besideCode();
    return besideJar != null ? besideJar : inWorkingDir;
  }

  private static Path besideCode() {
    try {
      Path code = Path.of(Catalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // .../scenarios/target/v2xsim.jar or .../scenarios/target/classes
      Path module = code.getParent() == null ? null : code.getParent().getParent();
      Path catalog = module == null ? null : module.resolve("catalog");
      return catalog != null && Files.isDirectory(catalog) ? catalog : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null; // no code source (unusual class loader): fall back to the working directory
    }
  }

  /** Scenario files of the catalog, by file name. */
  static List<Path> files(Path catalog) throws IOException {
    try (Stream<Path> entries = Files.list(catalog)) {
      return entries.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().collect(Collectors.toList());
    }
  }

  /**
   * The file a SCENARIO argument names: the path itself if it exists, else a catalog entry of that name
   * ({@code grid-fixed-time} -> {@code <catalog>/grid-fixed-time.yaml}); else the path, so that the
   * loader reports it as missing.
   */
  static Path resolveScenario(String argument) {
    Path path = Path.of(argument);
    if (Files.exists(path) || argument.contains("/") || argument.contains(java.io.File.separator)) {
      return path;
    }
    Path catalog = locate(null);
    for (String extension : new String[] {".yaml", ".yml"}) {
      Path candidate = catalog.resolve(argument + extension);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return path;
  }
}
