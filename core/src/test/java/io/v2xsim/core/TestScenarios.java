package io.v2xsim.core;

import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.GeneratorSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.RandomDemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.List;

/** Scenario specs built in code for tests, the same shapes the catalog files use. */
public final class TestScenarios {
  private TestScenarios() {}

  public static ScenarioSpec grid(int rows, int cols, double ratePerHour, double duration, double warmup) {
    return new ScenarioSpec("grid-test", "test grid",
        new NetworkSpec(new GeneratorSpec("grid", rows, cols, null, 200.0, 200.0, 2, null, null, true), null, null),
        null,
        new DemandSpec(null, null, List.of(new RandomDemandSpec(ratePerHour, null, null, null))),
        new SignalsSpec(new SignalDefaultsSpec(null, 30.0, 3.0, 2.0, "permissive", null), null),
        new ExperimentSpec(duration, 0.05, 1, 1L, warmup), null);
  }

  public static ScenarioSpec withFlows(NetworkSpec network, List<FlowSpec> flows, SignalsSpec signals,
      double duration) {
    return new ScenarioSpec("flows-test", "test", network, null, new DemandSpec(flows, null, null), signals,
        new ExperimentSpec(duration, 0.05, 1, 1L, 0.0), null);
  }
}
