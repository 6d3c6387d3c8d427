package io.v2xsim.core.engine;

/**
 * An automated driving agent in charge of one vehicle's longitudinal control. The engine calls it once per
 * tick in the decision stage with the vehicle's own state; everything else it knows must come from its own
 * sensors and received frames (ground truth never leaks into an agent).
 */
public interface VehicleController {
  /**
   * What the agent knows of the road around it this tick, built from its own sensors and received frames only:
   * the driving rules (car following, right of way, signals, lane changes) run on this view, the same rules a
   * human driver runs on what a person sees. Called once per tick before {@link #decide}; the view stays valid
   * until the next call.
   */
  Surroundings perceive(EgoState ego);

  /**
   * @param ego the controlled vehicle's own state this tick (a flyweight: read it now, do not keep it)
   * @param ruleAcceleration what the driving rules command on the agent's own {@link #perceive view} (speed
   *     limits, signals as seen, right of way among the road users it knows of, its perceived leader)
   * @return commanded acceleration, m/s^2 (the engine bounds it by the vehicle's limits)
   */
  double decide(EgoState ego, double ruleAcceleration);

  /** Called once when the vehicle leaves the network. */
  default void finished(EgoState ego) {}
}
