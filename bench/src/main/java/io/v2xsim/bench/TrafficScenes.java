package io.v2xsim.bench;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.GeneratorSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.RandomDemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.List;

/** Scenes the benchmarks run, built the way scenario files describe them. */
public final class TrafficScenes {
  private TrafficScenes() {}

  /**
   * A rows x cols grid of two-lane roads (per direction), 200 m blocks, fixed-time signals and random
   * boundary-to-boundary demand; at {@code ratePerHour} = 6,000 a 10 x 10 grid holds about 600 vehicles.
   */
  public static CompiledScenario grid(int rows, int cols, double ratePerHour, double duration, double dt) {
    return ScenarioCompiler.compile(new ScenarioSpec("bench-grid-" + rows + "x" + cols, "benchmark grid",
        new NetworkSpec(new GeneratorSpec("grid", rows, cols, null, 200.0, 200.0, 2, null, null, true), null, null),
        null,
        new DemandSpec(null, null, List.of(new RandomDemandSpec(ratePerHour, null, null, null))),
        new SignalsSpec(new SignalDefaultsSpec(null, 30.0, 3.0, 2.0, "permissive", null), null),
        new ExperimentSpec(duration, dt, 1, 1L, 0.0), null));
  }

  /** An engine on the scene, advanced until traffic has built up. */
  public static Engine warmedUp(CompiledScenario s, long seed, double warmupSeconds) {
    Engine e = new Engine(s.model(), seed);
    while (e.time() < warmupSeconds) {
      e.step();
    }
    return e;
  }
}
