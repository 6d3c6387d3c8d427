package io.v2xsim.core.metrics.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.ObjectClass;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known geometry with analytical answers, a brute-force reference for the pair search, determinism. */
class SafetyMonitorTest {
  private static final double DT = 0.05;
  private static final double L = 4.5;
  private static final double W = 1.8;

  /** Road users moving at constant velocity; {@link #at} writes their state at a time into a snapshot. */
  private static final class Scene {
    final GroundTruth truth = new GroundTruth();
    final double[][] start = new double[16][];
    int n;

    Scene add(int id, byte cls, double x, double y, double heading, double speed, double length, double width) {
      start[n++] = new double[] {id, cls, x, y, heading, speed, length, width};
      return this;
    }

    Scene car(int id, double x, double y, double heading, double speed) {
      return add(id, ObjectClass.CAR, x, y, heading, speed, L, W);
    }

    GroundTruth at(double t) {
      truth.clear();
      for (int i = 0; i < n; i++) {
        double[] s = start[i];
        double vx = s[5] * Math.cos(s[4]);
        double vy = s[5] * Math.sin(s[4]);
        truth.add((int) s[0], (byte) s[1], s[2] + vx * t, s[3] + vy * t, vx, vy, s[4], s[6], s[7]);
      }
      return truth;
    }

    /** Ticks of DT from 0 to {@code end} (exclusive), integer ticks so times are exact multiples. */
    SafetyMonitor run(SafetyMonitor m, double end) {
      for (long k = 0; k * DT < end - 1e-9; k++) {
        m.observe(at(k * DT), k * DT);
      }
      return m;
    }
  }

  private static SafetyMonitor monitor() {
    return new SafetyMonitor(SafetyConfig.defaults(), id -> "u" + id);
  }

  private static double metric(SafetyMonitor m, String name) {
    return m.metrics().stream().filter(v -> v.name().equals(name)).mapToDouble(MetricValue::value)
        .findFirst().orElseThrow();
  }

  @Test
  void headOnCarsTouchWhenTheGapBetweenTheirFrontsCloses() {
    // Fronts 50 - 4.5 = 45.5 m apart, closing at 20 m/s.
    Scene s = new Scene().car(1, 0, 0, 0, 10).car(2, 50, 0, Math.PI, 10);
    assertEquals(45.5 / 20, BoxMotion.timeToContact(50, 0, -20, 0, 1, 0, 2.25, 0.9, -1, 0, 2.25, 0.9, 10), 1e-12);
    SafetyConfig far = new SafetyConfig(0.1, 5, 1.5, 1, 1, 10, 0.5, Math.toRadians(30), 0);
    SafetyMonitor m = new SafetyMonitor(far, null);
    m.observe(s.at(0), 0);
    assertEquals(2.275, metric(m, "minTtc"), 1e-9);
    assertEquals(0.0, metric(m, "conflictsTtc"));

    // 1.0 s later the TTC is 1.275 s: a conflict, one record however many evaluations see it.
    SafetyMonitor close = s.run(monitor(), 2.0);
    List<ConflictRecord> c = close.conflicts();
    assertEquals(1, c.size(), c::toString);
    ConflictRecord r = c.get(0);
    assertEquals(ConflictKind.TTC, r.kind());
    assertEquals(0.8, r.time(), 1e-9); // first evaluation with TTC < 1.5: 2.275 - 0.8 = 1.475
    assertEquals(1, r.firstId());
    assertEquals("u2", r.second());
    assertEquals("CAR", r.secondClass());
    assertEquals(2.275 - 1.9, r.value(), 1e-9); // last evaluation before the run ends, t = 1.9 (0.1 s grid)
  }

  @Test
  void crossingAtRightAnglesTouchesWhenBothAxesOverlap() {
    // A along +x from (-30, 0); B along +y from (0, -25); both 10 m/s. Overlap along x needs
    // |-30 + 10t| <= 2.25 + 0.9, t in [2.685, 3.315]; along y |-25 + 10t| <= 3.15, t in [2.185, 2.815].
    Scene s = new Scene().car(1, -30, 0, 0, 10).car(2, 0, -25, Math.PI / 2, 10);
    SafetyMonitor m = monitor();
    m.observe(s.at(0), 0);
    assertEquals(2.685, metric(m, "minTtc"), 1e-9);
    // Shifted so that the same paths meet 1.2 s after the first look: a conflict.
    Scene near = new Scene().car(1, -30 + 14.85, 0, 0, 10).car(2, 0, -25 + 14.85, Math.PI / 2, 10);
    SafetyMonitor n = monitor();
    n.observe(near.at(0), 0);
    assertEquals(1.2, metric(n, "minTtc"), 1e-9);
    assertEquals(1.0, metric(n, "conflictsTtc"));
    // Three seconds apart on the same paths: no contact, no TTC.
    Scene apart = new Scene().car(1, -30, 0, 0, 10).car(2, 0, -55, Math.PI / 2, 10);
    SafetyMonitor a = apart.run(monitor(), 2.0);
    assertTrue(Double.isNaN(metric(a, "minTtc")));
  }

  @Test
  void rearEndTtcAndDracFromTheClosingSpeed() {
    // Follower at 20 m/s, leader 15 m ahead (centres) at 10 m/s: gap 10.5 m, TTC 1.05 s,
    // DRAC 10^2 / (2 * 10.5).
    Scene s = new Scene().car(1, 0, 0, 0, 20).car(2, 15, 0, 0, 10);
    SafetyMonitor m = monitor();
    m.observe(s.at(0), 0);
    assertEquals(1.05, metric(m, "minTtc"), 1e-9);
    assertEquals(100 / 21.0, metric(m, "maxDrac"), 1e-9);
    assertEquals(1.0, metric(m, "conflictsTtc"));
    assertEquals(0.0, metric(m, "conflictsPet"));
  }

  @Test
  void dracUsesTheNearestLeaderOnly() {
    // A cyclist riding at the car's speed right ahead shields the stopped car further on; cyclists have no
    // DRAC of their own.
    Scene s = new Scene().car(1, 0, 0, 0, 15).add(1_000_001, ObjectClass.CYCLIST, 5, 0, 0, 15, 1.8, 0.6)
        .car(3, 25, 0, 0, 0);
    SafetyMonitor m = monitor();
    m.observe(s.at(0), 0);
    assertEquals(0.0, metric(m, "maxDrac"));
    Scene alone = new Scene().car(1, 0, 0, 0, 15).car(2, 10, 0, 0, 14);
    SafetyMonitor a = monitor();
    a.observe(alone.at(0), 0);
    assertEquals(1.0 / 11, metric(a, "maxDrac"), 1e-12);
  }

  @Test
  void aCarOnACollisionCourseWithACrossingPedestrianHasADrac() {
    // Car along +x from (-20, 0) at 10 m/s; pedestrian (0.5 m square) along +y from (0, -3) at 1.4 m/s.
    // x overlap: -20 + 2.25 + 10t >= -0.25 and -20 - 2.25 + 10t <= 0.25, t in [1.75, 2.25];
    // y overlap: -3 + 0.25 + 1.4t >= -0.9 and -3 - 0.25 + 1.4t <= 0.9, t in [1.3214, 2.9643]. Contact at 1.75 s.
    // Stopping before the contact point: 10^2 / (2 * 10 * 1.75) = 10 / 3.5 m/s^2. The rear-end DRAC alone was
    // 0 here: the pedestrian does not travel the car's way.
    Scene s = new Scene().car(1, -20, 0, 0, 10)
        .add(1_000_000, ObjectClass.PEDESTRIAN, 0, -3, Math.PI / 2, 1.4, 0.5, 0.5);
    SafetyMonitor m = monitor();
    m.observe(s.at(0), 0);
    assertEquals(1.75, metric(m, "minTtc"), 1e-9);
    assertEquals(10 / 3.5, metric(m, "maxDrac"), 1e-9);
    // Evaluated at 0.0, 0.1, ..., 0.9 s: the last sees TTC 0.85 s, DRAC 10 / 1.7.
    SafetyMonitor run = s.run(monitor(), 1.0);
    assertEquals(10 / 1.7, metric(run, "maxDrac"), 1e-9);
    // Up to the collision (contact at 1.75 s): the last evaluation before it, at 1.7 s, sees TTC 0.05 s.
    SafetyMonitor hit = s.run(monitor(), 2.0);
    assertEquals(10 / 0.1, metric(hit, "maxDrac"), 1e-6);
  }

  @Test
  void sideImpactWithCentresFourPointTwoMetresApartIsOnACollisionCourse() {
    // Car A stands at the origin heading +x; car B drives along +y, 10 m/s, its centre line 2.778 m ahead of A's
    // centre, so its front meets A's side (y = -0.9) when B's centre is at y = -3.15: the centres are then
    // hypot(2.778, 3.15) = 4.2 m apart, beyond any 3 m circle. B starts 10 m further back: contact in 1.0 s.
    double dx = Math.sqrt(4.2 * 4.2 - 3.15 * 3.15);
    Scene s = new Scene().car(1, 0, 0, 0, 0).car(2, dx, -13.15, Math.PI / 2, 10);
    GroundTruth g = s.at(0);
    assertEquals(1.0, SafetyMonitor.timeToContact(g, 0, 1, 3.0), 1e-9);
    assertEquals(1.0, SafetyMonitor.timeToContact(g, 1, 0, 3.0), 1e-9);
    SafetyMonitor m = monitor();
    m.observe(g, 0);
    assertEquals(1.0, metric(m, "minTtc"), 1e-9);
    assertEquals(1.0, metric(m, "conflictsTtc"));
    // Only B moves: B needs 10 / (2 * 1.0) to stop before A's side.
    assertEquals(5.0, metric(m, "maxDrac"), 1e-9);
    GroundTruth atContact = s.at(1.0); // (the scene reuses its snapshot: g is now this one)
    assertEquals(4.2, Math.hypot(atContact.x[1] - atContact.x[0], atContact.y[1] - atContact.y[0]), 1e-9);
    assertEquals(0.0, SafetyMonitor.timeToContact(atContact, 0, 1, 3.0), 1e-9);
    // Passing 0.1 m clear of A's front corner (B's side at x = 2.35, A's front at 2.25): no contact, NaN.
    Scene clear = new Scene().car(1, 0, 0, 0, 0).car(2, 2.25 + 0.9 + 0.1, -13.15, Math.PI / 2, 10);
    assertTrue(Double.isNaN(SafetyMonitor.timeToContact(clear.at(0), 0, 1, 3.0)));
    assertTrue(Double.isNaN(metric(clear.run(monitor(), 3.0), "minTtc")));
  }

  /**
   * A car stands over a point until its trip ends (last seen at 1.8 s) or it leaves the crossing areas; a
   * pedestrian stands on that point from 2.3 s. PET = 2.3 - 1.8 - 0.1 = 0.4 s, exactly: the points the car
   * covered keep the time it was last seen, however long it stood there (when standing road users refreshed
   * their points only every fourth evaluation, this gave 0.7 s).
   */
  @ParameterizedTest(name = "car {0}")
  @ValueSource(strings = {"gone", "out of the crossing area"})
  void pointsOfARoadUserThatGoesAwayKeepTheTimeItWasLastSeen(String how) {
    SafetyMonitor m = monitor();
    GroundTruth g = new GroundTruth();
    for (int k = 0; k <= 60; k++) {
      double t = k * DT;
      g.clear();
      if (t < 1.9 - 1e-9 || how.startsWith("out")) {
        int i = g.add(1, ObjectClass.CAR, 0, 0, 0, 0, 0, L, W);
        g.crossingArea[i] = t < 1.9 - 1e-9;
      }
      if (t > 2.3 - 1e-9) {
        g.add(1_000_000, ObjectClass.PEDESTRIAN, 0.1, 0, 0, 0, Math.PI / 2, 0.5, 0.5);
      }
      m.observe(g, t);
    }
    List<ConflictRecord> c = m.conflicts().stream().filter(r -> r.kind() == ConflictKind.PET).toList();
    assertEquals(1, c.size(), c::toString);
    assertEquals(1, c.get(0).firstId());
    assertEquals(1_000_000, c.get(0).secondId());
    assertEquals(0.4, c.get(0).value(), 1e-9);
  }

  @Test
  void pedestrianCrossingBehindACarGivesItsPostEncroachmentTime() {
    // The car (along +x, from x = -20.03 at 10 m/s) leaves the point (0.25, y) when its rear passes 0.25:
    // t = 2.253. The pedestrian (0.5 m, grown to 0.7071 m for the 0.5 m grid, along +y at x = 0.1 from
    // y = -5 at 1.4 m/s) first covers (0.25, -0.75) when -5 + 1.4t + 0.3536 >= -0.75: t = 2.7831.
    // PET = 0.530 s; sampled every 0.1 s the estimate is within 0.1 s of it. They never touch: the
    // pedestrian reaches the car's side at y = -1.15 at t = 2.75, after its rear passed x = 0.35 (2.633).
    Scene s = new Scene().car(1, -20.03, 0, 0, 10)
        .add(1_000_000, ObjectClass.PEDESTRIAN, 0.1, -5, Math.PI / 2, 1.4, 0.5, 0.5);
    SafetyMonitor m = s.run(monitor(), 6);
    List<ConflictRecord> c = m.conflicts();
    assertEquals(1, c.size(), c::toString);
    ConflictRecord r = c.get(0);
    assertEquals(ConflictKind.PET, r.kind());
    assertEquals(1, r.firstId(), "the car passed first");
    assertEquals(1_000_000, r.secondId());
    assertEquals("PEDESTRIAN", r.secondClass());
    assertEquals(0.530, r.value(), 0.1);
    assertEquals(0.0, r.x(), 0.25 + 1e-9); // points x = -0.25 and 0.25 tie at this sampling
    assertEquals(-0.75, r.y(), 1e-9);
    assertTrue(Double.isNaN(metric(m, "minTtc")));
    assertEquals(1.0, metric(m, "conflictsPet"));

    // Two seconds later is no conflict.
    Scene later = new Scene().car(1, -20.03, 0, 0, 10)
        .add(1_000_000, ObjectClass.PEDESTRIAN, 0.1, -7.8, Math.PI / 2, 1.4, 0.5, 0.5);
    assertEquals(0.0, metric(later.run(monitor(), 8), "conflictsPet"));
  }

  @Test
  void parallelTrafficInAdjacentLanesHasNoConflict() {
    Scene s = new Scene().car(1, 0, 0, 0, 14).car(2, 3, 3.5, 0, 11).car(3, -20, 3.5, 0, 11)
        .car(4, 40, -3.5, 0, 8);
    SafetyMonitor m = s.run(monitor(), 10);
    assertEquals(List.of(), m.conflicts());
    assertTrue(Double.isNaN(metric(m, "minTtc")));
    assertEquals(0.0, metric(m, "maxDrac"));
    // Same lane, same speed: headway, not a conflict of any kind, even close.
    Scene platoon = new Scene().car(1, 0, 0, 0, 10).car(2, 7, 0, 0, 10).car(3, 14, 0, 0, 10);
    SafetyMonitor p = platoon.run(monitor(), 10);
    assertEquals(List.of(), p.conflicts());
    assertEquals(0.0, metric(p, "maxDrac"));
  }

  @Test
  void warmUpIsNotMeasuredAndEvaluationsFollowTheInterval() {
    Scene s = new Scene().car(1, 0, 0, 0, 20).car(2, 15, 0, 0, 10);
    SafetyMonitor m = new SafetyMonitor(SafetyConfig.defaults().withWarmup(1.0), null);
    s.run(m, 0.95);
    assertEquals(0, m.evaluations());
    assertTrue(Double.isNaN(metric(m, "minTtc")));
    SafetyMonitor every = s.run(monitor(), 1.0);
    assertEquals(10, every.evaluations()); // 0.0, 0.1, ..., 0.9 from ticks of 0.05 s
  }

  @Test
  void pairSearchFindsWhatAllPairsFindAndIsDeterministic() {
    SplittableRandom rng = new SplittableRandom(42);
    GroundTruth g = new GroundTruth();
    for (int i = 0; i < 400; i++) {
      double speed = rng.nextDouble(0, 20);
      double h = rng.nextDouble(-Math.PI, Math.PI);
      boolean ped = i % 5 == 0;
      g.add(ped ? 1_000_000 + i : i, ped ? ObjectClass.PEDESTRIAN : ObjectClass.CAR, rng.nextDouble(0, 300),
          rng.nextDouble(0, 300), speed * Math.cos(h), speed * Math.sin(h), h, ped ? 0.5 : L, ped ? 0.5 : W);
    }
    double reference = Double.POSITIVE_INFINITY;
    int conflicts = 0;
    for (int a = 0; a < g.count; a++) {
      for (int b = a + 1; b < g.count; b++) {
        double t = BoxMotion.timeToContact(g.x[b] - g.x[a], g.y[b] - g.y[a], g.vx[b] - g.vx[a],
            g.vy[b] - g.vy[a], Math.cos(g.heading[a]), Math.sin(g.heading[a]), 0.5 * g.length[a],
            0.5 * g.width[a], Math.cos(g.heading[b]), Math.sin(g.heading[b]), 0.5 * g.length[b],
            0.5 * g.width[b], 3.0);
        if (t > 0) {
          reference = Math.min(reference, t);
          conflicts += t < 1.5 ? 1 : 0;
        }
      }
    }
    SafetyMonitor m = monitor();
    m.observe(g, 0);
    assertTrue(conflicts > 0, "the scene should have conflicts");
    assertEquals(reference, metric(m, "minTtc"));
    assertEquals(conflicts, (int) metric(m, "conflictsTtc"));

    SafetyMonitor again = monitor();
    again.observe(g, 0);
    assertEquals(m.conflicts(), again.conflicts());
    assertEquals(m.metrics(), again.metrics());
  }

  @Test
  void boxMotionAgreesWithSteppingTheBoxes() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int k = 0; k < 2000; k++) {
      double ah = rng.nextDouble(-Math.PI, Math.PI);
      double bh = rng.nextDouble(-Math.PI, Math.PI);
      double dx = rng.nextDouble(-30, 30);
      double dy = rng.nextDouble(-30, 30);
      double rvx = rng.nextDouble(-20, 20);
      double rvy = rng.nextDouble(-20, 20);
      double t = BoxMotion.timeToContact(dx, dy, rvx, rvy, Math.cos(ah), Math.sin(ah), 2.25, 0.9,
          Math.cos(bh), Math.sin(bh), 1, 0.4, 3);
      double stepped = Double.NaN;
      for (double s = 0; s <= 3; s += 1e-4) {
        if (overlap(dx + rvx * s, dy + rvy * s, ah, bh)) {
          stepped = s;
          break;
        }
      }
      if (Double.isNaN(t)) {
        assertTrue(Double.isNaN(stepped), "missed contact at " + stepped);
      } else {
        assertEquals(t, stepped, 2e-4);
      }
    }
  }

  @Test
  void steadyStateEvaluationsAllocateNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    // 60 cars in 20 lanes (some opposing), 20 pedestrians walking across them: candidate pairs and PET history
    // every evaluation, never a conflict episode to record.
    Scene s = new Scene();
    GroundTruth g = s.truth;
    SafetyMonitor m = monitor();
    double[][] state = new double[80][];
    for (int i = 0; i < 80; i++) {
      boolean ped = i >= 60;
      double h = ped ? Math.PI / 2 : (i % 2 == 0 ? 0 : Math.PI);
      state[i] = new double[] {ped ? 1_000_000 + i : i, ped ? 200 + 37 * (i - 60) : 30 * (i / 20),
          ped ? -500 : 3.5 * (i % 20), h, ped ? 1.4 : 12};
    }
    long tick = 0;
    long before = 0;
    for (; tick < 3000; tick++) {
      if (tick == 2000) {
        before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      }
      double t = tick * DT;
      g.clear();
      for (double[] u : state) {
        double vx = u[4] * Math.cos(u[3]);
        double vy = u[4] * Math.sin(u[3]);
        boolean ped = u[0] >= 1_000_000;
        g.add((int) u[0], ped ? ObjectClass.PEDESTRIAN : ObjectClass.CAR, u[1] + vx * t, u[2] + vy * t, vx, vy,
            u[3], ped ? 0.5 : L, ped ? 0.5 : W);
      }
      m.observe(g, t);
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertEquals(1000 / 2, m.evaluations() - 1000);
    assertEquals(0, allocated, "bytes allocated by 1000 ticks in steady state");
  }

  /** Separating axes with the dimensions of the random test above. */
  private static boolean overlap(double dx, double dy, double ah, double bh) {
    double[][] axes = {{Math.cos(ah), Math.sin(ah)}, {-Math.sin(ah), Math.cos(ah)},
        {Math.cos(bh), Math.sin(bh)}, {-Math.sin(bh), Math.cos(bh)}};
    for (double[] n : axes) {
      double ra = 2.25 * Math.abs(Math.cos(ah) * n[0] + Math.sin(ah) * n[1])
          + 0.9 * Math.abs(-Math.sin(ah) * n[0] + Math.cos(ah) * n[1]);
      double rb = 1 * Math.abs(Math.cos(bh) * n[0] + Math.sin(bh) * n[1])
          + 0.4 * Math.abs(-Math.sin(bh) * n[0] + Math.cos(bh) * n[1]);
      if (Math.abs(dx * n[0] + dy * n[1]) > ra + rb) {
        return false;
      }
    }
    return true;
  }
}
