package io.v2xsim.core.sensing;

import java.util.Arrays;

/**
 * Lookups into one {@link GroundTruth} snapshot, built lazily after each refill and then reused: an open-addressing
 * table from object id to index, and a dense grid of the objects' centres (counting-sorted, so each cell is a
 * contiguous, ascending run of indices). Both keep their arrays across ticks, so rebuilding allocates nothing once
 * they have grown to the largest snapshot.
 *
 * <p>Why: sensors, agents and metrics each asked "where is object i" and "who is near (x, y)" by scanning the
 * whole snapshot, which made a city of 10,000 road users quadratic (thousands of sensors times thousands of
 * objects per tick). The answers are exactly those of the scans: {@link #near} returns candidates in ascending
 * index order, so callers that draw random numbers per candidate draw them in the same order as before.
 */
final class TruthIndex {
  /** Grid cell edge, metres: a typical query (sensor range 60-100 m) covers a few dozen cells. */
  private static final double CELL = 32.0;

  private int[] slots = new int[128];
  private int slotMask = 127;
  private boolean idsBuilt;

  private boolean gridBuilt;
  private double minX;
  private double minY;
  private double inv;
  private int gw;
  private int gh;
  private int[] cellStart = new int[65];
  private int[] cellOf = new int[64];
  private int[] byCell = new int[64];

  void invalidate() {
    idsBuilt = false;
    gridBuilt = false;
  }

  int indexOf(GroundTruth t, int objectId) {
    if (!idsBuilt) {
      buildIds(t);
    }
    int h = mix(objectId) & slotMask;
    while (true) {
      int s = slots[h];
      if (s == 0) {
        return -1;
      }
      if (t.id[s - 1] == objectId) {
        return s - 1;
      }
      h = (h + 1) & slotMask;
    }
  }

  private void buildIds(GroundTruth t) {
    int need = Integer.highestOneBit(Math.max(64, t.count) - 1) << 2; // load factor at most 1/2
    if (slots.length < need) {
      slots = new int[need];
      slotMask = need - 1;
    } else {
      Arrays.fill(slots, 0);
    }
    for (int i = 0; i < t.count; i++) {
      int h = mix(t.id[i]) & slotMask;
      while (slots[h] != 0) {
        if (t.id[slots[h] - 1] == t.id[i]) {
          break; // a duplicate id: the first index wins, as in a linear scan
        }
        h = (h + 1) & slotMask;
      }
      if (slots[h] == 0) {
        slots[h] = i + 1;
      }
    }
    idsBuilt = true;
  }

  private static int mix(int v) {
    int h = v * 0x9E3779B1;
    return h ^ (h >>> 15);
  }

  /**
   * Appends to {@code out} (after clearing it) every object whose centre may lie within {@code radius} of
   * (x, y): a superset (the cells the circle's bounding square touches), in ascending index order.
   */
  void near(GroundTruth t, double x, double y, double radius, Neighbours out) {
    out.count = 0;
    if (t.count == 0) {
      return;
    }
    if (!gridBuilt) {
      buildGrid(t);
    }
    double fx1 = (x + radius - minX) * inv;
    double fy1 = (y + radius - minY) * inv;
    if (fx1 < 0 || fy1 < 0) {
      return;
    }
    int gx0 = (int) Math.max(0, (x - radius - minX) * inv);
    int gy0 = (int) Math.max(0, (y - radius - minY) * inv);
    if (gx0 >= gw || gy0 >= gh) {
      return;
    }
    int gx1 = (int) Math.min(fx1, gw - 1);
    int gy1 = (int) Math.min(fy1, gh - 1);
    boolean sorted = true;
    int last = -1;
    for (int gy = gy0; gy <= gy1; gy++) {
      int from = cellStart[gy * gw + gx0];
      int to = cellStart[gy * gw + gx1 + 1];
      if (from == to) {
        continue;
      }
      out.ensure(out.count + (to - from));
      System.arraycopy(byCell, from, out.items, out.count, to - from);
      out.count += to - from;
      // Within a row of cells, runs are ascending per cell; the whole is ascending only if runs do not interleave.
      sorted &= byCell[from] > last && ascending(from, to);
      last = byCell[to - 1];
    }
    if (!sorted) {
      sort(out.items, out.count);
    }
  }

  private boolean ascending(int from, int to) {
    for (int k = from + 1; k < to; k++) {
      if (byCell[k] < byCell[k - 1]) {
        return false;
      }
    }
    return true;
  }

  private void buildGrid(GroundTruth t) {
    int n = t.count;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x0 = Math.min(x0, t.x[i]);
      x1 = Math.max(x1, t.x[i]);
      y0 = Math.min(y0, t.y[i]);
      y1 = Math.max(y1, t.y[i]);
    }
    double w = x1 - x0;
    double h = y1 - y0;
    double cell = CELL;
    double maxCells = 4.0 * n + 256; // the grid is cleared every build: keep it proportional to the snapshot
    while ((w / cell + 1) * (h / cell + 1) > maxCells) {
      cell *= 1.5;
    }
    minX = x0;
    minY = y0;
    inv = 1.0 / cell;
    gw = (int) (w * inv) + 1;
    gh = (int) (h * inv) + 1;
    int cells = gw * gh;
    if (cellStart.length < cells + 1) {
      cellStart = new int[Math.max(cells + 1, cellStart.length * 2)];
    }
    if (cellOf.length < n) {
      cellOf = new int[Math.max(n, cellOf.length * 2)];
      byCell = new int[cellOf.length];
    }
    Arrays.fill(cellStart, 0, cells + 1, 0);
    for (int i = 0; i < n; i++) {
      int c = Math.min(gh - 1, (int) ((t.y[i] - y0) * inv)) * gw + Math.min(gw - 1, (int) ((t.x[i] - x0) * inv));
      cellOf[i] = c;
      cellStart[c + 1]++;
    }
    for (int c = 0; c < cells; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    for (int i = 0; i < n; i++) {
      byCell[cellStart[cellOf[i]]++] = i; // stable: ascending within each cell
    }
    System.arraycopy(cellStart, 0, cellStart, 1, cells);
    cellStart[0] = 0;
    gridBuilt = true;
  }

  /** In-place ascending sort without allocation (insertion sort for short runs, heapsort otherwise). */
  static void sort(int[] a, int n) {
    if (n <= 48) {
      for (int i = 1; i < n; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      int v = a[0];
      a[0] = a[end];
      a[end] = v;
      siftDown(a, 0, end);
    }
  }

  private static void siftDown(int[] a, int i, int n) {
    int v = a[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && a[c + 1] > a[c]) {
        c++;
      }
      if (a[c] <= v) {
        break;
      }
      a[i] = a[c];
      i = c;
    }
    a[i] = v;
  }
}
