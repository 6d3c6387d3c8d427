package io.v2xsim.core.signal;

/**
 * A fixed plan run by the phase state machine: each phase keeps the green of its plan, in order. Used for
 * fixed-time junctions once a priority request has arrived (before that {@link FixedTimeController} runs the
 * plan on its exact cycle clock); after priority service it carries on from the phase it served, without
 * returning to the plan's offset.
 */
final class CyclicController extends PhasedController {
  private final double[] planned;

  CyclicController(SignalPlan plan, SignalInputs inputs) {
    super(plan, minimum(plan), greens(plan), inputs);
    this.planned = greens(plan);
  }

  private static double[] greens(SignalPlan plan) {
    return plan.phases().stream().mapToDouble(Phase::green).toArray();
  }

  /** A priority request may cut a planned green once the usual minimum (or the whole planned green) is over. */
  private static double[] minimum(SignalPlan plan) {
    return plan.phases().stream().mapToDouble(p -> Math.min(ControllerConfig.DEFAULT_MIN_GREEN, p.green())).toArray();
  }

  @Override
  double greenCertain(double elapsed) {
    return planned[current] - elapsed;
  }

  @Override
  int decide(double time, double elapsed, boolean mustSwitch) {
    return elapsed >= planned[current] - 1e-9 ? (current + 1) % n : -1;
  }
}
