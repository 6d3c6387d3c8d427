package io.v2xsim.core.metrics.safety;

import io.v2xsim.core.collections.LongIntMap;
import java.util.Arrays;

/**
 * Who last occupied each point of a fine grid, and when: the memory PET needs. A hash table with open
 * addressing keyed by the point's cell; an entry older than {@code staleBefore} can no longer give a PET
 * below the threshold, so its slot is free for reuse. When the table fills up it is rebuilt into a second,
 * preallocated table keeping only fresh entries (and doubles only if those alone fill a quarter of it), so in
 * steady state nothing is allocated however far the traffic roams.
 *
 * <p>{@link #visit} returns the previous occupant of the point, if another road user held it; its details
 * are then in {@link #prevLast}, {@link #prevHeading} and {@link #prevClass} (a flyweight result, as the
 * caller runs it for every point of every road user).
 */
final class PointHistory {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] occupant;
  private double[] last;
  private double[] heading;
  private byte[] cls;
  private long[] spareKeys;
  private int[] spareOccupant;
  private double[] spareLast;
  private double[] spareHeading;
  private byte[] spareCls;
  private int used;

  double prevLast;
  double prevHeading;
  byte prevClass;

  PointHistory(int capacity) {
    int n = Integer.highestOneBit(Math.max(64, capacity) - 1) << 1;
    allocate(n);
  }

  private void allocate(int n) {
    keys = new long[n];
    Arrays.fill(keys, EMPTY);
    occupant = new int[n];
    last = new double[n];
    heading = new double[n];
    cls = new byte[n];
  }

  int capacity() {
    return keys.length;
  }

  /**
   * Road user {@code id} occupies point (cx, cy) at {@code time}.
   *
   * @return the id of another road user that held the point until (at latest) {@link #prevLast}, or -1
   */
  int visit(int cx, int cy, int id, byte c, double h, double time, double staleBefore) {
    if (2 * (used + 1) > keys.length) {
      rebuild(staleBefore);
    }
    long key = ((long) cx << 32) | (cy & 0xFFFFFFFFL);
    int mask = keys.length - 1;
    int reuse = -1;
    for (int i = LongIntMap.slot(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == EMPTY) {
        if (reuse < 0) {
          reuse = i;
          used++;
        }
        set(reuse, key, id, c, h, time);
        return -1;
      }
      if (k == key) {
        if (last[i] < staleBefore) {
          set(i, key, id, c, h, time);
          return -1;
        }
        int prev = occupant[i];
        if (prev != id) {
          prevLast = last[i];
          prevHeading = heading[i];
          prevClass = cls[i];
        }
        set(i, key, id, c, h, time);
        return prev == id ? -1 : prev;
      }
      if (reuse < 0 && last[i] < staleBefore) {
        reuse = i; // stale: free for this key unless the key itself sits further along the probe run
      }
    }
  }

  private void set(int i, long key, int id, byte c, double h, double time) {
    keys[i] = key;
    occupant[i] = id;
    cls[i] = c;
    heading[i] = h;
    last[i] = time;
  }

  private void rebuild(double staleBefore) {
    int fresh = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY && last[i] >= staleBefore) {
        fresh++;
      }
    }
    int n = keys.length;
    while (4 * (fresh + 1) > n) {
      n *= 2;
    }
    if (spareKeys == null || spareKeys.length != n) {
      spareKeys = new long[n];
      spareOccupant = new int[n];
      spareLast = new double[n];
      spareHeading = new double[n];
      spareCls = new byte[n];
    }
    Arrays.fill(spareKeys, EMPTY);
    int mask = n - 1;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == EMPTY || last[i] < staleBefore) {
        continue;
      }
      int j = LongIntMap.slot(keys[i], mask);
      while (spareKeys[j] != EMPTY) {
        j = (j + 1) & mask;
      }
      spareKeys[j] = keys[i];
      spareOccupant[j] = occupant[i];
      spareLast[j] = last[i];
      spareHeading[j] = heading[i];
      spareCls[j] = cls[i];
    }
    long[] k = keys;
    keys = spareKeys;
    spareKeys = k;
    int[] o = occupant;
    occupant = spareOccupant;
    spareOccupant = o;
    double[] l = last;
    last = spareLast;
    spareLast = l;
    double[] h = heading;
    heading = spareHeading;
    spareHeading = h;
    byte[] c = cls;
    cls = spareCls;
    spareCls = c;
    used = fresh;
  }
}
