package io.v2xsim.core.sensing;

import java.util.Arrays;

/**
 * A reusable buffer of detections as parallel primitive arrays (structure of arrays). Sensors append to it;
 * trackers read it. Growing doubles the arrays; {@link #clear()} keeps them, so steady state allocates nothing.
 *
 * <p>Per detection: the sensor id; the measurement time (s, when the world looked like this) and the ready time
 * (s, measurement time plus the sensor's processing latency: when a consumer may first use it); position (m,
 * world frame) with its 2x2 covariance {@code cxx, cxy, cyy} (m^2); velocity (m/s) with covariance
 * {@code vxx, vxy, vyy} when {@code hasVelocity}; the reported class ({@link ObjectClass}).
 *
 * <p><b>{@code truthId} is for metrics only.</b> It is the ground-truth id the detection came from, or -1 for
 * clutter. Fusion, agents and controllers must never read it: doing so would leak ground truth into perception
 * (ARCHITECTURE.md) and make every result meaningless. Only measurement code (fusion accuracy, hazard-to-awareness)
 * may look at it.
 */
public final class Detections {
  public int count;
  public int[] sensorId;
  public double[] time;
  public double[] readyTime;
  public double[] x;
  public double[] y;
  public double[] cxx;
  public double[] cxy;
  public double[] cyy;
  public boolean[] hasVelocity;
  public double[] vx;
  public double[] vy;
  public double[] vxx;
  public double[] vxy;
  public double[] vyy;
  public byte[] objectClass;
  /** Ground-truth id or -1 for clutter. METRICS ONLY: never read by fusion, agents or controllers. */
  public int[] truthId;

  public Detections() {
    this(64);
  }

  public Detections(int capacity) {
    int n = Math.max(1, capacity);
    sensorId = new int[n];
    time = new double[n];
    readyTime = new double[n];
    x = new double[n];
    y = new double[n];
    cxx = new double[n];
    cxy = new double[n];
    cyy = new double[n];
    hasVelocity = new boolean[n];
    vx = new double[n];
    vy = new double[n];
    vxx = new double[n];
    vxy = new double[n];
    vyy = new double[n];
    objectClass = new byte[n];
    truthId = new int[n];
  }

  public void clear() {
    count = 0;
  }

  public int capacity() {
    return sensorId.length;
  }

  public void ensureCapacity(int n) {
    if (n > sensorId.length) {
      grow(Math.max(n, sensorId.length * 2));
    }
  }

  /** Appends a position-only detection and returns its index; set velocity with {@link #setVelocity}. */
  public int add(int sensor, double t, double ready, double px, double py, double pxx, double pxy, double pyy,
      byte cls, int truth) {
    if (count == sensorId.length) {
      grow(count * 2);
    }
    int i = count++;
    sensorId[i] = sensor;
    time[i] = t;
    readyTime[i] = ready;
    x[i] = px;
    y[i] = py;
    cxx[i] = pxx;
    cxy[i] = pxy;
    cyy[i] = pyy;
    hasVelocity[i] = false;
    vx[i] = 0;
    vy[i] = 0;
    vxx[i] = 0;
    vxy[i] = 0;
    vyy[i] = 0;
    objectClass[i] = cls;
    truthId[i] = truth;
    return i;
  }

  public void setVelocity(int i, double pvx, double pvy, double pxx, double pxy, double pyy) {
    hasVelocity[i] = true;
    vx[i] = pvx;
    vy[i] = pvy;
    vxx[i] = pxx;
    vxy[i] = pxy;
    vyy[i] = pyy;
  }

  /** Appends detection {@code i} of {@code src}. */
  public void append(Detections src, int i) {
    int k = add(src.sensorId[i], src.time[i], src.readyTime[i], src.x[i], src.y[i], src.cxx[i], src.cxy[i],
        src.cyy[i], src.objectClass[i], src.truthId[i]);
    if (src.hasVelocity[i]) {
      setVelocity(k, src.vx[i], src.vy[i], src.vxx[i], src.vxy[i], src.vyy[i]);
    }
  }

  /** Appends all of {@code src}. */
  public void appendAll(Detections src) {
    ensureCapacity(count + src.count);
    for (int i = 0; i < src.count; i++) {
      append(src, i);
    }
  }

  /** Copies detection {@code from} over detection {@code to} of this buffer (compaction). */
  public void move(int from, int to) {
    sensorId[to] = sensorId[from];
    time[to] = time[from];
    readyTime[to] = readyTime[from];
    x[to] = x[from];
    y[to] = y[from];
    cxx[to] = cxx[from];
    cxy[to] = cxy[from];
    cyy[to] = cyy[from];
    hasVelocity[to] = hasVelocity[from];
    vx[to] = vx[from];
    vy[to] = vy[from];
    vxx[to] = vxx[from];
    vxy[to] = vxy[from];
    vyy[to] = vyy[from];
    objectClass[to] = objectClass[from];
    truthId[to] = truthId[from];
  }

  private void grow(int n) {
    sensorId = Arrays.copyOf(sensorId, n);
    time = Arrays.copyOf(time, n);
    readyTime = Arrays.copyOf(readyTime, n);
    x = Arrays.copyOf(x, n);
    y = Arrays.copyOf(y, n);
    cxx = Arrays.copyOf(cxx, n);
    cxy = Arrays.copyOf(cxy, n);
    cyy = Arrays.copyOf(cyy, n);
    hasVelocity = Arrays.copyOf(hasVelocity, n);
    vx = Arrays.copyOf(vx, n);
    vy = Arrays.copyOf(vy, n);
    vxx = Arrays.copyOf(vxx, n);
    vxy = Arrays.copyOf(vxy, n);
    vyy = Arrays.copyOf(vyy, n);
    objectClass = Arrays.copyOf(objectClass, n);
    truthId = Arrays.copyOf(truthId, n);
  }
}
