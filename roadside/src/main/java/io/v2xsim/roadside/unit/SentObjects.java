package io.v2xsim.roadside.unit;

import java.util.Arrays;

/**
 * What each track looked like when it was last put in a frame, for the collective perception generation rules.
 * Open addressing over primitive arrays keyed by track id: no allocation once grown.
 */
final class SentObjects {
  private int[] keys = new int[64];
  private boolean[] used = new boolean[64];
  private double[] x = new double[64];
  private double[] y = new double[64];
  private double[] speed = new double[64];
  private double[] heading = new double[64];
  private double[] time = new double[64];
  private boolean[] selected = new boolean[64];
  private int size;
  // The other half of a double buffer for forgetOlderThan.
  private int[] spareKeys;
  private boolean[] spareUsed;
  private double[] spareX;
  private double[] spareY;
  private double[] spareSpeed;
  private double[] spareHeading;
  private double[] spareTime;

  /** Whether the track must go in the next frame; remembers the answer for {@link #consumeSelected}. */
  boolean shouldSend(int id, double px, double py, double vx, double vy, double now) {
    int slot = find(id);
    boolean send;
    if (slot < 0) {
      slot = insert(id);
      time[slot] = Double.NEGATIVE_INFINITY;
      send = true;
    } else {
      double v = Math.hypot(vx, vy);
      double dh = Math.abs(Math.IEEEremainder(Math.atan2(vy, vx) - heading[slot], 2 * Math.PI));
      send = Double.isInfinite(time[slot])
          || Math.hypot(px - x[slot], py - y[slot]) > RoadsideUnit.RESEND_DISTANCE
          || Math.abs(v - speed[slot]) > RoadsideUnit.RESEND_SPEED
          || (v > 0.5 && speed[slot] > 0.5 && dh > RoadsideUnit.RESEND_HEADING)
          || now - time[slot] > RoadsideUnit.RESEND_AGE - 1e-9;
    }
    selected[slot] = send;
    return send;
  }

  boolean consumeSelected(int id) {
    int slot = find(id);
    if (slot < 0 || !selected[slot]) {
      return false;
    }
    selected[slot] = false;
    return true;
  }

  void markSent(int id, double px, double py, double vx, double vy, double now) {
    int slot = find(id);
    x[slot] = px;
    y[slot] = py;
    speed[slot] = Math.hypot(vx, vy);
    heading[slot] = Math.atan2(vy, vx);
    time[slot] = now;
  }

  /** Drops tracks not seen for a while (deleted by the tracker), keeping the table small. */
  void forgetOlderThan(double cutoff) {
    boolean any = false;
    for (int i = 0; i < keys.length; i++) {
      if (used[i] && time[i] < cutoff && !Double.isInfinite(time[i])) {
        any = true;
        break;
      }
    }
    if (!any) {
      return;
    }
    // Rehash the survivors into the spare arrays and swap, so that forgetting allocates nothing once the table
    // has reached its size (cloning the table here was the RSU's only steady-state garbage).
    if (spareKeys == null || spareKeys.length != keys.length) {
      int n = keys.length;
      spareKeys = new int[n];
      spareUsed = new boolean[n];
      spareX = new double[n];
      spareY = new double[n];
      spareSpeed = new double[n];
      spareHeading = new double[n];
      spareTime = new double[n];
    }
    int[] ok = keys;
    boolean[] ou = used;
    double[] ox = x;
    double[] oy = y;
    double[] os = speed;
    double[] oh = heading;
    double[] ot = time;
    keys = spareKeys;
    used = spareUsed;
    x = spareX;
    y = spareY;
    speed = spareSpeed;
    heading = spareHeading;
    time = spareTime;
    spareKeys = ok;
    spareUsed = ou;
    spareX = ox;
    spareY = oy;
    spareSpeed = os;
    spareHeading = oh;
    spareTime = ot;
    Arrays.fill(used, false);
    reinsert(ok, ou, ox, oy, os, oh, ot, cutoff);
  }

  /** Inserts the used entries of the given arrays not older than {@code cutoff} into this (empty) table. */
  private void reinsert(int[] ok, boolean[] ou, double[] ox, double[] oy, double[] os, double[] oh, double[] ot,
      double cutoff) {
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ou[i] && !(ot[i] < cutoff && !Double.isInfinite(ot[i]))) {
        int slot = insert(ok[i]);
        x[slot] = ox[i];
        y[slot] = oy[i];
        speed[slot] = os[i];
        heading[slot] = oh[i];
        time[slot] = ot[i];
      }
    }
  }

  private int find(int id) {
    int mask = keys.length - 1;
    for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
      if (!used[i]) {
        return -1;
      }
      if (keys[i] == id) {
        return i;
      }
    }
  }

  private int insert(int id) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(id) & mask;
    while (used[i]) {
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = id;
    selected[i] = false;
    size++;
    return i;
  }

  private void grow() {
    int[] ok = keys;
    boolean[] ou = used;
    double[] ox = x;
    double[] oy = y;
    double[] os = speed;
    double[] oh = heading;
    double[] ot = time;
    int n = ok.length * 2;
    keys = new int[n];
    used = new boolean[n];
    x = new double[n];
    y = new double[n];
    speed = new double[n];
    heading = new double[n];
    time = new double[n];
    selected = new boolean[n];
    reinsert(ok, ou, ox, oy, os, oh, ot, Double.NEGATIVE_INFINITY);
  }

  private static int mix(int id) {
    int h = id * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
