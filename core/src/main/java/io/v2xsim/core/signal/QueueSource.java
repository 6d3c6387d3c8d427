package io.v2xsim.core.signal;

/**
 * Queues per movement, as a controller measures them: from lane-area detectors ({@link MovementQueues#fromDetectors}) or,
 * plugged in instead, from roadside perception.
 */
public interface QueueSource {
  /** Vehicles waiting or approaching upstream of the stop line to make movement {@code movement}. */
  double upstream(int junction, int movement);

  /** Vehicles on the first part of the road movement {@code movement} leads into, its share of them. */
  double downstream(int junction, int movement);
}
