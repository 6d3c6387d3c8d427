package io.v2xsim.scenarios.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog files themselves, run for their full duration over several seeds: plain IDM traffic with
 * signals and right of way must never crash, must not run red lights, and must keep flowing; hcmc-small is the
 * OpenStreetMap extract through v2xsim's own OSM import.
 */
class CatalogSafetyTest {
  @ParameterizedTest
  @ValueSource(strings = {"grid-fixed-time", "corridor", "single-intersection", "hcmc-small"})
  void noCollisionsOverSeveralSeeds(String name) {
    Path file = Path.of(System.getProperty("v2xsim.catalog", "catalog")).resolve(name + ".yaml");
    ScenarioLoader loader = new ScenarioLoader();
    CompiledScenario s = loader.compile(loader.read(file), new SpecOverrides(null, 1L, 3600.0));
    assertEquals(3600.0, s.duration(), "an hour of traffic");
    for (long seed = 1; seed <= 4; seed++) {
      RunResult r = Simulation.run(s, seed, RunListener.NONE);
      assertEquals(0, r.collisions().size(), name + " seed " + seed + ": " + r.collisions());
      assertEquals(0.0, r.metric("redLightViolations"), name + " seed " + seed);
      assertTrue(r.metric("tripsCompleted") > 0.8 * r.metric("vehiclesDue"),
          name + " seed " + seed + ": " + r.metric("tripsCompleted") + " of " + r.metric("vehiclesDue") + " arrived");
    }
  }
}
