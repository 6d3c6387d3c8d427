package io.v2xsim.vehicle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.sensing.ObjectClass;
import org.junit.jupiter.api.Test;

/** Sight lines past perceived vehicles, by hand. */
class TrafficShadowsTest {
  private static WorldModel oneObject(double x, double y, double vx, double vy, byte cls) {
    WorldModel w = new WorldModel();
    w.count = 1;
    w.x[0] = x;
    w.y[0] = y;
    w.vx[0] = vx;
    w.vy[0] = vy;
    w.objectClass[0] = cls;
    return w;
  }

  @Test
  void aBusHidesWhatIsBehindItAndNotWhatIsBesideIt() {
    // A bus (12 x 2.55 m) at (20, 0) driving east at 10 m/s: its box spans x 14..26, y -1.275..1.275.
    TrafficShadows s = new TrafficShadows();
    s.collect(oneObject(20, 0, 10, 0, ObjectClass.BUS), 0, 0, 0, 100);
    assertEquals(1, s.size());
    assertTrue(s.hides(0, 0, 40, 0), "straight through it");
    assertTrue(s.hides(0, 0, 40, 2.0), "enters it: at x = 14 the line is at y = 0.7, inside");
    assertFalse(s.hides(0, 0, 40, 5), "at x = 14 the line is at y = 1.75, above it; at 26 at 3.25");
    assertFalse(s.hides(0, 0, 10, 0), "short of it");
  }

  @Test
  void aStandingCarHidesAsASquareAsWideAsItAndPedestriansHideNothing() {
    TrafficShadows s = new TrafficShadows();
    // Standing: a 1.8 m square at (20, 0), whichever way the car points.
    s.collect(oneObject(20, 0, 0, 0, ObjectClass.CAR), 0, 0, 0, 100);
    assertTrue(s.hides(0, 0, 40, 0));
    assertFalse(s.hides(0, 0, 40, 4), "at x = 19.1 the line is at y = 1.9, above the square's 0.9");
    s.collect(oneObject(20, 0, 0, 0, ObjectClass.PEDESTRIAN), 0, 0, 0, 100);
    assertEquals(0, s.size());
    s.collect(oneObject(200, 0, 0, 0, ObjectClass.CAR), 0, 0, 0, 100);
    assertEquals(0, s.size(), "out of range");
  }
}
