package io.v2xsim.core.detect;

import java.util.List;

/**
 * Where detectors go on every lane entering or leaving a signalized junction, in metres, and which fail.
 *
 * @param stopBarLength loop length; its downstream edge is the stop line
 * @param advanceDistance distance from the stop line to the downstream edge of the advance loop
 * @param advanceLength advance loop length
 * @param queueLength lane-area zone ending at the stop line (capped at the lane length)
 * @param nearLength short lane-area zone ending at the stop line
 * @param exitLength lane-area zone from the start of each lane leaving the junction
 * @param haltingSpeed below this speed, m/s, a vehicle in a zone counts as halting
 */
public record DetectorLayout(double stopBarLength, double advanceDistance, double advanceLength, double queueLength,
    double nearLength, double exitLength, double haltingSpeed, List<DetectorFailure> failures) {

  /**
   * SUMO's E2 lane-area detector counts a vehicle as halting below 5 km/h (haltingSpeedThreshold default,
   * 1.39 m/s); we use the same so queue figures compare with SUMO's.
   */
  public static final double SUMO_HALTING_SPEED = 5.0 / 3.6;

  public DetectorLayout {
    failures = List.copyOf(failures);
  }

  /** 2 m stop-bar loop, 2 m advance loop 40 m upstream, 150 m queue zone, 25 m near zone, 150 m exit zone. */
  public static DetectorLayout defaults() {
    return new DetectorLayout(2.0, 40.0, 2.0, 150.0, 25.0, 150.0, SUMO_HALTING_SPEED, List.of());
  }
}
