package io.v2xsim.roadside.fusion;

import java.util.Arrays;

/**
 * The tracker's output for one step: confirmed tracks as parallel arrays, reused from step to step. Read
 * {@code count} entries; everything else is stale.
 *
 * <p>Per object: the pseudonymous track id (a per-RSU counter, never a ground-truth id); the class by majority
 * vote over the detections it was built from, and that vote's share as class confidence; the state (x, y, vx, vy)
 * valid at {@code time} (s), with its covariance as the 4x4 upper triangle, 10 values from {@code cov[10 * i]},
 * row-major (the wire's {@code covariance} field); existence confidence (share of the last N steps with an update);
 * age (s since confirmation); the time of the last measurement update; and a bit mask of the sensors that updated
 * it in the last step (bit {@code sensorId & 31}).
 */
public final class FusedObjects {
  public int count;
  public int[] trackId;
  public byte[] objectClass;
  public double[] classConfidence;
  public double[] time;
  public double[] x;
  public double[] y;
  public double[] vx;
  public double[] vy;
  public double[] cov;
  public double[] existence;
  public double[] age;
  public double[] lastUpdate;
  public int[] sensorMask;

  public FusedObjects() {
    this(64);
  }

  public FusedObjects(int capacity) {
    allocate(Math.max(1, capacity));
  }

  private void allocate(int n) {
    trackId = new int[n];
    objectClass = new byte[n];
    classConfidence = new double[n];
    time = new double[n];
    x = new double[n];
    y = new double[n];
    vx = new double[n];
    vy = new double[n];
    cov = new double[10 * n];
    existence = new double[n];
    age = new double[n];
    lastUpdate = new double[n];
    sensorMask = new int[n];
  }

  public void clear() {
    count = 0;
  }

  /** Index of the object with this track id, or -1 (linear scan). */
  public int indexOf(int id) {
    for (int i = 0; i < count; i++) {
      if (trackId[i] == id) {
        return i;
      }
    }
    return -1;
  }

  /** Reserves a slot and returns its index; the caller fills every field. */
  int next() {
    if (count == trackId.length) {
      int n = count * 2;
      trackId = Arrays.copyOf(trackId, n);
      objectClass = Arrays.copyOf(objectClass, n);
      classConfidence = Arrays.copyOf(classConfidence, n);
      time = Arrays.copyOf(time, n);
      x = Arrays.copyOf(x, n);
      y = Arrays.copyOf(y, n);
      vx = Arrays.copyOf(vx, n);
      vy = Arrays.copyOf(vy, n);
      cov = Arrays.copyOf(cov, 10 * n);
      existence = Arrays.copyOf(existence, n);
      age = Arrays.copyOf(age, n);
      lastUpdate = Arrays.copyOf(lastUpdate, n);
      sensorMask = Arrays.copyOf(sensorMask, n);
    }
    return count++;
  }
}
