package io.v2xsim.core.actors;

import io.v2xsim.core.geometry.Polyline;

/**
 * Road users crossing along {@code path} at random (Poisson arrivals, {@code ratePerHour}) between
 * {@code begin} and {@code end}; draws come from the run's {@code pedestrians} stream, so every arm of a seed
 * sees the same crossings.
 */
public record CrossingFlow(String id, ActorKind kind, Polyline path, double ratePerHour, double speed,
    double begin, double end) {}
