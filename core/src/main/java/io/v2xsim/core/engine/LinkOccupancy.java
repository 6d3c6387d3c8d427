package io.v2xsim.core.engine;

import java.util.Arrays;

/**
 * The vehicles on one link, ordered front (largest position) first. Insertions at the back and removals at
 * the front are the common cases; lane changes insert in the middle. Grows by doubling, never shrinks.
 */
final class LinkOccupancy {
  Vehicle[] vehicles = new Vehicle[8];
  int count;
  /**
   * The vehicles' positions in the same order, as of the last {@link #syncPositions} or insertion: drivers'
   * searches ({@link #firstBehind}) read this dense array rather than each vehicle object (a cache miss per
   * step of the search was a tenth of a tick in jams). The engine syncs it after every move.
   */
  private double[] pos = new double[8];

  Vehicle front() {
    return count == 0 ? null : vehicles[0];
  }

  Vehicle back() {
    return count == 0 ? null : vehicles[count - 1];
  }

  void addBack(Vehicle v) {
    insertAt(count, v);
  }

  /** Inserts keeping the order by position; among equal positions the newcomer goes behind. */
  void insertSorted(Vehicle v) {
    int i = count;
    while (i > 0 && vehicles[i - 1].pos < v.pos) {
      i--;
    }
    insertAt(i, v);
  }

  private void insertAt(int i, Vehicle v) {
    if (count == vehicles.length) {
      vehicles = Arrays.copyOf(vehicles, count * 2);
      pos = Arrays.copyOf(pos, count * 2);
    }
    System.arraycopy(vehicles, i, vehicles, i + 1, count - i);
    System.arraycopy(pos, i, pos, i + 1, count - i);
    vehicles[i] = v;
    pos[i] = v.pos;
    count++;
    for (int k = i; k < count; k++) {
      vehicles[k].slot = k;
    }
  }

  void remove(Vehicle v) {
    int i = v.slot;
    System.arraycopy(vehicles, i + 1, vehicles, i, count - i - 1);
    System.arraycopy(pos, i + 1, pos, i, count - i - 1);
    count--;
    vehicles[count] = null;
    for (int k = i; k < count; k++) {
      vehicles[k].slot = k;
    }
    v.slot = -1;
  }

  /** Index of the first vehicle whose position is below {@code pos}: the follower of a vehicle placed there. */
  int firstBehind(double pos) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (this.pos[mid] >= pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Copies every vehicle's position into the search array, after the engine moved them. */
  void syncPositions() {
    for (int i = 0; i < count; i++) {
      pos[i] = vehicles[i].pos;
    }
  }

  /** Restores order after a move in which numerical error let positions cross (insertion sort, O(n) if sorted). */
  void resort() {
    for (int i = 1; i < count; i++) {
      Vehicle v = vehicles[i];
      int j = i - 1;
      while (j >= 0 && vehicles[j].pos < v.pos) {
        vehicles[j + 1] = vehicles[j];
        vehicles[j + 1].slot = j + 1;
        j--;
      }
      vehicles[j + 1] = v;
      v.slot = j + 1;
    }
    syncPositions();
  }
}
