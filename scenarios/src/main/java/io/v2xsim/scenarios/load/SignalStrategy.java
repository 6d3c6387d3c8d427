package io.v2xsim.scenarios.load;

import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts one signal strategy on every signalized junction of a scenario, keeping its plans: an adaptive strategy
 * chooses among the phases of the plan the file gives or the compiler generates. {@code fixed} keeps the file's
 * controllers as they are, so that a comparison's baseline is the scenario itself. The compiler validates the
 * name like any value of the file.
 */
final class SignalStrategy {
  static final String FIXED = "fixed";

  private SignalStrategy() {}

  static ScenarioSpec apply(ScenarioSpec spec, String strategy) {
    if (strategy.equals(FIXED)) {
      return spec;
    }
    SignalsSpec old = spec.signals() != null ? spec.signals() : new SignalsSpec(null, null);
    SignalDefaultsSpec d = old.defaults() != null ? old.defaults()
        : new SignalDefaultsSpec(null, null, null, null, null, null);
    SignalDefaultsSpec defaults = new SignalDefaultsSpec(strategy, d.green(), d.yellow(), d.allRed(),
        d.leftTurns(), d.offsetStep());
    Map<String, JunctionSignalSpec> junctions = null;
    if (old.junctions() != null) {
      junctions = new LinkedHashMap<>();
      for (Map.Entry<String, JunctionSignalSpec> e : old.junctions().entrySet()) {
        JunctionSignalSpec j = e.getValue();
        junctions.put(e.getKey(), j == null ? null : new JunctionSignalSpec(strategy, j.offset(), j.phases()));
      }
    }
    SignalsSpec signals = new SignalsSpec(defaults, junctions);
    return new ScenarioSpec(spec.name(), spec.description(), spec.network(), spec.vehicleTypes(), spec.demand(),
        signals, spec.experiment(), spec.outputs(), spec.actors(), spec.scene(), spec.infrastructure(),
        spec.sensorSuites(), spec.channel(), spec.arms());
  }
}
