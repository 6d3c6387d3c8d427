package io.v2xsim.bench;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmarks measure the catalog's own scenario files, so a figure always names a scene a user can run.
 * The catalog is {@code scenarios/catalog} under the working directory (run benchmarks from the repository
 * root) or the directory in the system property {@code v2xsim.catalog}.
 */
public final class CatalogScenes {
  private CatalogScenes() {}

  public static CompiledScenario load(String name, double duration) {
    Path dir = Path.of(System.getProperty("v2xsim.catalog", "scenarios/catalog"));
    Path file = dir.resolve(name + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no scenario " + file.toAbsolutePath()
          + ": run benchmarks from the repository root or set -Dv2xsim.catalog=DIR");
    }
    return new ScenarioLoader().compile(new ScenarioLoader().read(file), new SpecOverrides(1, null, duration));
  }

  /** An engine on the scene, advanced through the scenario's warm-up (at least 600 s) so traffic has built up. */
  public static Engine warmedUp(CompiledScenario s) {
    Engine e = new Engine(s.model(), s.baseSeed());
    double warm = Math.max(600, s.warmup());
    while (e.time() < warm) {
      e.step();
    }
    return e;
  }
}
