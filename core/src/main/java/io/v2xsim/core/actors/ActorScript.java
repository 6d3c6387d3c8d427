package io.v2xsim.core.actors;

import io.v2xsim.core.geometry.Polyline;

/**
 * A pedestrian or cyclist that walks or rides {@code path} once started: at model time {@code startTime}, or when
 * the vehicle of trip {@code triggerTrip} is {@code triggerSeconds} or less from the point ({@code triggerX},
 * {@code triggerY}) at its current speed, whichever comes first. A trigger is the scenario director's device (it
 * uses ground truth) and never informs any agent.
 *
 * @param speed speed from the start of the path, m/s, until the first of {@code motion}'s speed changes
 * @param length body length along the path, metres (the kind's unless the scenario gives one: a child is smaller)
 * @param startTime NaN for trigger-only
 * @param triggerTrip null for time-only
 * @param motion pauses and speed changes along the path, by distance; {@link Motion#NONE} for constant speed
 */
public record ActorScript(String id, ActorKind kind, Polyline path, double speed, double length, double width,
    double startTime, String triggerTrip, double triggerSeconds, double triggerX, double triggerY, Motion motion) {

  /** An actor of the kind's size at constant speed. */
  public ActorScript(String id, ActorKind kind, Polyline path, double speed, double startTime, String triggerTrip,
      double triggerSeconds, double triggerX, double triggerY) {
    this(id, kind, path, speed, kind.length(), kind.width(), startTime, triggerTrip, triggerSeconds, triggerX,
        triggerY, Motion.NONE);
  }
}
