package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.metrics.safety.SafetyMonitor;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Neighbours;
import io.v2xsim.core.sensing.ObjectClass;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ego's box TTC and the hazard relevance rule, on hand-computed geometry. */
class EgoSafetyTest {
  private static final double L = 4.5;
  private static final double W = 1.8;

  private static int car(GroundTruth g, int id, double x, double y, double heading, double speed) {
    return g.add(id, ObjectClass.CAR, x, y, speed * Math.cos(heading), speed * Math.sin(heading), heading, L, W);
  }

  private static int pedestrian(GroundTruth g, int id, double x, double y, double heading, double speed) {
    return g.add(id, ObjectClass.PEDESTRIAN, x, y, speed * Math.cos(heading), speed * Math.sin(heading), heading,
        0.5, 0.5);
  }

  @Test
  void relevanceHorizonIsTheTimeToCoverTheStoppingSightDistance() {
    // AASHTO: 2.5 s reaction, 11.2 ft/s^2 = 3.41376 m/s^2. At 50 km/h: 2.5 + 13.89 / 6.82752 s.
    assertEquals(3.41376, EgoSafety.SSD_DECELERATION, 1e-12);
    assertEquals(2.5, EgoSafety.relevanceHorizon(0), 1e-12);
    assertEquals(4.534413667, EgoSafety.relevanceHorizon(13.89), 1e-9);
  }

  @Test
  void aHazardBecomesRelevantWhenContactIsWithinTheStoppingSightTime() {
    // Ego at 10 m/s along +x: horizon 2.5 + 10 / 6.82752 = 3.96467 s. A pedestrian standing on its path at x
    // is touched when 2.25 + 10t = x - 0.25, t = (x - 2.5) / 10: relevant up to x = 42.1467 m.
    GroundTruth near = new GroundTruth();
    int ego = car(near, 1, 0, 0, 0, 10);
    int ped = pedestrian(near, 1_000_000, 42.0, 0, Math.PI / 2, 0);
    assertEquals(3.95, SafetyMonitor.timeToContact(near, ego, ped, 10), 1e-9);
    assertTrue(EgoSafety.relevant(near, ego, ped));
    GroundTruth far = new GroundTruth();
    ego = car(far, 1, 0, 0, 0, 10);
    ped = pedestrian(far, 1_000_000, 42.3, 0, Math.PI / 2, 0);
    assertFalse(EgoSafety.relevant(far, ego, ped));
    // Off its path (1.5 m to the side of the car's edge): never relevant, however near.
    GroundTruth aside = new GroundTruth();
    ego = car(aside, 1, 0, 0, 0, 10);
    ped = pedestrian(aside, 1_000_000, 10, 0.9 + 0.25 + 1.5, 0, 0);
    assertFalse(EgoSafety.relevant(aside, ego, ped));
    // A red-light runner is a vehicle: the rule does not care what kind of road user the hazard is. It crosses
    // along +y at 12 m/s on the line x = 30, from y = -36. Along x (its half width 0.9 there): 2.25 + 10t >= 29.1
    // and -2.25 + 10t <= 30.9, t in [2.685, 3.315]; along y (its half length 2.25 plus the ego's 0.9):
    // |-36 + 12t| <= 3.15, t in [2.7375, 3.2625]. Contact at 2.7375 s, within 3.9647 s: relevant.
    GroundTruth runner = new GroundTruth();
    ego = car(runner, 1, 0, 0, 0, 10);
    int other = car(runner, 2, 30, -36, Math.PI / 2, 12);
    assertEquals(2.7375, SafetyMonitor.timeToContact(runner, ego, other, 10), 1e-9);
    assertTrue(EgoSafety.relevant(runner, ego, other));
    // 1.5 s further back it crosses behind the ego: t in [4.2375, 4.7625] along y, no contact.
    GroundTruth behind = new GroundTruth();
    ego = car(behind, 1, 0, 0, 0, 10);
    other = car(behind, 2, 30, -54, Math.PI / 2, 12);
    assertFalse(EgoSafety.relevant(behind, ego, other));
  }

  @Test
  void minTtcFindsASideImpactWithCentresFourPointTwoMetresApart() {
    // B drives along +y into the side of the standing A, 2.778 m ahead of A's centre: contact after 1.0 s,
    // with the centres 4.2 m apart (the old 3 m circles missed it).
    double dx = Math.sqrt(4.2 * 4.2 - 3.15 * 3.15);
    GroundTruth g = new GroundTruth();
    int a = car(g, 1, 0, 0, 0, 0);
    car(g, 2, dx, -13.15, Math.PI / 2, 10);
    pedestrian(g, 1_000_000, 100, 100, 0, 1.4);
    assertEquals(1.0, EgoSafety.minTtc(g, a, 3.0, 10, 0.5 * Math.hypot(L, W), new Neighbours()), 1e-9);
  }

  @Test
  void minTtcIsInfiniteWhenNothingIsOnACollisionCourse() {
    // Parallel lanes, same speed, and a car already overlapping (a collision, not a TTC): no value, never 0.
    GroundTruth g = new GroundTruth();
    int a = car(g, 1, 0, 0, 0, 10);
    car(g, 2, 1.0, 3.5, 0, 10);
    car(g, 3, -2.0, 0.5, 0, 12);
    assertEquals(Double.POSITIVE_INFINITY,
        EgoSafety.minTtc(g, a, 3.0, 12, 0.5 * Math.hypot(L, W), new Neighbours()));
  }

  @Test
  void minTtcPrunesExactly() {
    SplittableRandom rng = new SplittableRandom(3);
    GroundTruth g = new GroundTruth();
    double vmax = 0;
    for (int i = 0; i < 300; i++) {
      double speed = rng.nextDouble(0, 20);
      vmax = Math.max(vmax, speed);
      car(g, i, rng.nextDouble(0, 200), rng.nextDouble(0, 200), rng.nextDouble(-Math.PI, Math.PI), speed);
    }
    Neighbours near = new Neighbours();
    for (int me = 0; me < g.count; me++) {
      double reference = Double.POSITIVE_INFINITY;
      for (int i = 0; i < g.count; i++) {
        double t = i == me ? Double.NaN : SafetyMonitor.timeToContact(g, me, i, 3.0);
        if (t > 0) {
          reference = Math.min(reference, t);
        }
      }
      assertEquals(reference, EgoSafety.minTtc(g, me, 3.0, vmax, 0.5 * Math.hypot(L, W), near), "ego " + me);
    }
  }
}
