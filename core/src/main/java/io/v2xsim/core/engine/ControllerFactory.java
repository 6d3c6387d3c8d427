package io.v2xsim.core.engine;

import io.v2xsim.core.traffic.VehicleType;

/** Decides which departing vehicles an agent drives. */
@FunctionalInterface
public interface ControllerFactory {
  /**
   * @param objectId the vehicle's object id in this run (its id in ground truth)
   * @param name its trip id
   * @return the agent in charge, or null for a plain, rule-following driver
   */
  VehicleController create(int objectId, String name, VehicleType type);
}
