package io.v2xsim.core.engine;

import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;

/** Runs one (scenario, seed): a pure function of its inputs. Thread-safe; runs share nothing mutable. */
public final class Simulation {
  private Simulation() {}

  public static RunResult run(CompiledScenario scenario, long seed, RunListener listener) {
    Engine engine = new Engine(scenario.model(), seed);
    engine.runToEnd(listener);
    return engine.result();
  }
}
