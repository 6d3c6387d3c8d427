package io.v2xsim.vehicle.agent;

import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.wire.FrameView;

/**
 * What an automated vehicle believes is around it: its own tracks from onboard detections, and objects received
 * from roadside units, each predicted forward to the decision time by its age (latency compensation). An object
 * that both sources report is counted once: a received object within {@link #SAME_OBJECT_M} of an onboard track
 * (after prediction) is dropped in favour of the onboard track, and received objects that are the ego itself
 * are ignored.
 *
 * <p>Onboard tracking: nearest-neighbour association within {@link #GATE_M}, a constant-velocity Kalman filter
 * per track that weighs each detection by its covariance ({@link TrackFilter}), the class its detections gave most
 * often, confirmation after three hits, deletion when no scan has updated a track for {@link #TRACK_TIMEOUT} s.
 * Lighter than the RSU's tracker (no gating by covariance, no track management by score).
 */
public final class WorldModel {
  static final double GATE_M = 3.0;
  static final double SAME_OBJECT_M = 2.5;
  /**
   * A received object whose centre lies within the ego's own footprint grown by these margins (along and across its
   * heading) where the ego was at the object's measurement time may be the roadside unit's track of the ego itself; of each station's such objects only the nearest is
   * taken to be the ego, since a station tracks the ego once. The along margin covers the track's smoothing lag behind a
   * moving ego, the lateral one its noise; a cyclist riding beside the car, a lane's half-width away, is outside.
   */
  static final double SELF_ALONG_MARGIN_M = 2.0;
  static final double SELF_LATERAL_MARGIN_M = 0.8;
  static final int CONFIRM_HITS = 3;
  static final double TRACK_TIMEOUT = 0.35;
  /** No road user is tracked faster than this, m/s (about 200 km/h). */
  static final double MAX_SPEED = 55.0;
  /** Received objects older than this are no longer used: the generation rules resend unchanged ones once a second. */
  static final double MAX_RECEIVED_AGE = 1.5;

  /** Where an object came from. */
  public static final byte ONBOARD = 1;
  public static final byte RSU = 2;

  // Onboard tracks.
  private int tracks;
  private double[] tx = new double[32];
  private double[] ty = new double[32];
  private double[] tvx = new double[32];
  private double[] tvy = new double[32];
  private double[] tTime = new double[32];
  private int[] hits = new int[32];
  private boolean[] hitThisScan = new boolean[32];
  private byte[] tCls = new byte[32];
  private static final int VOTES = io.v2xsim.core.sensing.ObjectClass.COUNT;
  /** Per track, how many of its detections gave each class. */
  private short[] tVotes = new short[32 * VOTES];
  /** Per track, its 4x4 state covariance (x, y, vx, vy), row-major. */
  private double[] tP = new double[32 * 16];
  private final TrackFilter filter = new TrackFilter();
  private final double[] st = new double[4];

  // Received objects (the latest frame of each station replaces that station's objects).
  private int received;
  private int[] rStation = new int[32];
  private int[] rIds = new int[32];
  private double[] rx = new double[32];
  private double[] ry = new double[32];
  private double[] rvx = new double[32];
  private double[] rvy = new double[32];
  private double[] rMeasured = new double[32];
  private double[] rGenerated = new double[32];
  private double[] rDelivered = new double[32];
  private byte[] rCls = new byte[32];
  private long framesReceived;
  private boolean[] selfTrack = new boolean[32];
  private double[] selfDistance = new double[32];
  private final OwnTrack own = new OwnTrack();
  private final double[] pose = new double[3];
  /** Signal states the frames carried (SPaT), per station. */
  final ReceivedSignals signals = new ReceivedSignals();

  // Roadside coverage: the sensors each station's latest frame reported, and when that frame arrived.
  private int coverage;
  private int[] cStation = new int[16];
  private double[] cDelivered = new double[16];
  private double[] cX = new double[16];
  private double[] cY = new double[16];
  private double[] cHeading = new double[16];
  private double[] cHalfFov = new double[16];
  private double[] cRange = new double[16];

  // The current view, rebuilt by predict().
  public int count;
  public double[] x = new double[32];
  public double[] y = new double[32];
  public double[] vx = new double[32];
  public double[] vy = new double[32];
  /** Seconds between the measurement behind the object and the decision time. */
  public double[] age = new double[32];
  public byte[] source = new byte[32];
  /** {@link io.v2xsim.core.sensing.ObjectClass} as classified (UNKNOWN where no sensor could tell). */
  public byte[] objectClass = new byte[32];
  /** For received objects: channel delay (delivery minus generation), s; NaN for onboard ones. */
  public double[] channelDelay = new double[32];
  /** For received objects: sensing and fusion delay (generation minus measurement), s. */
  public double[] rsuDelay = new double[32];

  /** Folds one onboard scan (detections ready by now) into the tracks. */
  public void onboardScan(Detections d, int from, int to) {
    for (int i = 0; i < tracks; i++) {
      hitThisScan[i] = false;
    }
    for (int k = from; k < to; k++) {
      double t = d.time[k];
      int best = -1;
      double bestD = GATE_M * GATE_M;
      for (int i = 0; i < tracks; i++) {
        if (hitThisScan[i]) {
          continue;
        }
        double dt = t - tTime[i];
        double px = tx[i] + tvx[i] * dt;
        double py = ty[i] + tvy[i] * dt;
        double dd = (px - d.x[k]) * (px - d.x[k]) + (py - d.y[k]) * (py - d.y[k]);
        if (dd < bestD) {
          bestD = dd;
          best = i;
        }
      }
      if (best < 0) {
        ensureTracks(tracks + 1);
        int i = tracks++;
        tx[i] = d.x[k];
        ty[i] = d.y[k];
        tvx[i] = d.hasVelocity[k] ? d.vx[k] : 0;
        tvy[i] = d.hasVelocity[k] ? d.vy[k] : 0;
        tTime[i] = t;
        TrackFilter.init(tP, 16 * i, d.cxx[k], d.cxy[k], d.cyy[k], d.hasVelocity[k], d.vxx[k], d.vxy[k], d.vyy[k]);
        hits[i] = 1;
        hitThisScan[i] = true;
        java.util.Arrays.fill(tVotes, i * VOTES, (i + 1) * VOTES, (short) 0);
        tCls[i] = io.v2xsim.core.sensing.ObjectClass.UNKNOWN;
        tCls[i] = vote(i, d.objectClass[k]);
      } else {
        int i = best;
        double dt = Math.max(t - tTime[i], 0);
        // Kalman update weighed by the detection's own covariance. Two sensors measuring the same object within a
        // tick of each other barely move its velocity (its covariance grew by that interval only): dividing their
        // disagreement by the interval, as the alpha-beta filter did, gave hundreds of m/s.
        st[0] = tx[i] + tvx[i] * dt;
        st[1] = ty[i] + tvy[i] * dt;
        st[2] = tvx[i];
        st[3] = tvy[i];
        TrackFilter.predict(tP, 16 * i, dt);
        filter.update(st, tP, 16 * i, 0, d.x[k], d.y[k], d.cxx[k], d.cxy[k], d.cyy[k]);
        if (d.hasVelocity[k]) {
          filter.update(st, tP, 16 * i, 2, d.vx[k], d.vy[k], d.vxx[k], d.vxy[k], d.vyy[k]);
        }
        tx[i] = st[0];
        ty[i] = st[1];
        tvx[i] = st[2];
        tvy[i] = st[3];
        tCls[i] = vote(i, d.objectClass[k]);
        double sp = Math.hypot(tvx[i], tvy[i]);
        if (sp > MAX_SPEED) {
          tvx[i] *= MAX_SPEED / sp;
          tvy[i] *= MAX_SPEED / sp;
        }
        tTime[i] = t;
        hits[i]++;
        hitThisScan[i] = true;
      }
    }
  }

  /**
   * Drops tracks no scan has confirmed for {@link #TRACK_TIMEOUT} seconds. Age rather than a miss count, because
   * sensors with different fields of view and rates would otherwise count misses for objects only another sees.
   */
  public void expire(double now) {
    int w = 0;
    for (int i = 0; i < tracks; i++) {
      if (now - tTime[i] <= TRACK_TIMEOUT) {
        copyTrack(i, w++);
      }
    }
    tracks = w;
  }

  /** Replaces what {@code station} said before with this frame's objects (read now: the view is reused). */
  public void onFrame(FrameView frame, double deliveredAt) {
    framesReceived++;
    signals.onFrame(frame, deliveredAt);
    int station = (int) frame.stationId;
    double generated = frame.generationTimeUs / 1e6;
    int w = 0;
    for (int i = 0; i < coverage; i++) {
      if (cStation[i] != station) {
        copyCoverage(i, w++);
      }
    }
    coverage = w;
    for (int n = 0; n < frame.coverageCount; n++) {
      ensureCoverage(coverage + 1);
      int i = coverage++;
      cStation[i] = station;
      cDelivered[i] = deliveredAt;
      cX[i] = frame.sensorX[n];
      cY[i] = frame.sensorY[n];
      cHeading[i] = frame.sensorHeading[n];
      cHalfFov[i] = frame.sensorHalfFov[n];
      cRange[i] = frame.sensorRange[n];
    }
    // Objects not in this frame may still be valid (the generation rules skip unchanged ones): keep the
    // station's previous objects that the new frame does not repeat, replace the rest.
    for (int n = 0; n < frame.objectCount; n++) {
      int id = frame.objectId[n];
      int slot = -1;
      for (int i = 0; i < received; i++) {
        if (rStation[i] == station && rIds[i] == id) {
          slot = i;
          break;
        }
      }
      if (slot < 0) {
        ensureReceived(received + 1);
        slot = received++;
      }
      rStation[slot] = station;
      rIds[slot] = id;
      rx[slot] = frame.x[n];
      ry[slot] = frame.y[n];
      rvx[slot] = frame.vx[n];
      rvy[slot] = frame.vy[n];
      rMeasured[slot] = frame.measurementTimeUs[n] / 1e6;
      rGenerated[slot] = generated;
      rDelivered[slot] = deliveredAt;
      rCls[slot] = (byte) frame.objectClass[n];
    }
  }

  /**
   * Rebuilds the view at time {@code now}: confirmed onboard tracks and fresh received objects predicted to now,
   * without duplicates and without the ego itself (at egoX, egoY).
   */
  public void predict(double now, double egoX, double egoY, double egoLength) {
    predict(now, egoX, egoY, 0.0, egoLength, 2.0);
  }

  /**
   * As {@link #predict(double, double, double, double)}, with the ego's heading and width, which tell its own track
   * from road users beside it.
   */
  public void predict(double now, double egoX, double egoY, double egoHeading, double egoLength, double egoWidth) {
    own.add(now, egoX, egoY, egoHeading);
    // Drop stale received objects.
    int w = 0;
    for (int i = 0; i < received; i++) {
      if (now - rMeasured[i] <= MAX_RECEIVED_AGE) {
        copyReceived(i, w++);
      }
    }
    received = w;
    count = 0;
    ensureView(tracks + received);
    for (int i = 0; i < tracks; i++) {
      if (hits[i] < CONFIRM_HITS) {
        continue;
      }
      double dt = now - tTime[i];
      add(tx[i] + tvx[i] * dt, ty[i] + tvy[i] * dt, tvx[i], tvy[i], dt, ONBOARD, Double.NaN, Double.NaN, tCls[i]);
    }
    int onboard = count;
    markSelf(egoX, egoY, egoHeading, egoLength, egoWidth);
    for (int i = 0; i < received; i++) {
      if (selfTrack[i]) {
        continue; // the RSU sees us too: its (older, noisier) track of the ego is not an obstacle
      }
      double dt = now - rMeasured[i];
      double px = rx[i] + rvx[i] * dt;
      double py = ry[i] + rvy[i] * dt;
      boolean dup = false;
      for (int k = 0; k < onboard; k++) {
        if (Math.hypot(px - x[k], py - y[k]) < SAME_OBJECT_M) {
          dup = true;
          break;
        }
      }
      if (!dup) {
        add(px, py, rvx[i], rvy[i], dt, RSU, rDelivered[i] - rGenerated[i], rGenerated[i] - rMeasured[i], rCls[i]);
      }
    }
  }

  /**
   * Marks, per station, the nearest received object that lies where the ego's own body was when the object was
   * measured (the ego's pose then, from its own track; its pose now if the track does not reach back so far).
   */
  private void markSelf(double egoX, double egoY, double egoHeading, double egoLength, double egoWidth) {
    if (selfTrack.length < received) {
      selfTrack = new boolean[Math.max(received, 2 * selfTrack.length)];
      selfDistance = new double[selfTrack.length];
    }
    double along = 0.5 * egoLength + SELF_ALONG_MARGIN_M;
    double across = 0.5 * egoWidth + SELF_LATERAL_MARGIN_M;
    for (int i = 0; i < received; i++) {
      selfTrack[i] = false;
      if (!own.poseAt(rMeasured[i], pose)) {
        pose[0] = egoX;
        pose[1] = egoY;
        pose[2] = egoHeading;
      }
      double c = Math.cos(pose[2]);
      double sn = Math.sin(pose[2]);
      double dx = rx[i] - pose[0];
      double dy = ry[i] - pose[1];
      double a = dx * c + dy * sn;
      double l = -dx * sn + dy * c;
      selfDistance[i] = Math.abs(a) <= along && Math.abs(l) <= across ? Math.hypot(dx, dy) : Double.POSITIVE_INFINITY;
    }
    for (int i = 0; i < received; i++) {
      if (selfDistance[i] == Double.POSITIVE_INFINITY) {
        continue;
      }
      boolean nearest = true;
      for (int k = 0; k < received && nearest; k++) {
        nearest = k == i || rStation[k] != rStation[i] || selfDistance[k] > selfDistance[i]
            || (selfDistance[k] == selfDistance[i] && k > i);
      }
      selfTrack[i] = nearest;
    }
  }

  /**
   * Whether a roadside sensor whose coverage arrived within the last {@code maxAge} seconds covers the point: in its
   * range and field of view, with a clear line of sight past the scenery. What the RSU reports as its coverage,
   * placed on the map.
   */
  public boolean roadsideCovers(double px, double py, double now, double maxAge,
      io.v2xsim.core.sensing.Occluders occ) {
    for (int i = 0; i < coverage; i++) {
      if (now - cDelivered[i] <= maxAge && io.v2xsim.core.sensing.SensorCoverage.covers(cX[i], cY[i], cHeading[i],
          cHalfFov[i], cRange[i], px, py, true, occ)) {
        return true;
      }
    }
    return false;
  }

  private void copyCoverage(int from, int to) {
    cStation[to] = cStation[from];
    cDelivered[to] = cDelivered[from];
    cX[to] = cX[from];
    cY[to] = cY[from];
    cHeading[to] = cHeading[from];
    cHalfFov[to] = cHalfFov[from];
    cRange[to] = cRange[from];
  }

  private void ensureCoverage(int n) {
    if (n <= cX.length) {
      return;
    }
    int m = Math.max(n, 2 * cX.length);
    cStation = java.util.Arrays.copyOf(cStation, m);
    cDelivered = java.util.Arrays.copyOf(cDelivered, m);
    cX = java.util.Arrays.copyOf(cX, m);
    cY = java.util.Arrays.copyOf(cY, m);
    cHeading = java.util.Arrays.copyOf(cHeading, m);
    cHalfFov = java.util.Arrays.copyOf(cHalfFov, m);
    cRange = java.util.Arrays.copyOf(cRange, m);
  }

  /** Forgets everything, as a new world model: for an agent reused by another vehicle. Keeps the arrays. */
  public void reset() {
    tracks = 0;
    received = 0;
    coverage = 0;
    own.clear();
    framesReceived = 0;
    signals.reset();
    count = 0;
  }

  public long framesReceived() {
    return framesReceived;
  }

  private void add(double px, double py, double pvx, double pvy, double a, byte src, double channel, double rsu,
      byte cls) {
    int i = count++;
    objectClass[i] = cls;
    x[i] = px;
    y[i] = py;
    vx[i] = pvx;
    vy[i] = pvy;
    age[i] = a;
    source[i] = src;
    channelDelay[i] = channel;
    rsuDelay[i] = rsu;
  }

  /**
   * A track's class is the one its detections gave most often (the latest on a tie), not the last one: a camera's
   * occasional confusion turned a bus crawling past into a pedestrian walking toward the car for one scan, and the
   * car braked for it. A radar that cannot classify (UNKNOWN) does not vote.
   */
  private byte vote(int track, byte cls) {
    int base = track * VOTES;
    if (cls != io.v2xsim.core.sensing.ObjectClass.UNKNOWN && tVotes[base + cls] < Short.MAX_VALUE) {
      tVotes[base + cls]++;
    }
    byte best = cls != io.v2xsim.core.sensing.ObjectClass.UNKNOWN ? cls : tCls[track];
    for (int c = 1; c < VOTES; c++) {
      if (tVotes[base + c] > tVotes[base + best]) {
        best = (byte) c;
      }
    }
    return best;
  }

  private void copyTrack(int from, int to) {
    System.arraycopy(tVotes, from * VOTES, tVotes, to * VOTES, VOTES);
    System.arraycopy(tP, 16 * from, tP, 16 * to, 16);
    tx[to] = tx[from];
    ty[to] = ty[from];
    tvx[to] = tvx[from];
    tvy[to] = tvy[from];
    tTime[to] = tTime[from];
    hits[to] = hits[from];
    hitThisScan[to] = hitThisScan[from];
    tCls[to] = tCls[from];
  }

  private void copyReceived(int from, int to) {
    rStation[to] = rStation[from];
    rIds[to] = rIds[from];
    rx[to] = rx[from];
    ry[to] = ry[from];
    rvx[to] = rvx[from];
    rvy[to] = rvy[from];
    rMeasured[to] = rMeasured[from];
    rGenerated[to] = rGenerated[from];
    rDelivered[to] = rDelivered[from];
    rCls[to] = rCls[from];
  }

  private void ensureTracks(int n) {
    if (n <= tx.length) {
      return;
    }
    int m = Math.max(n, 2 * tx.length);
    tx = java.util.Arrays.copyOf(tx, m);
    ty = java.util.Arrays.copyOf(ty, m);
    tvx = java.util.Arrays.copyOf(tvx, m);
    tvy = java.util.Arrays.copyOf(tvy, m);
    tTime = java.util.Arrays.copyOf(tTime, m);
    hits = java.util.Arrays.copyOf(hits, m);
    hitThisScan = java.util.Arrays.copyOf(hitThisScan, m);
    tCls = java.util.Arrays.copyOf(tCls, m);
    tVotes = java.util.Arrays.copyOf(tVotes, m * VOTES);
    tP = java.util.Arrays.copyOf(tP, m * 16);
  }

  private void ensureReceived(int n) {
    if (n <= rx.length) {
      return;
    }
    int m = Math.max(n, 2 * rx.length);
    rStation = java.util.Arrays.copyOf(rStation, m);
    rIds = java.util.Arrays.copyOf(rIds, m);
    rx = java.util.Arrays.copyOf(rx, m);
    ry = java.util.Arrays.copyOf(ry, m);
    rvx = java.util.Arrays.copyOf(rvx, m);
    rvy = java.util.Arrays.copyOf(rvy, m);
    rMeasured = java.util.Arrays.copyOf(rMeasured, m);
    rGenerated = java.util.Arrays.copyOf(rGenerated, m);
    rDelivered = java.util.Arrays.copyOf(rDelivered, m);
    rCls = java.util.Arrays.copyOf(rCls, m);
  }

  private void ensureView(int n) {
    if (n <= x.length) {
      return;
    }
    int m = Math.max(n, 2 * x.length);
    x = java.util.Arrays.copyOf(x, m);
    y = java.util.Arrays.copyOf(y, m);
    vx = java.util.Arrays.copyOf(vx, m);
    vy = java.util.Arrays.copyOf(vy, m);
    age = java.util.Arrays.copyOf(age, m);
    source = java.util.Arrays.copyOf(source, m);
    channelDelay = java.util.Arrays.copyOf(channelDelay, m);
    rsuDelay = java.util.Arrays.copyOf(rsuDelay, m);
    objectClass = java.util.Arrays.copyOf(objectClass, m);
  }
}
