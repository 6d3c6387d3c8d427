package io.v2xsim.core.engine;

import io.v2xsim.core.demand.DemandModel;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.signal.SignalPlan;
import io.v2xsim.core.traffic.VehicleType;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs besides its seed, resolved and validated. Immutable; shared by concurrent runs.
 *
 * @param signalPlans one plan per signalized junction, in junction order
 * @param duration seconds of model time
 * @param dt step in seconds
 * @param warmup seconds at the start excluded from metrics
 * @param trajectoryInterval seconds between trajectory samples
 */
public record TrafficModel(
    RoadNetwork network,
    Map<String, VehicleType> vehicleTypes,
    DemandModel demand,
    List<SignalPlan> signalPlans,
    double duration,
    double dt,
    double warmup,
    double trajectoryInterval) {

  public TrafficModel {
    vehicleTypes = Map.copyOf(vehicleTypes);
    signalPlans = List.copyOf(signalPlans);
  }
}
