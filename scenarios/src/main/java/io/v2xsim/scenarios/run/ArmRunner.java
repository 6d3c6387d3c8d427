package io.v2xsim.scenarios.run;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;

/**
 * Runs one (scenario, arm, seed): a pure function of its inputs, called concurrently from the runner's threads,
 * so an implementation must share nothing mutable between calls.
 */
@FunctionalInterface
public interface ArmRunner {
  RunResult run(CompiledScenario scenario, Arm arm, long seed, RunListener listener);

  /**
   * What {@code v2xsim run} uses. Until the cooperative-perception run exists this is the plain traffic run,
   * the same for every arm; replace the lambda with {@code io.v2xsim.scenarios.coop.ArmRun::run} then.
   */
  static ArmRunner standard() {
    return (scenario, arm, seed, listener) -> Simulation.run(scenario, seed, listener);
  }
}
