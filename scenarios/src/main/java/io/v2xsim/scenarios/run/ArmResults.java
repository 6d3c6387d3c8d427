package io.v2xsim.scenarios.run;

import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import java.util.List;

/** The runs of one arm, one per seed in seed order. */
public record ArmResults(Arm arm, List<RunResult> results) {
  public ArmResults {
    results = List.copyOf(results);
  }

  public String name() {
    return arm.name();
  }
}
