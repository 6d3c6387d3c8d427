package io.v2xsim.core.metrics;

/**
 * Queue on one approach (an incoming road of a junction), sampled once per second after warm-up.
 * A vehicle counts as queued while its speed is below 0.1 m/s.
 *
 * @param junction junction id
 * @param road incoming road id
 * @param meanQueue mean number of queued vehicles
 * @param maxQueue largest number seen
 */
public record ApproachQueue(String junction, String road, double meanQueue, int maxQueue) {}
