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
 * <p>A point its occupant still covers has the time {@link #HELD} (never stale); {@link #release} gives it the
 * time the occupant last covered it.
 *
 * <p>{@link #visit} returns the previous occupant of the point, if another road user held it; its details
 * are then in {@link #prevLast}, {@link #prevHeading} and {@link #prevClass} (a flyweight result, as the
 * caller runs it for every point of every road user).
 */
final class PointHistory {
  private static final long EMPTY = Long.MIN_VALUE;
  /**
   * Longs per slot: key, last time (double bits), heading (double bits), occupant id and class. One slot's
   * fields share a cache line, so a probe costs one miss rather than one per field (a fifth of a tick went
   * to these probes when each field had an array of its own).
   */
  private static final int WIDTH = 4;
  /** The time of a point its occupant covers now. */
  static final double HELD = Double.POSITIVE_INFINITY;

  private long[] table;
  private long[] spare;
  private int slots;
  private int used;

  double prevLast;
  double prevHeading;
  byte prevClass;

  PointHistory(int capacity) {
    slots = Integer.highestOneBit(Math.max(64, capacity) - 1) << 1;
    table = emptyTable(slots);
  }

  private static long[] emptyTable(int n) {
    long[] t = new long[n * WIDTH];
    for (int i = 0; i < t.length; i += WIDTH) {
      t[i] = EMPTY;
    }
    return t;
  }

  int capacity() {
    return slots;
  }

  /**
   * Road user {@code id} occupies point (cx, cy) at {@code time}.
   *
   * @return the id of another road user that held the point until (at latest) {@link #prevLast}, or -1
   */
  int visit(int cx, int cy, int id, byte c, double h, double time, double staleBefore) {
    if (2 * (used + 1) > slots) {
      rebuild(staleBefore);
    }
    long[] t = table;
    long key = ((long) cx << 32) | (cy & 0xFFFFFFFFL);
    int mask = slots - 1;
    int reuse = -1;
    for (int i = LongIntMap.slot(key, mask); ; i = (i + 1) & mask) {
      int at = i * WIDTH;
      long k = t[at];
      if (k == EMPTY) {
        if (reuse < 0) {
          reuse = at;
          used++;
        }
        set(t, reuse, key, id, c, h, time);
        return -1;
      }
      double last = Double.longBitsToDouble(t[at + 1]);
      if (k == key) {
        if (last < staleBefore) {
          set(t, at, key, id, c, h, time);
          return -1;
        }
        long who = t[at + 3];
        int prev = (int) (who >> 8);
        if (prev != id) {
          prevLast = last;
          prevHeading = Double.longBitsToDouble(t[at + 2]);
          prevClass = (byte) who;
        }
        set(t, at, key, id, c, h, time);
        return prev == id ? -1 : prev;
      }
      if (reuse < 0 && last < staleBefore) {
        reuse = at; // stale: free for this key unless the key itself sits further along the probe run
      }
    }
  }

  /**
   * Road user {@code id} no longer covers point (cx, cy): it held it until {@code time}, with heading
   * {@code h}. Nothing changes if another road user holds the point now (the two overlapped).
   */
  void release(int cx, int cy, int id, double h, double time) {
    long[] t = table;
    long key = ((long) cx << 32) | (cy & 0xFFFFFFFFL);
    int mask = slots - 1;
    for (int i = LongIntMap.slot(key, mask); ; i = (i + 1) & mask) {
      int at = i * WIDTH;
      long k = t[at];
      if (k == EMPTY) {
        return;
      }
      if (k == key) {
        if ((int) (t[at + 3] >> 8) == id) {
          t[at + 1] = Double.doubleToRawLongBits(time);
          t[at + 2] = Double.doubleToRawLongBits(h);
        }
        return;
      }
    }
  }

  private static void set(long[] t, int at, long key, int id, byte c, double h, double time) {
    t[at] = key;
    t[at + 1] = Double.doubleToRawLongBits(time);
    t[at + 2] = Double.doubleToRawLongBits(h);
    t[at + 3] = ((long) id << 8) | (c & 0xFF);
  }

  private void rebuild(double staleBefore) {
    long[] t = table;
    int fresh = 0;
    for (int at = 0; at < t.length; at += WIDTH) {
      if (t[at] != EMPTY && Double.longBitsToDouble(t[at + 1]) >= staleBefore) {
        fresh++;
      }
    }
    int n = slots;
    while (4 * (fresh + 1) > n) {
      n *= 2;
    }
    if (spare == null || spare.length != n * WIDTH) {
      spare = new long[n * WIDTH];
    }
    long[] u = spare;
    for (int at = 0; at < u.length; at += WIDTH) {
      u[at] = EMPTY;
    }
    int mask = n - 1;
    for (int at = 0; at < t.length; at += WIDTH) {
      if (t[at] == EMPTY || Double.longBitsToDouble(t[at + 1]) < staleBefore) {
        continue;
      }
      int j = LongIntMap.slot(t[at], mask);
      while (u[j * WIDTH] != EMPTY) {
        j = (j + 1) & mask;
      }
      System.arraycopy(t, at, u, j * WIDTH, WIDTH);
    }
    spare = t;
    table = u;
    slots = n;
    used = fresh;
  }
}
