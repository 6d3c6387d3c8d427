package io.v2xsim.core.engine;

import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.actors.CrossingFlow;
import io.v2xsim.core.actors.StaticScene;
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
 * @param scene buildings and parked vehicles
 * @param actors scripted pedestrians and cyclists
 * @param crossings random crossing flows
 */
public record TrafficModel(
    RoadNetwork network,
    Map<String, VehicleType> vehicleTypes,
    DemandModel demand,
    List<SignalPlan> signalPlans,
    double duration,
    double dt,
    double warmup,
    double trajectoryInterval,
    StaticScene scene,
    List<ActorScript> actors,
    List<CrossingFlow> crossings) {

  public TrafficModel {
    vehicleTypes = Map.copyOf(vehicleTypes);
    signalPlans = List.copyOf(signalPlans);
    actors = List.copyOf(actors);
    crossings = List.copyOf(crossings);
  }

  /** Traffic alone: no scene, no pedestrians or cyclists. */
  public TrafficModel(RoadNetwork network, Map<String, VehicleType> vehicleTypes, DemandModel demand,
      List<SignalPlan> signalPlans, double duration, double dt, double warmup, double trajectoryInterval) {
    this(network, vehicleTypes, demand, signalPlans, duration, dt, warmup, trajectoryInterval, StaticScene.EMPTY,
        List.of(), List.of());
  }
}
