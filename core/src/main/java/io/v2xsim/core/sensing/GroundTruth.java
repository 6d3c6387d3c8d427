package io.v2xsim.core.sensing;

import java.util.Arrays;

/**
 * Snapshot of every road user in one tick, as parallel primitive arrays (structure of arrays) so that sensing
 * and occlusion walk memory linearly. The engine clears and refills it each tick; arrays grow when needed and are
 * then reused, so refilling allocates nothing in steady state.
 *
 * <p>This is the world's own list: only sensors and metrics may read it, never agents or controllers
 * (ARCHITECTURE.md, "Ground truth never leaks into an agent").
 *
 * <p>Per object: stable id, class ({@link ObjectClass}), centre position (m), velocity (m/s), heading (rad, CCW
 * from +x), length along the heading and width (m).
 */
public final class GroundTruth {
  public int count;
  public int[] id;
  public byte[] objectClass;
  public double[] x;
  public double[] y;
  public double[] vx;
  public double[] vy;
  public double[] heading;
  public double[] length;
  public double[] width;
  /**
   * Whether the road user may cross another's path here (inside a junction, or near a pedestrian or cyclist);
   * true unless the filler knows better. Measurements that only matter where paths cross (PET) skip the rest.
   */
  public boolean[] crossingArea;
  private final TruthIndex index = new TruthIndex();

  public GroundTruth() {
    this(64);
  }

  public GroundTruth(int capacity) {
    allocate(Math.max(1, capacity));
  }

  private void allocate(int n) {
    id = new int[n];
    objectClass = new byte[n];
    x = new double[n];
    y = new double[n];
    vx = new double[n];
    vy = new double[n];
    heading = new double[n];
    length = new double[n];
    width = new double[n];
    crossingArea = new boolean[n];
  }

  public void clear() {
    count = 0;
    index.invalidate();
  }

  /** Appends one road user and returns its index in this snapshot. */
  public int add(int objectId, byte cls, double px, double py, double pvx, double pvy, double hdg, double len,
      double wid) {
    if (count == id.length) {
      grow(count * 2);
    }
    int i = count++;
    index.invalidate();
    id[i] = objectId;
    objectClass[i] = cls;
    x[i] = px;
    y[i] = py;
    vx[i] = pvx;
    vy[i] = pvy;
    heading[i] = hdg;
    length[i] = len;
    width[i] = wid;
    crossingArea[i] = true;
    return i;
  }

  /**
   * Index of the road user with this id (the first, should two share it), or -1. Constant time: a hash table
   * built on the first call after a refill.
   */
  public int indexOf(int objectId) {
    return index.indexOf(this, objectId);
  }

  /**
   * Road users whose centre may be within {@code radius} of (x, y), into {@code out}: every one that is, and
   * possibly some a little farther (callers apply their own exact test), in ascending index order, so a caller
   * visits them in the order a scan of the whole snapshot would. A uniform grid built on the first call after a
   * refill.
   */
  public void near(double px, double py, double radius, Neighbours out) {
    index.near(this, px, py, radius, out);
  }

  private void grow(int n) {
    id = Arrays.copyOf(id, n);
    objectClass = Arrays.copyOf(objectClass, n);
    x = Arrays.copyOf(x, n);
    y = Arrays.copyOf(y, n);
    vx = Arrays.copyOf(vx, n);
    vy = Arrays.copyOf(vy, n);
    heading = Arrays.copyOf(heading, n);
    length = Arrays.copyOf(length, n);
    width = Arrays.copyOf(width, n);
    crossingArea = Arrays.copyOf(crossingArea, n);
  }
}
