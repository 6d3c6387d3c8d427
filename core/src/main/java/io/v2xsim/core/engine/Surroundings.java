package io.v2xsim.core.engine;

import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Link;

/**
 * The read-only view of the road around one driver that the driving rules ({@link DriverModel}) ask, and nothing
 * else: who is on a given link (front first), and the signal as this driver sees it. The driver's own vehicle is
 * never in the lists. Two implementations decide what a driver may know: the engine's occupancy for human drivers
 * ({@link OccupancyView}), and an automated vehicle's own world model, built only from its sensors and received
 * frames ({@code io.v2xsim.vehicle.agent.PerceivedView}). The rules are the same for both; only what they are told
 * differs, which is what makes the arms of an experiment a fair fight.
 *
 * <p>A view is bound to one driver and one tick; queries allocate nothing.
 */
public interface Surroundings {
  /** Signal state that means the driver does not know it (no line of sight to the head, no SPaT received). */
  byte SIGNAL_UNKNOWN = -1;

  /** Number of road users this driver knows on {@code link}. */
  int count(Link link);

  /** Writes the {@code k}-th of them, front first ({@code 0 <= k < count}), into {@code out}. */
  void get(Link link, int k, RoadUser out);

  /**
   * Index of the first road user on {@code link} whose front is behind {@code pos}: the driver's follower if it
   * were there, and {@code index - 1} its leader.
   */
  int firstBehind(Link link, double pos);

  /**
   * How far back from {@code pos} along {@code link} (and the links feeding it) this driver can rule out a road
   * user it does not know of, metres: mirrors for a human, the rear and side sensors' coverage for an automated
   * vehicle. Lane changes need it.
   */
  double visibleBehind(Link link, double pos);

  /** State of a movement of a signalized junction as the driver sees it, or {@link #SIGNAL_UNKNOWN}. */
  byte signal(Junction junction, int movement);
}
