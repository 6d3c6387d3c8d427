package io.v2xsim.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PolylineProjectTest {
  private final double[] out = new double[2];

  @Test
  void aPointBesideAStraightLineProjectsOntoItWithTheSideSigned() {
    Polyline east = Polyline.of(0, 0, 100, 0);
    east.project(30, -2, out); // south of an eastbound line is its right
    assertEquals(30, out[0], 1e-12);
    assertEquals(2, out[1], 1e-12);
    east.project(70, 3, out);
    assertEquals(70, out[0], 1e-12);
    assertEquals(-3, out[1], 1e-12);
  }

  @Test
  void theNearestSegmentOfABentLineWinsAndEndsClamp() {
    Polyline bent = new Polyline(new double[] {0, 10, 10}, new double[] {0, 0, 10});
    bent.project(11, 6, out); // beside the northbound second segment, to its right (east)
    assertEquals(16, out[0], 1e-12);
    assertEquals(1, out[1], 1e-12);
    bent.project(-5, 0, out); // before the start: clamped to arc length 0
    assertEquals(0, out[0], 1e-12);
    assertEquals(5, Math.abs(out[1]), 1e-12);
  }
}
