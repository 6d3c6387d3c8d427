package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hard braking from realised speed changes, on hand-computed speed series (0.1 s ticks). */
class HardBrakingTest {
  private static final double DT = 0.1;

  @Test
  void thresholdIsFourTenthsOfStandardGravity() {
    assertEquals(-3.92266, HardBraking.THRESHOLD, 1e-12);
    assertEquals(1.3888888888888888, HardBraking.MOVING_SPEED, 1e-12);
  }

  @Test
  void oneEpisodePerSpellBeyondTheThreshold() {
    HardBraking h = new HardBraking(1);
    // 10 -> 9.5 -> 9.0: -5 m/s^2 twice, one episode; 9.0 -> 8.9: -1 m/s^2 ends it; 8.9 -> 8.4: a second one.
    double[] speeds = {10, 9.5, 9.0, 8.9, 8.4, 8.4};
    boolean[] starts = {false, true, false, false, true, false};
    for (int k = 0; k < speeds.length; k++) {
      assertEquals(starts[k], h.observe(0, speeds[k], DT, true), "tick " + k);
    }
    assertEquals(2, h.episodes());
  }

  @Test
  void decelerationJustBelowTheThresholdIsNotHardBraking() {
    HardBraking h = new HardBraking(1);
    h.observe(0, 10, DT, true);
    assertFalse(h.observe(0, 10 - 0.39, DT, true)); // -3.9 m/s^2
    assertTrue(h.observe(0, 10 - 0.39 - 0.393, DT, true)); // -3.93 m/s^2
  }

  @Test
  void standingOrCreepingVehiclesNeverCount() {
    HardBraking h = new HardBraking(2);
    // A vehicle standing in a queue: its commanded deceleration may be large, its speed does not change.
    for (int k = 0; k < 50; k++) {
      h.observe(0, 0.0, DT, true);
    }
    // Creeping at 1.2 m/s (below 5 km/h) and stopping in one tick: -12 m/s^2, but not moving fast enough.
    h.observe(1, 1.2, DT, true);
    assertFalse(h.observe(1, 0.0, DT, true));
    assertEquals(0, h.episodes());
  }

  @Test
  void episodesDuringWarmUpAreNotCountedButStillOpen() {
    HardBraking h = new HardBraking(1);
    h.observe(0, 10, DT, false);
    assertTrue(h.observe(0, 9, DT, false)); // starts in warm-up
    assertFalse(h.observe(0, 8, DT, true)); // the same episode continues after warm-up: not a new one
    assertEquals(0, h.episodes());
  }

  @Test
  void tripsAreIndependent() {
    HardBraking h = new HardBraking(2);
    h.observe(0, 10, DT, true);
    h.observe(1, 12, DT, true);
    h.observe(0, 9, DT, true);
    h.observe(1, 12, DT, true);
    assertEquals(1, h.episodes());
  }
}
