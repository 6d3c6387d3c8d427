package io.v2xsim.scenarios.load;

import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;

/**
 * Experiment settings given on the command line, which replace those of the file before it is compiled,
 * so core validates and defaults them like any other value.
 *
 * @param seeds number of seeds, or null to keep the file's
 * @param seed first seed, or null to keep the file's
 * @param duration simulated seconds per run, or null to keep the file's
 * @param transport inprocess or udp, or null to keep the file's
 * @param strategy signal controller for every signalized junction (see {@link SignalStrategy}), or null to
 *     keep the file's; the compiler validates the name
 * @param dt time step in seconds, or null to keep the file's (imports default to the compiler's step);
 *     the compiler checks its range
 */
public record SpecOverrides(Integer seeds, Long seed, Double duration, String transport, String strategy,
    Double dt) {
  public static final SpecOverrides NONE = new SpecOverrides(null, null, null, null, null, null);

  public SpecOverrides(Integer seeds, Long seed, Double duration, String transport, String strategy) {
    this(seeds, seed, duration, transport, strategy, null);
  }

  public SpecOverrides(Integer seeds, Long seed, Double duration) {
    this(seeds, seed, duration, null, null);
  }

  public SpecOverrides(Integer seeds, Long seed, Double duration, String transport) {
    this(seeds, seed, duration, transport, null);
  }

  /** The same overrides with every signalized junction run by {@code name}. */
  public SpecOverrides withStrategy(String name) {
    return new SpecOverrides(seeds, seed, duration, transport, name, dt);
  }

  /** The same overrides with the time step {@code step} (null keeps the file's). */
  public SpecOverrides withDt(Double step) {
    return new SpecOverrides(seeds, seed, duration, transport, strategy, step);
  }

  public ScenarioSpec applyTo(ScenarioSpec spec) {
    if (strategy != null) {
      spec = SignalStrategy.apply(spec, strategy);
    }
    if (seeds == null && seed == null && duration == null && transport == null && dt == null) {
      return spec;
    }
    ExperimentSpec old = spec.experiment() != null
        ? spec.experiment()
        : new ExperimentSpec(null, null, null, null, null);
    ExperimentSpec experiment = new ExperimentSpec(
        duration != null ? duration : old.duration(),
        dt != null ? dt : old.dt(),
        seeds != null ? seeds : old.seeds(),
        seed != null ? seed : old.seed(),
        old.warmup(),
        transport != null ? transport : old.transport());
    return new ScenarioSpec(spec.name(), spec.description(), spec.network(), spec.vehicleTypes(), spec.demand(),
        spec.signals(), experiment, spec.outputs(), spec.actors(), spec.scene(), spec.infrastructure(),
        spec.sensorSuites(), spec.channel(), spec.arms());
  }
}
