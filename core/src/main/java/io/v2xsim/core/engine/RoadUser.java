package io.v2xsim.core.engine;

import io.v2xsim.core.network.Link;
import io.v2xsim.core.traffic.VehicleType;

/**
 * What a driver knows of one other road user on a link, as a {@link Surroundings} view reports it: a reusable
 * flyweight, valid until the next query. Fields a driver cannot know hold their "unknown" value, and the driving
 * rules then assume the least convenient case (see each field).
 *
 * <p>A human driver's view fills in what a person sees of a car: its indicator ({@link #next}), whether it is
 * braking for a yellow, how long it has stood at the line. An automated vehicle's view fills in only what its
 * sensors and received frames measure: position, speed, and a size assumed from the object's class.
 */
public final class RoadUser {
  /** Driving coordinate of its front bumper along the link of the query, metres. */
  public double front;
  public double length;
  /** Speed along the link, m/s. */
  public double speed;
  /** Whether {@link #next} is known (a human sees the indicator; sensors and frames do not report it). */
  public boolean nextKnown;
  /** The link it will take next, as its indicator shows (null: it leaves, or its lane does not lead on). */
  public Link next;
  /**
   * Its driving parameters (IDM, acceleration, minimum gap) as far as the driver can tell: a human sees the kind
   * of vehicle; an automated vehicle assumes its own parameters for every vehicle it perceives.
   */
  public VehicleType type;
  /** Its factor on speed limits ({@link #desiredSpeed}); 1 when not known. */
  public double speedFactor;
  /** Connector index for which it has been seen deciding to stop on yellow, or -1 (not known: it may go). */
  public int stopsOnYellowAt;
  /** Tick since which it has waited at its line, -1 if not waiting, {@link #WAITED_UNKNOWN} if not known. */
  public long waitingSinceTick;
  /** All-way stop: whether it has come to a halt at its line. */
  public boolean stoppedAtLine;
  /** Link index of the lane it indicates it must move into, or -1. */
  public int wantsLane;
  /** A stable order among road users, for ties (lower goes first); {@link Integer#MAX_VALUE} if not known. */
  public int order;

  /**
   * Waiting time not observed: an automated vehicle cannot tell how long another has stood at its line, so it
   * treats it as having just arrived (and will, after its own patience, go first instead of waiting forever).
   */
  public static final long WAITED_UNKNOWN = Long.MAX_VALUE / 4;

  /** The speed it is assumed to aim for on {@code l}. */
  public double desiredSpeed(Link l) {
    return Math.min(type.maxSpeed(), l.speedLimit() * speedFactor);
  }

  public double rear() {
    return front - length;
  }
}
