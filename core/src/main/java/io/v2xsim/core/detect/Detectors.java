package io.v2xsim.core.detect;

import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.random.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every detector of one run: loops and lane-area zones on the lanes entering and leaving signalized junctions.
 * State lives in flat arrays indexed by detector, so the per-tick update allocates nothing.
 *
 * <p>The engine feeds it every vehicle on a lane that carries detectors, once per tick after the vehicles
 * moved ({@link #beginTick}, {@link #observe}, {@link #passedEnd}, {@link #endTick}); controllers read the
 * results through {@link DetectorReadings} only. A vehicle counts when any part of it first overlaps the
 * detector, as a loop's rising edge does, including one that jumped over a loop within a single step.
 */
public final class Detectors implements DetectorReadings {
  /** Space one vehicle takes in a jam (length plus gap), for the reading of a stuck-on zone. */
  private static final double JAM_SPACING = 7.5;

  private final int n;
  private final int[] laneOf;
  private final DetectorKind[] kind;
  private final double[] from;
  private final double[] to;
  private final FailureMode[] failMode;
  private final double[] failStart;
  private final double[] failEnd;
  // per lane (link index): detectors firstOfLane[l] .. firstOfLane[l+1]-1, ordered by detector index
  private final int[] firstOfLane;
  private final int[] byLane;
  private final int[] lanes;

  // tick state
  private final boolean[] rawOccupied;
  private final int[] rawVehicles;
  private final int[] rawHalting;
  private final int[] rawEntered;
  private final double haltingSpeed;
  // readings
  private final boolean[] occupied;
  private final long[] count;
  private final double[] occupiedSeconds;
  private final double[] lastOn;
  private final int[] vehicles;
  private final int[] halting;
  private final List<String> names;

  public Detectors(RoadNetwork net, DetectorLayout layout, long seed) {
    List<int[]> defs = new ArrayList<>(); // lane, kind ordinal
    List<double[]> spans = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Junction j : net.junctions()) {
      if (j.kind() != JunctionKind.SIGNALIZED) {
        continue;
      }
      for (Road r : j.incoming()) {
        for (Lane l : r.lanes()) {
          double len = l.length();
          add(defs, spans, ids, l, DetectorKind.STOP_BAR, len - layout.stopBarLength(), len);
          double adEnd = len - layout.advanceDistance();
          if (adEnd - layout.advanceLength() >= 0) {
            add(defs, spans, ids, l, DetectorKind.ADVANCE, adEnd - layout.advanceLength(), adEnd);
          }
          add(defs, spans, ids, l, DetectorKind.QUEUE, len - layout.queueLength(), len);
          add(defs, spans, ids, l, DetectorKind.NEAR, len - layout.nearLength(), len);
        }
      }
      for (Road r : j.outgoing()) {
        for (Lane l : r.lanes()) {
          add(defs, spans, ids, l, DetectorKind.EXIT, 0, layout.exitLength());
        }
      }
    }
    n = defs.size();
    laneOf = new int[n];
    kind = new DetectorKind[n];
    from = new double[n];
    to = new double[n];
    for (int d = 0; d < n; d++) {
      laneOf[d] = defs.get(d)[0];
      kind[d] = DetectorKind.values()[defs.get(d)[1]];
      from[d] = spans.get(d)[0];
      to[d] = spans.get(d)[1];
    }
    names = List.copyOf(ids);
    int links = net.links().size();
    firstOfLane = new int[links + 1];
    for (int d = 0; d < n; d++) {
      firstOfLane[laneOf[d] + 1]++;
    }
    for (int l = 0; l < links; l++) {
      firstOfLane[l + 1] += firstOfLane[l];
    }
    byLane = new int[n];
    int[] fill = Arrays.copyOf(firstOfLane, links);
    for (int d = 0; d < n; d++) {
      byLane[fill[laneOf[d]]++] = d;
    }
    int withDetectors = 0;
    for (int l = 0; l < links; l++) {
      if (firstOfLane[l + 1] > firstOfLane[l]) {
        withDetectors++;
      }
    }
    lanes = new int[withDetectors];
    for (int l = 0, k = 0; l < links; l++) {
      if (firstOfLane[l + 1] > firstOfLane[l]) {
        lanes[k++] = l;
      }
    }
    failMode = new FailureMode[n];
    failStart = new double[n];
    failEnd = new double[n];
    Arrays.fill(failMode, FailureMode.NONE);
    RandomStream rng = RandomStream.derive(seed, "detector-failures");
    for (DetectorFailure f : layout.failures()) {
      for (int d = 0; d < n; d++) {
        if ((f.kind() == null || f.kind() == kind[d])
            && (f.lane() == null || f.lane().equals(net.links().get(laneOf[d]).id()))) {
          // One draw per matching detector and rule, in detector order: the same seed fails the same detectors.
          if (rng.nextDouble() < f.probability()) {
            failMode[d] = f.mode();
            failStart[d] = f.start();
            failEnd[d] = f.end();
          }
        }
      }
    }
    rawOccupied = new boolean[n];
    rawVehicles = new int[n];
    rawHalting = new int[n];
    rawEntered = new int[n];
    haltingSpeed = layout.haltingSpeed();
    occupied = new boolean[n];
    count = new long[n];
    occupiedSeconds = new double[n];
    lastOn = new double[n];
    Arrays.fill(lastOn, Double.NEGATIVE_INFINITY);
    vehicles = new int[n];
    halting = new int[n];
  }

  private static void add(List<int[]> defs, List<double[]> spans, List<String> ids, Lane l, DetectorKind k,
      double a, double b) {
    double lo = Math.max(0, a);
    double hi = Math.min(l.length(), b);
    if (hi - lo <= 0) {
      return;
    }
    defs.add(new int[] {l.index(), k.ordinal()});
    spans.add(new double[] {lo, hi});
    ids.add(l.id() + "/" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /** Number of detectors. */
  public int size() {
    return n;
  }

  /** Link indices of the lanes that carry at least one detector, ascending. The array itself: do not modify. */
  public int[] lanes() {
    return lanes;
  }

  /** Readable id of a detector: {@code laneId/kind}. */
  public String name(int detector) {
    return names.get(detector);
  }

  public DetectorKind kind(int detector) {
    return kind[detector];
  }

  public int lane(int detector) {
    return laneOf[detector];
  }

  /** Driving positions along the lane that the detector covers, metres. */
  public double start(int detector) {
    return from[detector];
  }

  public double end(int detector) {
    return to[detector];
  }

  /** The failure drawn for this detector in this run. */
  public FailureMode failure(int detector) {
    return failMode[detector];
  }

  /**
   * Starts the observation of vehicles as they stand at the end of a tick. Entries reported by
   * {@link #passedEnd} during the tick's move, before this call, are kept.
   */
  public void beginTick() {
    Arrays.fill(rawOccupied, false);
    Arrays.fill(rawVehicles, 0);
    Arrays.fill(rawHalting, 0);
  }

  /**
   * One vehicle on lane {@code lane}: front bumper at {@code pos}, body {@code length} long. {@code prevPos} is
   * its front position on this lane at the previous observation, or NaN if it was not on this lane then.
   */
  public void observe(int lane, double pos, double length, double speed, double prevPos) {
    double rear = pos - length;
    for (int k = firstOfLane[lane]; k < firstOfLane[lane + 1]; k++) {
      int d = byLane[k];
      boolean over = pos > from[d] && rear < to[d];
      if (over) {
        rawOccupied[d] = true;
        rawVehicles[d]++;
        if (speed < haltingSpeed) {
          rawHalting[d]++;
        }
      }
      boolean entered = Double.isNaN(prevPos) ? over : prevPos <= from[d] && pos > from[d];
      if (entered) {
        rawEntered[d]++;
      }
    }
  }

  /** A vehicle that was at {@code prevPos} on {@code lane} last tick has left the lane over its end. */
  public void passedEnd(int lane, double prevPos) {
    for (int k = firstOfLane[lane]; k < firstOfLane[lane + 1]; k++) {
      int d = byLane[k];
      if (prevPos <= from[d]) {
        rawEntered[d]++; // crossed the whole detector within one step
      }
    }
  }

  /** Ends the tick that ends at {@code time} and lasted {@code dt}: turns observations into readings. */
  public void endTick(double time, double dt) {
    for (int d = 0; d < n; d++) {
      FailureMode m = failMode[d] != FailureMode.NONE && time >= failStart[d] && time < failEnd[d]
          ? failMode[d] : FailureMode.NONE;
      switch (m) {
        case NONE -> {
          occupied[d] = rawOccupied[d];
          count[d] += rawEntered[d];
          vehicles[d] = rawVehicles[d];
          halting[d] = rawHalting[d];
        }
        case STUCK_OFF -> {
          occupied[d] = false;
          vehicles[d] = 0;
          halting[d] = 0;
        }
        case STUCK_ON -> {
          occupied[d] = true;
          int full = kind[d].isLoop() ? 1 : Math.max(1, (int) ((to[d] - from[d]) / JAM_SPACING));
          vehicles[d] = full;
          halting[d] = full;
        }
      }
      if (occupied[d]) {
        occupiedSeconds[d] += dt;
        lastOn[d] = time;
      }
      rawEntered[d] = 0;
    }
  }

  @Override
  public int detector(int lane, DetectorKind k) {
    if (lane < 0 || lane + 1 >= firstOfLane.length) {
      return -1;
    }
    for (int i = firstOfLane[lane]; i < firstOfLane[lane + 1]; i++) {
      if (kind[byLane[i]] == k) {
        return byLane[i];
      }
    }
    return -1;
  }

  @Override
  public boolean occupied(int d) {
    return occupied[d];
  }

  @Override
  public long count(int d) {
    return count[d];
  }

  @Override
  public double occupiedSeconds(int d) {
    return occupiedSeconds[d];
  }

  @Override
  public double gap(int d, double time) {
    return occupied[d] ? 0 : time - lastOn[d];
  }

  @Override
  public int vehicles(int d) {
    return vehicles[d];
  }

  @Override
  public int halting(int d) {
    return halting[d];
  }
}
