package io.v2xsim.scenarios.load;

import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;

/**
 * Experiment settings given on the command line, which replace those of the file before it is compiled,
 * so core validates and defaults them like any other value.
 *
 * @param seeds number of seeds, or null to keep the file's
 * @param seed first seed, or null to keep the file's
 * @param duration simulated seconds per run, or null to keep the file's
 * @param transport inprocess or udp, or null to keep the file's
 * @param strategy signal controller for every signalized junction (signals.defaults.controller), or null to
 *     keep the file's; the compiler validates the name
 */
public record SpecOverrides(Integer seeds, Long seed, Double duration, String transport, String strategy) {
  public static final SpecOverrides NONE = new SpecOverrides(null, null, null, null, null);

  public SpecOverrides(Integer seeds, Long seed, Double duration) {
    this(seeds, seed, duration, null, null);
  }

  public SpecOverrides(Integer seeds, Long seed, Double duration, String transport) {
    this(seeds, seed, duration, transport, null);
  }

  public ScenarioSpec applyTo(ScenarioSpec spec) {
    if (strategy != null) {
      spec = withStrategy(spec, strategy);
    }
    if (seeds == null && seed == null && duration == null && transport == null) {
      return spec;
    }
    ExperimentSpec old = spec.experiment() != null
        ? spec.experiment()
        : new ExperimentSpec(null, null, null, null, null);
    ExperimentSpec experiment = new ExperimentSpec(
        duration != null ? duration : old.duration(),
        old.dt(),
        seeds != null ? seeds : old.seeds(),
        seed != null ? seed : old.seed(),
        old.warmup(),
        transport != null ? transport : old.transport());
    return new ScenarioSpec(spec.name(), spec.description(), spec.network(), spec.vehicleTypes(), spec.demand(),
        spec.signals(), experiment, spec.outputs(), spec.actors(), spec.scene(), spec.infrastructure(),
        spec.sensorSuites(), spec.channel(), spec.arms());
  }

  /** The same spec with {@code signals.defaults.controller} set; the other defaults and junction plans stay. */
  private static ScenarioSpec withStrategy(ScenarioSpec spec, String strategy) {
    SignalsSpec old = spec.signals();
    SignalDefaultsSpec d = old != null && old.defaults() != null ? old.defaults()
        : new SignalDefaultsSpec(null, null, null, null, null, null);
    SignalDefaultsSpec defaults = new SignalDefaultsSpec(strategy, d.green(), d.yellow(), d.allRed(), d.leftTurns(),
        d.offsetStep());
    SignalsSpec signals = new SignalsSpec(defaults, old != null ? old.junctions() : null);
    return new ScenarioSpec(spec.name(), spec.description(), spec.network(), spec.vehicleTypes(), spec.demand(),
        signals, spec.experiment(), spec.outputs(), spec.actors(), spec.scene(), spec.infrastructure(),
        spec.sensorSuites(), spec.channel(), spec.arms());
  }
}
