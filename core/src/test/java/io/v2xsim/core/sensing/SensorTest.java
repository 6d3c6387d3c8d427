package io.v2xsim.core.sensing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.random.RandomStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class SensorTest {
  /** A perfect lidar at the origin looking along +x: always detects what it sees, no clutter. */
  private static SensorSpec perfect() {
    return SensorSpec.defaults(SensorType.LIDAR).withDetection(1, 1, 0);
  }

  private static int detectionsOf(Detections d, int truthId) {
    int n = 0;
    for (int i = 0; i < d.count; i++) {
      if (d.truthId[i] == truthId) {
        n++;
      }
    }
    return n;
  }

  private static int scan(Sensor s, GroundTruth g, Occluders occ, int truthId, int scans) {
    occ.update(g);
    RandomStream rng = RandomStream.derive(1, "test");
    Detections out = new Detections();
    for (int k = 0; k < scans; k++) {
      s.sense(k * 0.1, g, occ, rng, out, -1);
    }
    return detectionsOf(out, truthId);
  }

  @Test
  void buildingHidesPedestrianUntilSheStepsOut() {
    Occluders occ = new Occluders();
    occ.addPolygon(new double[] {15, 25, 25, 15}, new double[] {-5, -5, 5, 5}); // a 10 m square building
    GroundTruth g = new GroundTruth();
    g.add(7, ObjectClass.PEDESTRIAN, 40, 0, 0, 1.4, Math.PI / 2, 0.5, 0.5);
    Sensor s = new Sensor(0, perfect());
    occ.update(g);
    assertEquals(0.0, occ.visibleFraction(0, 0, 0, -1));
    assertEquals(0, scan(s, g, occ, 7, 50));

    g.y[0] = 20; // out of the building's shadow
    occ.update(g);
    assertEquals(1.0, occ.visibleFraction(0, 0, 0, -1));
    assertEquals(50, scan(s, g, occ, 7, 50));
  }

  @Test
  void concavePolygonOccludesThroughItsNotchOnlyWhereThereIsWall() {
    Occluders occ = new Occluders(4);
    // An L-shaped building: the notch at the top right is open.
    occ.addPolygon(new double[] {10, 30, 30, 20, 20, 10}, new double[] {-10, -10, 0, 0, 10, 10});
    assertFalse(occ.lineOfSight(0, 0, 40, -5, -1, -1)); // through the foot of the L
    assertTrue(occ.lineOfSight(0, 25, 40, 5, -1, -1)); // through the open notch, above the foot
  }

  @Test
  void busHidesPedestrianAndNotOnceSheMovesOut() {
    Occluders occ = new Occluders();
    GroundTruth g = new GroundTruth();
    g.add(1, ObjectClass.BUS, 20, 0, 0, 0, 0, 12, 2.55);
    g.add(2, ObjectClass.PEDESTRIAN, 30, 0.5, 0, 0, 0, 0.5, 0.5);
    Sensor s = new Sensor(0, perfect().at(0, 0.5, 0));
    assertEquals(0, scan(s, g, occ, 2, 20));
    assertEquals(20, scan(s, g, occ, 1, 20), "the bus itself is seen");

    g.y[1] = 6; // stepped out into the lane beside the bus
    assertEquals(20, scan(s, g, occ, 2, 20));

    // Just behind the bus's rear, seen from (0, 0): rays to points with y below about 2.44 m clip the bus's
    // front end (x = 14, half width 1.275). Her two near-side corners are hidden, centre and far corners seen.
    g.x[1] = 27;
    g.y[1] = 2.5;
    occ.update(g);
    assertEquals(0.6, occ.visibleFraction(0, 0, 1, -1), 1e-12);
    g.y[1] = 2.0;
    occ.update(g);
    assertEquals(0.0, occ.visibleFraction(0, 0, 1, -1), 1e-12);
  }

  @Test
  void hostVehicleIsNeitherDetectedNorAnOccluder() {
    Occluders occ = new Occluders();
    GroundTruth g = new GroundTruth();
    g.add(10, ObjectClass.CAR, 0, 0, 10, 0, 0, 4.5, 1.8); // host
    g.add(11, ObjectClass.CAR, 30, 0, 10, 0, 0, 4.5, 1.8);
    SensorSpec front = SensorSpec.defaults(SensorType.RADAR).withDetection(1, 1, 0).at(2.0, 0, 0);
    Sensor s = new Sensor(0, front);
    s.setHostPose(0, 0, 0);
    occ.update(g);
    Detections out = new Detections();
    s.sense(0, g, occ, RandomStream.derive(3, "r"), out, 10);
    assertEquals(1, out.count);
    assertEquals(11, out.truthId[0]);
    s.setHostPose(0, 0, Math.PI); // turned around: the other car is behind, out of view
    out.clear();
    s.sense(0, g, occ, RandomStream.derive(3, "r"), out, 10);
    assertEquals(0, out.count);
  }

  @Test
  void fieldOfViewAndRangeLimits() {
    SensorSpec spec = perfect().withCoverage(Math.toRadians(30), 100);
    Sensor s = new Sensor(0, spec);
    Occluders occ = new Occluders();
    GroundTruth g = new GroundTruth();
    double r = 50;
    g.add(1, ObjectClass.CAR, r * Math.cos(Math.toRadians(29)), r * Math.sin(Math.toRadians(29)), 0, 0, 0, 1, 1);
    g.add(2, ObjectClass.CAR, r * Math.cos(Math.toRadians(31)), -r * Math.sin(Math.toRadians(31)), 0, 0, 0, 1, 1);
    g.add(3, ObjectClass.CAR, 99.5, 0, 0, 0, 0, 1, 1);
    g.add(4, ObjectClass.CAR, 100.5, 0, 0, 0, 0, 1, 1);
    g.add(5, ObjectClass.CAR, -10, 0, 0, 0, 0, 1, 1);
    occ.update(g);
    Detections out = new Detections();
    s.sense(0, g, occ, RandomStream.derive(1, "fov"), out, -1);
    assertEquals(2, out.count);
    assertEquals(1, out.truthId[0]);
    assertEquals(3, out.truthId[1]);
  }

  @Test
  void noiseMatchesConfiguredSigmasAlongAndAcrossLineOfSight() {
    SensorSpec spec = SensorSpec.defaults(SensorType.CAMERA).withDetection(1, 1, 0);
    Sensor s = new Sensor(0, spec.withCoverage(Math.PI, 200));
    GroundTruth g = new GroundTruth();
    double bearing = Math.toRadians(35);
    double tx = 40 * Math.cos(bearing);
    double ty = 40 * Math.sin(bearing);
    g.add(1, ObjectClass.CAR, tx, ty, 3, -2, 0, 0.1, 0.1);
    Occluders occ = new Occluders();
    occ.update(g);
    RandomStream rng = RandomStream.derive(42, "noise");
    Detections out = new Detections();
    SummaryStatistics along = new SummaryStatistics();
    SummaryStatistics across = new SummaryStatistics();
    SummaryStatistics velAlong = new SummaryStatistics();
    int n = 40_000;
    for (int k = 0; k < n; k++) {
      out.clear();
      s.sense(k, g, occ, rng, out, -1);
      assertEquals(1, out.count);
      double ex = out.x[0] - tx;
      double ey = out.y[0] - ty;
      along.addValue(ex * Math.cos(bearing) + ey * Math.sin(bearing));
      across.addValue(-ex * Math.sin(bearing) + ey * Math.cos(bearing));
      velAlong.addValue((out.vx[0] - 3) * Math.cos(bearing) + (out.vy[0] + 2) * Math.sin(bearing));
    }
    assertEquals(0, along.getMean(), 0.03);
    assertEquals(0, across.getMean(), 0.01);
    assertEquals(1.3, along.getStandardDeviation(), 1.3 * 0.02);
    assertEquals(0.4, across.getStandardDeviation(), 0.4 * 0.02);
    assertEquals(2.0, velAlong.getStandardDeviation(), 2.0 * 0.02);
    // The reported covariance is the same ellipse, rotated into the world frame.
    double c = Math.cos(bearing);
    double sn = Math.sin(bearing);
    assertEquals(1.69 * c * c + 0.16 * sn * sn, out.cxx[0], 1e-12);
    assertEquals((1.69 - 0.16) * c * sn, out.cxy[0], 1e-12);
    assertEquals(1.69 * sn * sn + 0.16 * c * c, out.cyy[0], 1e-12);
  }

  @Test
  void detectionProbabilityAndClutterRateMatchSettings() {
    SensorSpec spec = perfect().withDetection(0.9, 0.5, 2.0).withCoverage(Math.toRadians(45), 100);
    Sensor s = new Sensor(0, spec);
    GroundTruth g = new GroundTruth();
    g.add(1, ObjectClass.CAR, 50, 0, 0, 0, 0, 4, 2); // p = 0.9 + (0.5 - 0.9) * 0.5 = 0.7
    Occluders occ = new Occluders();
    occ.update(g);
    RandomStream rng = RandomStream.derive(7, "pd");
    Detections out = new Detections();
    int scans = 40_000;
    int hits = 0;
    long clutter = 0;
    SummaryStatistics radius = new SummaryStatistics();
    for (int k = 0; k < scans; k++) {
      out.clear();
      s.sense(k, g, occ, rng, out, -1);
      for (int i = 0; i < out.count; i++) {
        if (out.truthId[i] == 1) {
          hits++;
        } else {
          assertEquals(-1, out.truthId[i]);
          clutter++;
          // Clutter is drawn in the field of view (before noise): check with noise slack of 4 sigma.
          double r = Math.hypot(out.x[i], out.y[i]);
          assertTrue(r < 100 + 1, "clutter beyond range: " + r);
          assertTrue(r < 5 || Math.abs(Math.atan2(out.y[i], out.x[i])) < Math.toRadians(45) + 0.1);
          radius.addValue(r);
        }
      }
    }
    assertEquals(0.7, hits / (double) scans, 0.01);
    assertEquals(2.0, clutter / (double) scans, 0.03);
    assertEquals(200.0 / 3, radius.getMean(), 0.5); // uniform over the sector's area: E[r] = 2R/3
  }

  @Test
  void sameStreamSeedGivesSameDetections() {
    GroundTruth g = new GroundTruth();
    RandomStream place = RandomStream.derive(5, "place");
    for (int i = 0; i < 200; i++) {
      g.add(i, (byte) (1 + i % 6), place.nextDouble() * 300, place.nextDouble() * 300 - 150, 1, 0,
          place.nextDouble() * 6, 4.5, 1.8);
    }
    Occluders occ = new Occluders();
    occ.addBox(40, 10, 0.3, 20, 12);
    occ.update(g);
    Detections a = new Detections();
    Detections b = new Detections();
    SensorSpec spec = SensorSpec.defaults(SensorType.RADAR);
    Sensor sa = new Sensor(3, spec);
    Sensor sb = new Sensor(3, spec);
    RandomStream ra = RandomStream.derive(11, "sensor/rsu1/radar0");
    RandomStream rb = RandomStream.derive(11, "sensor/rsu1/radar0");
    for (int k = 0; k < 10; k++) {
      sa.sense(k * 0.05, g, occ, ra, a, -1);
      sb.sense(k * 0.05, g, occ, rb, b, -1);
    }
    assertTrue(a.count > 100, "detections: " + a.count);
    assertEquals(a.count, b.count);
    for (int i = 0; i < a.count; i++) {
      assertEquals(a.x[i], b.x[i]);
      assertEquals(a.y[i], b.y[i]);
      assertEquals(a.vx[i], b.vx[i]);
      assertEquals(a.objectClass[i], b.objectClass[i]);
      assertEquals(a.truthId[i], b.truthId[i]);
    }
  }

  @Test
  void dueFollowsPeriodAndPhase() {
    Sensor s = new Sensor(0, SensorSpec.defaults(SensorType.CAMERA), 1); // 0.1 s at dt 0.05: every 2nd tick
    boolean[] due = new boolean[6];
    for (int t = 0; t < 6; t++) {
      due[t] = s.due(t, 0.05);
    }
    assertArrayEquals(new boolean[] {false, true, false, true, false, true}, due);
  }

  @Test
  void gridIndexAgreesWithBruteForce() {
    // Many random rays against many random boxes: the indexed answer equals testing every box.
    RandomStream rng = RandomStream.derive(9, "grid");
    GroundTruth g = new GroundTruth();
    for (int i = 0; i < 300; i++) {
      g.add(i, ObjectClass.CAR, rng.nextDouble() * 200 - 100, rng.nextDouble() * 200 - 100, 0, 0,
          rng.nextDouble() * 6.3, 2 + rng.nextDouble() * 10, 1 + rng.nextDouble() * 2);
    }
    Occluders indexed = new Occluders(5);
    indexed.update(g);
    for (int k = 0; k < 3000; k++) {
      double sx = rng.nextDouble() * 200 - 100;
      double sy = rng.nextDouble() * 200 - 100;
      double px = rng.nextDouble() * 200 - 100;
      double py = rng.nextDouble() * 200 - 100;
      boolean brute = true;
      for (int i = 0; i < g.count && brute; i++) {
        Occluders one = new Occluders(1000); // a single cell: every box is tested
        GroundTruth single = new GroundTruth();
        single.add(i, ObjectClass.CAR, g.x[i], g.y[i], 0, 0, g.heading[i], g.length[i], g.width[i]);
        one.update(single);
        brute = one.lineOfSight(sx, sy, px, py, -1, -1);
      }
      assertEquals(brute, indexed.lineOfSight(sx, sy, px, py, -1, -1), "ray " + k);
    }
  }
}
