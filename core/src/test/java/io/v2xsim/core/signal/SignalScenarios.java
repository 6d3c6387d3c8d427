package io.v2xsim.core.signal;

import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.ControllerParamsSpec;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorsSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.GeneratorSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.RandomDemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scenarios for signal-control tests: generated grids and a single crossroads with per-approach flows. */
final class SignalScenarios {
  static final double DT = 0.1;

  private SignalScenarios() {}

  static ControllerParamsSpec params(Double replanInterval) {
    return new ControllerParamsSpec(null, null, replanInterval, null, null, null, null, null);
  }

  static SignalDefaultsSpec defaults(String controller, double green, String leftTurns, Double minGreen,
      Double maxGreen, ControllerParamsSpec p) {
    return new SignalDefaultsSpec(controller, green, 3.0, 2.0, leftTurns, null, minGreen, maxGreen, p);
  }

  static CompiledScenario grid(int rows, int cols, double rate, double duration, double warmup,
      SignalDefaultsSpec d, DetectorsSpec det) {
    return ScenarioCompiler.compile(new ScenarioSpec("grid-signals", "test",
        new NetworkSpec(new GeneratorSpec("grid", rows, cols, null, 200.0, 200.0, 2, null, null, true), null, null),
        null, new DemandSpec(null, null, List.of(new RandomDemandSpec(rate, null, null, null))),
        new SignalsSpec(d, null, det), new ExperimentSpec(duration, DT, 1, 1L, warmup), null));
  }

  /**
   * A single crossroads (junction J0_0, 2 lanes each way, 200 m approaches) with straight-through flows: west
   * to east and east to west at {@code ew} veh/h each, south to north and north to south at {@code ns}.
   */
  static CompiledScenario crossroads(double ew, double ns, double duration, double warmup, SignalDefaultsSpec d,
      Map<String, JunctionSignalSpec> junctions, DetectorsSpec det) {
    List<FlowSpec> flows = new ArrayList<>();
    if (ew > 0) {
      flows.add(new FlowSpec("we", "B_W0-J0_0", "J0_0-B_E0", null, ew, null, null, null, null));
      flows.add(new FlowSpec("ew", "B_E0-J0_0", "J0_0-B_W0", null, ew, null, null, null, null));
    }
    if (ns > 0) {
      flows.add(new FlowSpec("sn", "B_S0-J0_0", "J0_0-B_N0", null, ns, null, null, null, null));
      flows.add(new FlowSpec("ns", "B_N0-J0_0", "J0_0-B_S0", null, ns, null, null, null, null));
    }
    return ScenarioCompiler.compile(new ScenarioSpec("crossroads", "test",
        new NetworkSpec(new GeneratorSpec("single-intersection", null, null, null, null, 200.0, 2, null, null, true),
            null, null),
        null, new DemandSpec(flows, null, null), new SignalsSpec(d, junctions, det),
        new ExperimentSpec(duration, DT, 1, 1L, warmup), null));
  }
}
