package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.TestScenarios;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import org.junit.jupiter.api.Test;

/**
 * Plain IDM traffic with signals and yielding must never crash. An hour of a 4 x 4 signalized grid (the shape
 * of the grid-fixed-time catalog scenario; the scenarios module runs the catalog file itself) over several
 * seeds, and an unsignalized grid where every junction is decided by priority rules and gap acceptance.
 */
class NoCollisionTest {
  @Test
  void signalizedGridHourHasNoCollisions() {
    CompiledScenario s = ScenarioCompiler.compile(TestScenarios.grid(4, 4, 1800, 3600, 300));
    for (long seed = 1; seed <= 3; seed++) {
      RunResult r = Simulation.run(s, seed, RunListener.NONE);
      assertEquals(0, r.collisions().size(), "seed " + seed + ": " + r.collisions());
      assertTrue(r.metric("tripsCompleted") > 1000, "traffic flowed: " + r.metric("tripsCompleted"));
      assertEquals(0.0, r.metric("redLightViolations"), "seed " + seed);
    }
  }

  @Test
  void unsignalizedGridHasNoCollisions() {
    var spec = TestScenarios.grid(3, 3, 900, 1800, 0);
    var gen = spec.network().generator();
    var unsignalized = new io.v2xsim.core.spec.ScenarioSpec.NetworkSpec(
        new io.v2xsim.core.spec.ScenarioSpec.GeneratorSpec(gen.type(), gen.rows(), gen.cols(), null,
            gen.blockLength(), gen.approachLength(), gen.lanes(), null, null, false), null, null);
    var s = ScenarioCompiler.compile(new io.v2xsim.core.spec.ScenarioSpec(spec.name(), "", unsignalized, null,
        spec.demand(), null, spec.experiment(), null));
    for (long seed = 1; seed <= 2; seed++) {
      RunResult r = Simulation.run(s, seed, RunListener.NONE);
      assertEquals(0, r.collisions().size(), "seed " + seed + ": " + r.collisions());
      assertTrue(r.metric("tripsCompleted") > 300, "traffic flowed: " + r.metric("tripsCompleted"));
    }
  }
}
