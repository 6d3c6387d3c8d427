package io.v2xsim.roadside.unit;

import io.v2xsim.core.collections.LongIntMap;
import java.util.Arrays;

/**
 * What each track looked like when it was last put in a frame, for the collective perception generation rules.
 * Entries sit in dense primitive arrays, found by track id through a {@link LongIntMap}; forgetting compacts the
 * arrays in place. Nothing is allocated once the arrays have grown to the most tracks seen.
 */
final class SentObjects {
  private final LongIntMap slotOf = new LongIntMap();
  private int size;
  private int[] ids = new int[64];
  private double[] x = new double[64];
  private double[] y = new double[64];
  private double[] speed = new double[64];
  private double[] heading = new double[64];
  /** When the track was last sent; negative infinity if never. */
  private double[] time = new double[64];
  private boolean[] selected = new boolean[64];

  /** Whether the track must go in the next frame; remembers the answer for {@link #consumeSelected}. */
  boolean shouldSend(int id, double px, double py, double vx, double vy, double now) {
    int slot = slotOf.get(id);
    boolean send;
    if (slot == LongIntMap.ABSENT) {
      slot = add(id);
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
    int slot = slotOf.get(id);
    if (slot == LongIntMap.ABSENT || !selected[slot]) {
      return false;
    }
    selected[slot] = false;
    return true;
  }

  void markSent(int id, double px, double py, double vx, double vy, double now) {
    int slot = slotOf.get(id);
    x[slot] = px;
    y[slot] = py;
    speed[slot] = Math.hypot(vx, vy);
    heading[slot] = Math.atan2(vy, vx);
    time[slot] = now;
  }

  /**
   * Drops tracks last sent before {@code cutoff} (deleted by the tracker), keeping the table small; tracks never
   * sent stay. When anything is dropped, the pending selections of the others are cleared too.
   */
  void forgetOlderThan(double cutoff) {
    boolean any = false;
    for (int i = 0; i < size && !any; i++) {
      any = expired(i, cutoff);
    }
    if (!any) {
      return;
    }
    int w = 0;
    for (int i = 0; i < size; i++) {
      if (expired(i, cutoff)) {
        slotOf.remove(ids[i]);
        continue;
      }
      if (w != i) {
        ids[w] = ids[i];
        x[w] = x[i];
        y[w] = y[i];
        speed[w] = speed[i];
        heading[w] = heading[i];
        time[w] = time[i];
        slotOf.put(ids[w], w);
      }
      selected[w] = false;
      w++;
    }
    size = w;
  }

  private boolean expired(int i, double cutoff) {
    return time[i] < cutoff && !Double.isInfinite(time[i]);
  }

  private int add(int id) {
    if (size == ids.length) {
      int n = 2 * size;
      ids = Arrays.copyOf(ids, n);
      x = Arrays.copyOf(x, n);
      y = Arrays.copyOf(y, n);
      speed = Arrays.copyOf(speed, n);
      heading = Arrays.copyOf(heading, n);
      time = Arrays.copyOf(time, n);
      selected = Arrays.copyOf(selected, n);
    }
    int slot = size++;
    ids[slot] = id;
    time[slot] = Double.NEGATIVE_INFINITY;
    selected[slot] = false;
    slotOf.put(id, slot);
    return slot;
  }
}
