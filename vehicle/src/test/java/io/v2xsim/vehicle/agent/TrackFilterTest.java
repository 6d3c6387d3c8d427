package io.v2xsim.vehicle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The onboard Kalman filter by hand. */
class TrackFilterTest {
  @Test
  void twoEquallyGoodMeasurementsAverageAndHalveTheVariance() {
    double[] p = new double[16];
    double[] s = {0, 0, 0, 0};
    TrackFilter.init(p, 0, 1, 0, 1, false, 0, 0, 0);
    new TrackFilter().update(s, p, 0, 0, 2, 0, 1, 0, 1);
    assertEquals(1.0, s[0], 1e-12);
    assertEquals(0.5, p[0], 1e-12);
    assertEquals(0.5, p[5], 1e-12);
    assertEquals(0.0, s[2], 1e-12, "no velocity learnt from one position without prior correlation");
  }

  @Test
  void aCameraAndARadarTogetherPinItDownBothWays() {
    // A camera 1.3 m along its line of sight (x) and 0.4 m across; a radar 0.4 m along and 0.8 m across.
    double[] p = new double[16];
    double[] s = {10, 0, 0, 0};
    TrackFilter.init(p, 0, 1.69, 0, 0.16, false, 0, 0, 0);
    new TrackFilter().update(s, p, 0, 0, 10, 0, 0.16, 0, 0.64);
    // Along x: 1 / (1/1.69 + 1/0.16) = 0.1461; across: 1 / (1/0.16 + 1/0.64) = 0.128.
    assertEquals(1 / (1 / 1.69 + 1 / 0.16), p[0], 1e-9);
    assertEquals(1 / (1 / 0.16 + 1 / 0.64), p[5], 1e-9);
  }

  @Test
  void aSteadyObjectsVelocityIsLearntFromItsPositions() {
    double[] p = new double[16];
    double[] s = {0, 0, 0, 0};
    TrackFilter f = new TrackFilter();
    TrackFilter.init(p, 0, 0.01, 0, 0.01, false, 0, 0, 0);
    for (int k = 1; k <= 50; k++) { // 5 m/s east, measured exactly every 0.1 s
      s[0] += s[2] * 0.1;
      s[1] += s[3] * 0.1;
      TrackFilter.predict(p, 0, 0.1);
      f.update(s, p, 0, 0, 0.5 * k, 0, 0.01, 0, 0.01);
    }
    assertEquals(5.0, s[2], 0.05);
    assertEquals(0.0, s[3], 1e-9);
    // The steady state is set by the acceleration noise it allows (Q): about 0.34 (m/s)^2 at 10 Hz.
    assertTrue(p[10] < 0.5, "and knows it: velocity variance " + p[10] + ", from 100");
  }
}
