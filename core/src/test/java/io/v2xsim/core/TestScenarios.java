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
import io.v2xsim.core.spec.ScenarioSpec.NodeSpec;
import io.v2xsim.core.spec.ScenarioSpec.RoadSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.util.List;
import java.util.Map;

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

  public static NodeSpec node(String id, double x, double y, String type) {
    return new NodeSpec(id, x, y, type);
  }

  public static RoadSpec road(String id, String from, String to, int lanes, double speed, int priority) {
    return new RoadSpec(id, from, to, lanes, null, speed, priority, null, null);
  }

  public static VehicleTypeSpec type(String cls, Double maxSpeed, double speedFactor) {
    return new VehicleTypeSpec(cls, null, null, maxSpeed, null, null, null, null, null, null, null, null, speedFactor);
  }

  public static ScenarioSpec spec(List<NodeSpec> nodes, List<RoadSpec> roads, Map<String, VehicleTypeSpec> types,
      DemandSpec demand, SignalsSpec signals, double duration) {
    return new ScenarioSpec("test", "test", new NetworkSpec(null, nodes, roads), types, demand, signals,
        new ExperimentSpec(duration, 0.05, 1, 1L, 0.0), null);
  }

  public static ScenarioSpec withFlows(NetworkSpec network, List<FlowSpec> flows, SignalsSpec signals,
      double duration) {
    return new ScenarioSpec("flows-test", "test", network, null, new DemandSpec(flows, null, null), signals,
        new ExperimentSpec(duration, 0.05, 1, 1L, 0.0), null);
  }
}
