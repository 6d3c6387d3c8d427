package io.v2xsim.core.actors;

import io.v2xsim.core.geometry.Polyline;

/**
 * A pedestrian or cyclist that walks or rides {@code path} at {@code speed} once started: at model time
 * {@code startTime}, or when the vehicle of trip {@code triggerTrip} is {@code triggerSeconds} or less from the
 * point ({@code triggerX}, {@code triggerY}) at its current speed, whichever comes first. A trigger is the
 * scenario director's device (it uses ground truth) and never informs any agent.
 *
 * @param startTime NaN for trigger-only
 * @param triggerTrip null for time-only
 */
public record ActorScript(String id, ActorKind kind, Polyline path, double speed, double startTime,
    String triggerTrip, double triggerSeconds, double triggerX, double triggerY) {}
