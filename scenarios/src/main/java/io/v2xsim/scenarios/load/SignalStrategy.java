package io.v2xsim.scenarios.load;

import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts one signal strategy on every signalized junction of a scenario, keeping its plans, parameters and
 * detectors: an adaptive strategy chooses among the phases of the plan the file gives or the compiler generates
 * ({@code fixed} runs those plans on their cycle). {@code as-is} keeps the file's controllers as they are, so that
 * a comparison's baseline can be the scenario itself. A {@code +priority} suffix (e.g. {@code fixed+priority}) also turns on emergency-vehicle priority from
 * V2X ({@code signals.priority: v2x}). The compiler validates the names like any value of the file.
 */
final class SignalStrategy {
  static final String AS_IS = "as-is";
  static final String PRIORITY_SUFFIX = "+priority";

  private SignalStrategy() {}

  static ScenarioSpec apply(ScenarioSpec spec, String strategy) {
    boolean priority = strategy.endsWith(PRIORITY_SUFFIX);
    String controller = priority ? strategy.substring(0, strategy.length() - PRIORITY_SUFFIX.length()) : strategy;
    if (controller.equals(AS_IS) && !priority) {
      return spec;
    }
    SignalsSpec old = spec.signals() != null ? spec.signals() : new SignalsSpec(null, null);
    SignalDefaultsSpec defaults = old.defaults();
    Map<String, JunctionSignalSpec> junctions = old.junctions();
    if (!controller.equals(AS_IS)) {
      SignalDefaultsSpec d = defaults != null ? defaults : new SignalDefaultsSpec(null, null, null, null, null, null);
      defaults = new SignalDefaultsSpec(controller, d.green(), d.yellow(), d.allRed(), d.leftTurns(),
          d.offsetStep(), d.minGreen(), d.maxGreen(), d.parameters());
      if (junctions != null) {
        Map<String, JunctionSignalSpec> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, JunctionSignalSpec> e : junctions.entrySet()) {
          JunctionSignalSpec j = e.getValue();
          replaced.put(e.getKey(), j == null ? null : new JunctionSignalSpec(controller, j.offset(), j.phases(),
              j.minGreen(), j.maxGreen(), j.parameters()));
        }
        junctions = replaced;
      }
    }
    SignalsSpec signals = new SignalsSpec(defaults, junctions, old.detectors(), priority ? "v2x" : old.priority());
    return new ScenarioSpec(spec.name(), spec.description(), spec.network(), spec.vehicleTypes(), spec.demand(),
        signals, spec.experiment(), spec.outputs(), spec.actors(), spec.scene(), spec.infrastructure(),
        spec.sensorSuites(), spec.channel(), spec.arms());
  }
}
