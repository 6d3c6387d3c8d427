package io.v2xsim.core.spec;

import io.v2xsim.core.engine.TrafficModel;

/**
 * A validated scenario with every default applied, ready to run with any seed. Immutable and shareable
 * between concurrent runs.
 */
public final class CompiledScenario {
  private final String name;
  private final String description;
  private final double duration;
  private final double dt;
  private final int seeds;
  private final long baseSeed;
  private final double warmup;
  private final boolean trajectories;
  private final double trajectoryInterval;
  private final TrafficModel model;
  private final io.v2xsim.core.experiment.Cooperation cooperation;

  CompiledScenario(String name, String description, double duration, double dt, int seeds, long baseSeed,
      double warmup, boolean trajectories, double trajectoryInterval, TrafficModel model,
      io.v2xsim.core.experiment.Cooperation cooperation) {
    this.cooperation = cooperation;
    this.name = name;
    this.description = description;
    this.duration = duration;
    this.dt = dt;
    this.seeds = seeds;
    this.baseSeed = baseSeed;
    this.warmup = warmup;
    this.trajectories = trajectories;
    this.trajectoryInterval = trajectoryInterval;
    this.model = model;
  }

  public String name() { return name; }

  public String description() { return description; }

  /** Simulated seconds per run. */
  public double duration() { return duration; }

  /** Time step in seconds. */
  public double dt() { return dt; }

  /** How many seeds a run command uses by default. */
  public int seeds() { return seeds; }

  /** First seed; run i uses {@code baseSeed + i}. */
  public long baseSeed() { return baseSeed; }

  /** Seconds at the start that metrics ignore. */
  public double warmup() { return warmup; }

  public boolean trajectories() { return trajectories; }

  public double trajectoryInterval() { return trajectoryInterval; }

  /** The resolved network, demand and signal plans. */
  public TrafficModel model() { return model; }

  /** Roadside units, arms and transport. */
  public io.v2xsim.core.experiment.Cooperation cooperation() { return cooperation; }
}
