package io.v2xsim.core.metrics;

/**
 * Two road users whose oriented bounding boxes overlapped, reported once per pair at the first tick of overlap.
 *
 * @param time model time in seconds
 * @param first id of one party
 * @param second id of the other
 * @param x world x of the midpoint between the two, metres
 * @param y world y of the midpoint, metres
 * @param where lane or connector of each party ({@code path} for pedestrians and cyclists), separated by |
 * @param type the kinds of the two parties, e.g. {@code vehicle-vehicle}, {@code vehicle-pedestrian}
 */
public record CollisionRecord(double time, String first, String second, double x, double y, String where,
    String type) {}
