package io.v2xsim.scenarios.coop;

import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.sensing.ObjectClass;
import io.v2xsim.core.wire.FrameView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a junction's signal controller knows from the perception frames it receives over V2X: the road users
 * the roadside units report, each predicted to the query time by its age, placed on the junction's approach and
 * exit lanes. Occlusion, detection misses, position noise, the CPM generation rules, channel loss and latency
 * all reach the controller through this view, never the engine's own vehicle lists.
 *
 * <p>An object is kept until {@link #MAX_AGE} seconds after its last measurement (the generation rules resend
 * an unchanged object once a second), and is placed on the lane whose centre line it is laterally within half a
 * lane width of, within {@code zone} metres of the stop line (approaches) or of the junction (exits).
 */
final class JunctionPerception {
  static final double MAX_AGE = 1.5;
  /**
   * Below this speed a vehicle counts as queued: SUMO's lane-area detector default halting threshold, 5 km/h
   * (SUMO documentation, "Lanearea Detectors (E2)", haltingSpeedThreshold).
   */
  static final double HALTING_SPEED = 1.39;

  private final Junction junction;
  private final double zone;
  /** Approach lanes first, then exit lanes: the index of {@link #vehicles(int)}. */
  private final List<Lane> lanes = new ArrayList<>();
  private final int approaches;
  private final int[] vehicles;
  private final int[] halted;
  private final double[] emergencyDistance;
  private final double[] proj = new double[2];
  private double computedAt = Double.NaN;
  private long frames;

  private int count;
  private long[] key = new long[32];
  private byte[] cls = new byte[32];
  private double[] x = new double[32];
  private double[] y = new double[32];
  private double[] vx = new double[32];
  private double[] vy = new double[32];
  private double[] measured = new double[32];

  JunctionPerception(Junction junction, double zone) {
    this.junction = junction;
    this.zone = zone;
    for (Road r : junction.incoming()) {
      lanes.addAll(r.lanes());
    }
    approaches = lanes.size();
    for (Road r : junction.outgoing()) {
      lanes.addAll(r.lanes());
    }
    vehicles = new int[lanes.size()];
    halted = new int[lanes.size()];
    emergencyDistance = new double[lanes.size()];
  }

  Junction junction() {
    return junction;
  }

  long frames() {
    return frames;
  }

  /** Merges a received frame (read now: the view is reused by the receiver). */
  void onFrame(FrameView frame) {
    frames++;
    long station = frame.stationId;
    for (int n = 0; n < frame.objectCount; n++) {
      byte c = (byte) frame.objectClass[n];
      if (c == ObjectClass.PEDESTRIAN || c == ObjectClass.CYCLIST) {
        continue;
      }
      long k = (station << 32) | (frame.objectId[n] & 0xFFFFFFFFL);
      int slot = -1;
      for (int i = 0; i < count; i++) {
        if (key[i] == k) {
          slot = i;
          break;
        }
      }
      if (slot < 0) {
        ensure(count + 1);
        slot = count++;
      }
      key[slot] = k;
      cls[slot] = c;
      x[slot] = frame.x[n];
      y[slot] = frame.y[n];
      vx[slot] = frame.vx[n];
      vy[slot] = frame.vy[n];
      measured[slot] = frame.measurementTimeUs[n] / 1e6;
    }
    computedAt = Double.NaN;
  }

  /** Index of a lane in this view, or -1 if it neither enters nor leaves the junction. */
  int indexOf(Lane lane) {
    return lanes.indexOf(lane);
  }

  /** Vehicles on lane {@code i} (see {@link #indexOf}) at time {@code now}. */
  int vehicles(int i, double now) {
    refresh(now);
    return vehicles[i];
  }

  /** Vehicles slower than {@link #HALTING_SPEED} on lane {@code i} at time {@code now}. */
  int halted(int i, double now) {
    refresh(now);
    return halted[i];
  }

  /**
   * The approach lane with the emergency vehicle nearest its stop line at time {@code now}, or null if the
   * frames show none on any approach.
   */
  Lane emergencyApproach(double now) {
    refresh(now);
    int best = -1;
    for (int i = 0; i < approaches; i++) {
      if (emergencyDistance[i] < Double.POSITIVE_INFINITY
          && (best < 0 || emergencyDistance[i] < emergencyDistance[best])) {
        best = i;
      }
    }
    return best < 0 ? null : lanes.get(best);
  }

  private void refresh(double now) {
    if (now == computedAt) {
      return;
    }
    computedAt = now;
    int w = 0;
    for (int i = 0; i < count; i++) {
      if (now - measured[i] <= MAX_AGE) {
        move(i, w++);
      }
    }
    count = w;
    Arrays.fill(vehicles, 0);
    Arrays.fill(halted, 0);
    Arrays.fill(emergencyDistance, Double.POSITIVE_INFINITY);
    for (int o = 0; o < count; o++) {
      double age = now - measured[o];
      double px = x[o] + vx[o] * age;
      double py = y[o] + vy[o] * age;
      int lane = -1;
      double bestOffset = Double.POSITIVE_INFINITY;
      double along = 0;
      for (int i = 0; i < lanes.size(); i++) {
        Lane l = lanes.get(i);
        l.shape().project(px, py, proj);
        boolean approach = i < approaches;
        double fromJunction = approach ? l.length() - proj[0] : proj[0];
        double off = Math.abs(proj[1]);
        if (fromJunction <= zone && off <= l.road().laneWidth() / 2 && off < bestOffset
            && proj[0] > 0 && proj[0] < l.length()) {
          bestOffset = off;
          lane = i;
          along = fromJunction;
        }
      }
      if (lane < 0) {
        continue;
      }
      vehicles[lane]++;
      if (Math.hypot(vx[o], vy[o]) < HALTING_SPEED) {
        halted[lane]++;
      }
      if (cls[o] == ObjectClass.EMERGENCY && lane < approaches) {
        emergencyDistance[lane] = Math.min(emergencyDistance[lane], along);
      }
    }
  }

  private void move(int from, int to) {
    key[to] = key[from];
    cls[to] = cls[from];
    x[to] = x[from];
    y[to] = y[from];
    vx[to] = vx[from];
    vy[to] = vy[from];
    measured[to] = measured[from];
  }

  private void ensure(int n) {
    if (n <= key.length) {
      return;
    }
    int size = Math.max(n, key.length * 2);
    key = Arrays.copyOf(key, size);
    cls = Arrays.copyOf(cls, size);
    x = Arrays.copyOf(x, size);
    y = Arrays.copyOf(y, size);
    vx = Arrays.copyOf(vx, size);
    vy = Arrays.copyOf(vy, size);
    measured = Arrays.copyOf(measured, size);
  }
}
