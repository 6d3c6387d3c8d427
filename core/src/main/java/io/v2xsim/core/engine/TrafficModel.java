package io.v2xsim.core.engine;

import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.actors.CrossingFlow;
import io.v2xsim.core.actors.StaticScene;
import io.v2xsim.core.demand.DemandModel;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.detect.DetectorLayout;
import io.v2xsim.core.signal.ControllerConfig;
import io.v2xsim.core.signal.SignalPlan;
import io.v2xsim.core.signal.Strategy;
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
 * @param signalControl the controller of each plan's junction, in the order of {@code signalPlans}
 * @param detectors where detectors sit and which fail, or null for a run without detectors
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
    List<CrossingFlow> crossings,
    List<ControllerConfig> signalControl,
    DetectorLayout detectors) {

  public TrafficModel {
    vehicleTypes = Map.copyOf(vehicleTypes);
    signalPlans = List.copyOf(signalPlans);
    signalControl = List.copyOf(signalControl);
    if (signalControl.size() != signalPlans.size()) {
      throw new IllegalArgumentException("one controller configuration per signal plan");
    }
    actors = List.copyOf(actors);
    crossings = List.copyOf(crossings);
  }

  /** Fixed-time control everywhere, no detectors. */
  public TrafficModel(RoadNetwork network, Map<String, VehicleType> vehicleTypes, DemandModel demand,
      List<SignalPlan> signalPlans, double duration, double dt, double warmup, double trajectoryInterval,
      StaticScene scene, List<ActorScript> actors, List<CrossingFlow> crossings) {
    this(network, vehicleTypes, demand, signalPlans, duration, dt, warmup, trajectoryInterval, scene, actors,
        crossings, signalPlans.stream().map(p -> ControllerConfig.defaults(Strategy.FIXED_TIME)).toList(), null);
  }

  /** Traffic alone: no scene, no pedestrians or cyclists. */
  public TrafficModel(RoadNetwork network, Map<String, VehicleType> vehicleTypes, DemandModel demand,
      List<SignalPlan> signalPlans, double duration, double dt, double warmup, double trajectoryInterval) {
    this(network, vehicleTypes, demand, signalPlans, duration, dt, warmup, trajectoryInterval, StaticScene.EMPTY,
        List.of(), List.of());
  }
}
