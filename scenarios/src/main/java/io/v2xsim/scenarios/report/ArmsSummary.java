package io.v2xsim.scenarios.report;

import java.util.List;

/**
 * Everything summary.json holds for an experiment with more than one arm: each arm's own summary, and each
 * later arm's paired differences from the first. Like {@link ExperimentSummary}, nothing in it depends on the
 * machine or the clock.
 *
 * @param arms per arm in scenario order; the first is the baseline of every comparison
 * @param differences per later arm (in arm order), per metric (in the order metrics first appear)
 * @param conflicts conflicts matched across arms, by seed then time
 */
public record ArmsSummary(String scenario, String description, List<Long> seeds, double duration, double dt,
    double warmup, List<ArmSummary> arms, List<PairedDifference> differences, List<MatchedConflict> conflicts) {

  public ArmsSummary {
    seeds = List.copyOf(seeds);
    arms = List.copyOf(arms);
    differences = List.copyOf(differences);
    conflicts = List.copyOf(conflicts);
  }

  /** One arm's summary over seeds, with the layout of a single-arm experiment. */
  public record ArmSummary(String name, ExperimentSummary summary) {}

  public String baselineArm() {
    return arms.get(0).name();
  }

  public List<String> armNames() {
    return arms.stream().map(ArmSummary::name).toList();
  }
}
