package io.v2xsim.bench.fusion;

import io.v2xsim.core.random.RandomStream;
import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.ObjectClass;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.Sensor;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.sensing.SensorType;
import io.v2xsim.roadside.fusion.Fusion;
import io.v2xsim.roadside.fusion.FusedObjects;
import io.v2xsim.roadside.fusion.ReferenceTracker;
import io.v2xsim.roadside.fusion.Tracker;
import io.v2xsim.roadside.fusion.TrackerConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fusion step of one RSU with four sensors (lidar, radar and two cameras around a square), for 50, 200 and
 * 1,000 road users: our {@link Tracker} against the library-built {@link ReferenceTracker}. Run with
 * {@code -prof gc}: in steady state {@code ours} must allocate nothing.
 *
 * <p>Road users are given point-like footprints: at these densities ground-level 2D occlusion would hide most of
 * them from every pole, and the point here is a fusion step that sees all N from several sensors.
 *
 * <p>Sensing is not measured: a ring of 100 steps (10 s) of detections is made in setup from road users on
 * circles with a 10 s period, so the ring wraps seamlessly and tracks live on. Each operation hands the next scan
 * set to the fusion ({@code ingest}, which copies it into the fusion's queue, is part of the step), runs one step,
 * and shifts that scan set's times by one lap for its next use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FusionBenchmark {
  private static final int RING = 100;
  private static final double DT = 0.1;

  @Param({"50", "200", "1000"})
  public int objects;

  @Param({"ours", "reference"})
  public String impl;

  private Detections[] ring;
  private final FusedObjects out = new FusedObjects(2048);
  private Fusion fusion;
  private long step;

  @Setup(Level.Trial)
  public void setUp() {
    double side = Math.sqrt(objects) * 8; // about 64 m^2 per road user: a busy junction
    RandomStream rng = RandomStream.derive(1, "bench/scene");
    int n = objects;
    double[] cx = new double[n];
    double[] cy = new double[n];
    double[] radius = new double[n];
    double[] phase = new double[n];
    double[] dir = new double[n];
    for (int i = 0; i < n; i++) {
      cx[i] = (rng.nextDouble() - 0.5) * side;
      cy[i] = (rng.nextDouble() - 0.5) * side;
      radius[i] = 3 + rng.nextDouble() * 12; // 2-9 m/s on a 10 s lap
      phase[i] = rng.nextDouble() * 2 * Math.PI;
      dir[i] = rng.nextInt(2) == 0 ? 1 : -1;
    }
    double range = side * 1.6;
    double h = side / 2 + 10;
    Sensor[] sensors = {
        new Sensor(0, SensorSpec.defaults(SensorType.LIDAR).withCoverage(Math.PI, range).withTiming(DT, 0.05)
            .at(0, -h, 0)),
        new Sensor(1, SensorSpec.defaults(SensorType.RADAR).withCoverage(Math.toRadians(60), range)
            .withTiming(DT, 0.05).at(-h, 0, 0)),
        new Sensor(2, SensorSpec.defaults(SensorType.CAMERA).withCoverage(Math.toRadians(60), range)
            .withTiming(DT, 0.1).at(h, 0, Math.PI)),
        new Sensor(3, SensorSpec.defaults(SensorType.CAMERA).withCoverage(Math.toRadians(60), range)
            .withTiming(DT, 0.1).at(0, h, -Math.PI / 2))};
    RandomStream[] streams = new RandomStream[sensors.length];
    for (int s = 0; s < sensors.length; s++) {
      streams[s] = RandomStream.derive(1, "bench/sensor" + s);
    }
    GroundTruth g = new GroundTruth(n);
    Occluders occ = new Occluders();
    ring = new Detections[RING];
    double omega = 2 * Math.PI / (RING * DT);
    for (int k = 0; k < RING; k++) {
      double t = k * DT;
      g.clear();
      for (int i = 0; i < n; i++) {
        double a = phase[i] + dir[i] * omega * t;
        double v = radius[i] * omega * dir[i];
        g.add(i, i % 5 == 0 ? ObjectClass.PEDESTRIAN : ObjectClass.CAR, cx[i] + radius[i] * Math.cos(a),
            cy[i] + radius[i] * Math.sin(a), -v * Math.sin(a), v * Math.cos(a), a + dir[i] * Math.PI / 2,
            0.01, 0.01); // point-like: measure fusion of all N objects, not ground-level occlusion
      }
      occ.update(g);
      ring[k] = new Detections(4 * n);
      for (int s = 0; s < sensors.length; s++) {
        sensors[s].sense(t, g, occ, streams[s], ring[k], -1);
      }
    }
    TrackerConfig cfg = TrackerConfig.defaults();
    fusion = impl.equals("ours") ? new Tracker(cfg, 2 * n) : new ReferenceTracker(cfg);
    step = 0;
    for (int k = 0; k < 2 * RING; k++) { // two laps: tracks confirmed, buffers at their steady sizes
      fusionStep();
    }
  }

  private int fusionStep() {
    Detections scans = ring[(int) (step % RING)];
    fusion.ingest(scans);
    fusion.step(step * DT + 0.1, out); // the fusion runs 0.1 s after the scans, once they are all ready
    // Ready for its next use one lap (RING * DT = 10 s) later. Shifting in place keeps the harness's own work per
    // operation to two additions per detection, so the figure is the fusion's.
    for (int i = 0; i < scans.count; i++) {
      scans.time[i] += RING * DT;
      scans.readyTime[i] += RING * DT;
    }
    step++;
    return out.count;
  }

  @Benchmark
  public int fuse() {
    return fusionStep();
  }
}
