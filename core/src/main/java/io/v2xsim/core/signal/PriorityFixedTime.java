package io.v2xsim.core.signal;

/**
 * Fixed-time control that honours priority requests: the plan runs on its exact cycle clock
 * ({@link FixedTimeController}, so results without requests are unchanged) until the first request at this
 * junction; from then on the phase state machine runs the same phases from the state the clock had reached,
 * serves requests, and keeps each phase's planned green in between.
 */
final class PriorityFixedTime implements SignalController {
  private final SignalPlan plan;
  private final FixedTimeController clock;
  private final SignalInputs inputs;
  private CyclicController machine;

  PriorityFixedTime(SignalPlan plan, SignalInputs inputs) {
    this.plan = plan;
    this.clock = new FixedTimeController(plan);
    this.inputs = inputs;
  }

  @Override
  public void update(double time, byte[] states) {
    if (machine == null && plan.phases().size() > 1 && inputs.priority().requested(plan.junction()) >= 0) {
      FixedTimeController.Position at = clock.position(time);
      machine = new CyclicController(plan, inputs);
      machine.startAt(at.phase(), (at.phase() + 1) % plan.phases().size(), at.interval(), time - at.elapsed());
    }
    if (machine != null) {
      machine.update(time, states);
    } else {
      clock.update(time, states);
    }
  }

  @Override
  public double secondsToNextChange(double time) {
    return machine != null ? machine.secondsToNextChange(time) : clock.secondsToNextChange(time);
  }
}
