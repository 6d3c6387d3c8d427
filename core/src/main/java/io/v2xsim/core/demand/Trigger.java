package io.v2xsim.core.demand;

/**
 * Starts a scripted road user when vehicle {@code trip} is about to reach a point: within {@code seconds} at its
 * current speed of (x, y), while the point is still ahead of it. The same rule scripted pedestrians use, so that a
 * hazard meets its ego at the same moment whatever the ego's speed.
 */
public record Trigger(String trip, double x, double y, double seconds) {}
