package io.v2xsim.core.engine;

/**
 * An automated driving agent in charge of one vehicle's longitudinal control. The engine calls it once per
 * tick in the decision stage with the vehicle's own state; everything else it knows must come from its own
 * sensors and received frames (ground truth never leaks into an agent).
 */
public interface VehicleController {
  /**
   * @param ego the controlled vehicle's own state this tick (a flyweight: read it now, do not keep it)
   * @param ruleAcceleration what the rule-following driver model commands from the road itself (speed limits,
   *     signals, right of way, the vehicle ahead as a basic adaptive cruise control measures it) without any
   *     reaction to pedestrians and cyclists
   * @return commanded acceleration, m/s^2 (the engine bounds it by the vehicle's limits)
   */
  double decide(EgoState ego, double ruleAcceleration);

  /** Called once when the vehicle leaves the network. */
  default void finished(EgoState ego) {}
}
