package io.v2xsim.core.sensing;

import java.util.Arrays;

/**
 * What blocks a sensor's line of sight: static polygons (buildings, parked vehicles, walls; convex or concave,
 * given as point lists or oriented boxes) and every road user of the current {@link GroundTruth} (a bus hides a
 * pedestrian, a truck hides a car).
 *
 * <p><b>Visibility.</b> An object is sampled at five points of its footprint: the centre and the four corners of
 * its oriented box. A sample point is visible when the segment from the sensor mount to it crosses no static edge
 * and no other road user's box (the object itself and the host vehicle carrying the sensor are skipped). The
 * visible fraction is visible points / 5; {@link Sensor} detects an object only when it is at least
 * {@link Sensor#MIN_VISIBLE_FRACTION} (0.4, i.e. two of five points: a corner sticking out behind a bus is not
 * enough, half a car is). Sensor height is ignored: the model is 2D, as is common in V2X simulation, so a car does
 * hide a pedestrian behind it even from a pole-mounted camera; mount RSU sensors where that is plausible.
 *
 * <p><b>Cost.</b> Static edges are stored once in a hashed uniform grid, each in the cells its segment crosses;
 * road users are re-indexed at every {@link #update} by the cells their bounding box covers, into arrays that are
 * reused. A ray then tests only the items of the cells it crosses (grid walk), each at most once per ray (a stamp
 * per item), and stops at the first blocker: cost grows with ray length over cell size and local density, not
 * with the number of occluders in the world.
 */
public final class Occluders {
  /** Default grid cell size (m): about a car length, so a cell rarely holds more than a few road users. */
  public static final double DEFAULT_CELL = 6.0;

  private final double cell;
  private final GridWalk walk = new GridWalk();

  // Static edges (ax, ay) -> (bx, by).
  private double[] ax = new double[64];
  private double[] ay = new double[64];
  private double[] bx = new double[64];
  private double[] by = new double[64];
  private int edgeCount;
  private int[] edgeStamp = new int[64];
  private final CellIndex staticIndex = new CellIndex(4096);
  private boolean staticDirty;

  // Road users of the current snapshot: centre, unit axis along heading, half length, half width.
  private GroundTruth truth;
  private double[] ocx = new double[64];
  private double[] ocy = new double[64];
  private double[] ocos = new double[64];
  private double[] osin = new double[64];
  private double[] ohl = new double[64];
  private double[] ohw = new double[64];
  private int objectCount;
  private int[] objectStamp = new int[64];
  private final CellIndex dynamicIndex = new CellIndex(1024);
  private int stamp;

  public Occluders() {
    this(DEFAULT_CELL);
  }

  public Occluders(double cellSize) {
    if (!(cellSize > 0)) {
      throw new IllegalArgumentException("cell size must be positive: " + cellSize);
    }
    this.cell = cellSize;
  }

  /** Adds a closed polygon (last point joins the first); convex or concave, at least 2 points. */
  public void addPolygon(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length < 2) {
      throw new IllegalArgumentException("a polygon needs at least two points and as many x as y");
    }
    int n = xs.length;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      if (n == 2 && i == 1) {
        break; // a two-point "polygon" is a wall: one edge
      }
      addEdge(xs[i], ys[i], xs[j], ys[j]);
    }
    staticDirty = true;
  }

  /** Adds a static oriented box (a parked vehicle, a kiosk): centre, heading (rad), length and width (m). */
  public void addBox(double cx, double cy, double heading, double length, double width) {
    double c = Math.cos(heading);
    double s = Math.sin(heading);
    double hl = length / 2;
    double hw = width / 2;
    double[] xs = new double[4];
    double[] ys = new double[4];
    double[] u = {hl, -hl, -hl, hl};
    double[] v = {hw, hw, -hw, -hw};
    for (int k = 0; k < 4; k++) {
      xs[k] = cx + u[k] * c - v[k] * s;
      ys[k] = cy + u[k] * s + v[k] * c;
    }
    addPolygon(xs, ys);
  }

  public int staticEdgeCount() {
    return edgeCount;
  }

  private void addEdge(double x0, double y0, double x1, double y1) {
    if (edgeCount == ax.length) {
      int n = edgeCount * 2;
      ax = Arrays.copyOf(ax, n);
      ay = Arrays.copyOf(ay, n);
      bx = Arrays.copyOf(bx, n);
      by = Arrays.copyOf(by, n);
      edgeStamp = Arrays.copyOf(edgeStamp, n);
    }
    ax[edgeCount] = x0;
    ay[edgeCount] = y0;
    bx[edgeCount] = x1;
    by[edgeCount] = y1;
    edgeCount++;
  }

  private void indexStatic() {
    staticIndex.clear();
    for (int e = 0; e < edgeCount; e++) {
      walk.start(ax[e], ay[e], bx[e], by[e], cell);
      while (walk.next()) {
        staticIndex.insert(walk.cx, walk.cy, e);
      }
    }
    staticDirty = false;
  }

  /**
   * Indexes the road users of this tick's snapshot. Call once per tick after the snapshot is filled and before any
   * sensor senses; the snapshot must not change until the next call.
   */
  public void update(GroundTruth snapshot) {
    if (staticDirty) {
      indexStatic();
    }
    this.truth = snapshot;
    int n = snapshot.count;
    if (ocx.length < n) {
      int m = Math.max(n, ocx.length * 2);
      ocx = new double[m];
      ocy = new double[m];
      ocos = new double[m];
      osin = new double[m];
      ohl = new double[m];
      ohw = new double[m];
      objectStamp = new int[m];
    }
    dynamicIndex.resize(4 * n);
    for (int i = 0; i < n; i++) {
      double c = Math.cos(snapshot.heading[i]);
      double s = Math.sin(snapshot.heading[i]);
      double hl = snapshot.length[i] / 2;
      double hw = snapshot.width[i] / 2;
      ocx[i] = snapshot.x[i];
      ocy[i] = snapshot.y[i];
      ocos[i] = c;
      osin[i] = s;
      ohl[i] = hl;
      ohw[i] = hw;
      double ex = Math.abs(c) * hl + Math.abs(s) * hw; // half extents of the axis-aligned bounding box
      double ey = Math.abs(s) * hl + Math.abs(c) * hw;
      int x0 = (int) Math.floor((ocx[i] - ex) / cell);
      int x1 = (int) Math.floor((ocx[i] + ex) / cell);
      int y0 = (int) Math.floor((ocy[i] - ey) / cell);
      int y1 = (int) Math.floor((ocy[i] + ey) / cell);
      for (int gx = x0; gx <= x1; gx++) {
        for (int gy = y0; gy <= y1; gy++) {
          dynamicIndex.insert(gx, gy, i);
        }
      }
    }
    objectCount = n;
  }

  /**
   * Fraction (0..1) of the five sample points of road user {@code target} (an index of the snapshot given to
   * {@link #update}) that the mount at (sx, sy) sees. {@code host} is the index of the vehicle carrying the
   * sensor, skipped as an occluder, or -1.
   */
  public double visibleFraction(double sx, double sy, int target, int host) {
    double cx = ocx[target];
    double cy = ocy[target];
    double ux = ocos[target] * ohl[target];
    double uy = osin[target] * ohl[target];
    double vx = -osin[target] * ohw[target];
    double vy = ocos[target] * ohw[target];
    int visible = 0;
    if (lineOfSight(sx, sy, cx, cy, target, host)) {
      visible++;
    }
    if (lineOfSight(sx, sy, cx + ux + vx, cy + uy + vy, target, host)) {
      visible++;
    }
    if (lineOfSight(sx, sy, cx - ux + vx, cy - uy + vy, target, host)) {
      visible++;
    }
    if (lineOfSight(sx, sy, cx - ux - vx, cy - uy - vy, target, host)) {
      visible++;
    }
    if (lineOfSight(sx, sy, cx + ux - vx, cy + uy - vy, target, host)) {
      visible++;
    }
    return visible / 5.0;
  }

  /**
   * True when the segment (sx, sy) -> (px, py) crosses no static edge and no road-user box other than those of
   * snapshot indices {@code skipA} and {@code skipB} (-1 to skip none).
   */
  public boolean lineOfSight(double sx, double sy, double px, double py, int skipA, int skipB) {
    return lineOfSight(sx, sy, px, py, skipA, skipB, true);
  }

  /** As {@link #lineOfSight(double, double, double, double, int, int)} past scenery only: no road user blocks. */
  public boolean staticLineOfSight(double sx, double sy, double px, double py) {
    return lineOfSight(sx, sy, px, py, -1, -1, false);
  }

  private boolean lineOfSight(double sx, double sy, double px, double py, int skipA, int skipB, boolean dynamic) {
    if (staticDirty) {
      indexStatic();
    }
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(edgeStamp, 0);
      Arrays.fill(objectStamp, 0);
      stamp = 1;
    }
    int st = stamp;
    boolean hasStatic = staticIndex.size() > 0;
    boolean hasDynamic = dynamic && truth != null && objectCount > 0;
    walk.start(sx, sy, px, py, cell);
    while (walk.next()) {
      if (hasStatic) {
        for (int e = staticIndex.first(walk.cx, walk.cy); e >= 0; e = staticIndex.next(e)) {
          int k = staticIndex.item(e);
          if (edgeStamp[k] != st) {
            edgeStamp[k] = st;
            if (segmentsCross(sx, sy, px, py, ax[k], ay[k], bx[k], by[k])) {
              return false;
            }
          }
        }
      }
      if (hasDynamic) {
        for (int e = dynamicIndex.first(walk.cx, walk.cy); e >= 0; e = dynamicIndex.next(e)) {
          int k = dynamicIndex.item(e);
          if (k != skipA && k != skipB && objectStamp[k] != st) {
            objectStamp[k] = st;
            if (segmentHitsBox(sx, sy, px, py, k)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  /** Proper or touching intersection; a segment collinear with an edge grazes it and is not blocked. */
  static boolean segmentsCross(double p0x, double p0y, double p1x, double p1y, double q0x, double q0y,
      double q1x, double q1y) {
    double rx = p1x - p0x;
    double ry = p1y - p0y;
    double d1 = rx * (q0y - p0y) - ry * (q0x - p0x);
    double d2 = rx * (q1y - p0y) - ry * (q1x - p0x);
    if (d1 == 0 && d2 == 0) {
      return false;
    }
    if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0)) {
      return false;
    }
    double sx = q1x - q0x;
    double sy = q1y - q0y;
    double d3 = sx * (p0y - q0y) - sy * (p0x - q0x);
    double d4 = sx * (p1y - q0y) - sy * (p1x - q0x);
    return !((d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0));
  }

  /** Liang-Barsky clipping of the segment against road user k's box, in the box's own frame. */
  private boolean segmentHitsBox(double p0x, double p0y, double p1x, double p1y, int k) {
    double c = ocos[k];
    double s = osin[k];
    double rx = p0x - ocx[k];
    double ry = p0y - ocy[k];
    double u0 = rx * c + ry * s;
    double v0 = -rx * s + ry * c;
    double dx = p1x - p0x;
    double dy = p1y - p0y;
    double du = dx * c + dy * s;
    double dv = -dx * s + dy * c;
    double hl = ohl[k];
    double hw = ohw[k];
    double t0 = 0;
    double t1 = 1;
    // Each slab: -h <= u0 + t du <= h.
    if (du == 0) {
      if (u0 < -hl || u0 > hl) {
        return false;
      }
    } else {
      double ta = (-hl - u0) / du;
      double tb = (hl - u0) / du;
      if (ta > tb) {
        double tmp = ta;
        ta = tb;
        tb = tmp;
      }
      t0 = Math.max(t0, ta);
      t1 = Math.min(t1, tb);
      if (t0 > t1) {
        return false;
      }
    }
    if (dv == 0) {
      return v0 >= -hw && v0 <= hw;
    }
    double ta = (-hw - v0) / dv;
    double tb = (hw - v0) / dv;
    if (ta > tb) {
      double tmp = ta;
      ta = tb;
      tb = tmp;
    }
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    return t0 <= t1;
  }
}
