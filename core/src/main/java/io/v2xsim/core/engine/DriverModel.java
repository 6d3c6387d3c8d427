package io.v2xsim.core.engine;

import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;

/**
 * How a driver of v2xsim decides, human or automated: three sets of rules run on the driver's
 * {@link Surroundings} (the engine's occupancy as a human driver sees it, or an agent's world model), so that the
 * same rules run on either: {@link CarFollowing}, {@link JunctionRules} and {@link LaneChanging}. Reads only the
 * snapshot of the tick; allocation-free.
 */
final class DriverModel {
  private final OccupancyView humanView;
  private final CarFollowing following = new CarFollowing();
  private final JunctionRules junctions;
  private final LaneChanging laneChanging;

  DriverModel(Engine engine) {
    this.humanView = new OccupancyView(engine);
    this.junctions = new JunctionRules(engine);
    this.laneChanging = new LaneChanging(engine, humanView);
  }

  /** The view a human driver of {@code v} has of the road. */
  Surroundings humanView(Vehicle v) {
    return humanView.bind(v);
  }

  /** The acceleration the rules give {@code v} on what {@code s} reports. */
  double acceleration(Vehicle v, Surroundings s) {
    double a = following.following(v, s);
    if (v.link instanceof Lane lane) {
      a = Math.min(a, junctions.junctionApproach(v, lane, s));
    } else {
      a = Math.min(a, junctions.insideJunction(v, (Connector) v.link, s));
    }
    a = Math.min(a, junctions.linesAhead(v, s));
    return Math.max(a, -v.type.emergencyDecel());
  }

  /** MOBIL decisions for vehicles whose turn it is this tick; changes are applied at once, in vehicle order. */
  void changeLanes() {
    laneChanging.changeLanes();
  }
}
