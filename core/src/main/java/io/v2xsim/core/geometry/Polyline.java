package io.v2xsim.core.geometry;

import java.util.Arrays;

/**
 * An immutable open polyline with arc-length parameterisation.
 *
 * <p>Position lookups are O(log n) by binary search over the cumulative lengths; the engine keeps polylines
 * short (a handful of points per lane, about a dozen per junction connector).
 */
public final class Polyline {
  private final double[] xs;
  private final double[] ys;
  private final double[] cum;
  private final double[] segHeading;
  private final double minX;
  private final double maxX;
  private final double minY;
  private final double maxY;

  public Polyline(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length < 2) {
      throw new IllegalArgumentException("a polyline needs at least two points");
    }
    this.xs = xs.clone();
    this.ys = ys.clone();
    this.cum = new double[xs.length];
    for (int i = 1; i < xs.length; i++) {
      cum[i] = cum[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
    segHeading = new double[xs.length - 1];
    for (int i = 0; i < segHeading.length; i++) {
      segHeading[i] = Math.atan2(ys[i + 1] - ys[i], xs[i + 1] - xs[i]);
    }
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.length; i++) {
      x0 = Math.min(x0, xs[i]);
      x1 = Math.max(x1, xs[i]);
      y0 = Math.min(y0, ys[i]);
      y1 = Math.max(y1, ys[i]);
    }
    minX = x0;
    maxX = x1;
    minY = y0;
    maxY = y1;
  }

  /** Whether (x, y) lies within {@code margin} of the line's bounding box: a cheap test before {@link #project}. */
  public boolean nearBox(double x, double y, double margin) {
    return x >= minX - margin && x <= maxX + margin && y >= minY - margin && y <= maxY + margin;
  }

  public static Polyline of(double x0, double y0, double x1, double y1) {
    return new Polyline(new double[] {x0, x1}, new double[] {y0, y1});
  }

  public int size() {
    return xs.length;
  }

  public double x(int i) {
    return xs[i];
  }

  public double y(int i) {
    return ys[i];
  }

  public double length() {
    return cum[cum.length - 1];
  }

  /** Index of the segment holding arc length {@code s} (clamped to the ends). */
  public int segmentAt(double s) {
    if (s <= 0 || xs.length == 2) {
      return 0;
    }
    if (s >= length()) {
      return xs.length - 2;
    }
    int i = Arrays.binarySearch(cum, s);
    if (i < 0) {
      i = -i - 2;
    }
    return Math.min(Math.max(i, 0), xs.length - 2);
  }

  public double xAt(double s) {
    int i = segmentAt(s);
    double segLen = cum[i + 1] - cum[i];
    double f = segLen > 0 ? (Math.min(Math.max(s, 0), length()) - cum[i]) / segLen : 0;
    return xs[i] + f * (xs[i + 1] - xs[i]);
  }

  public double yAt(double s) {
    int i = segmentAt(s);
    double segLen = cum[i + 1] - cum[i];
    double f = segLen > 0 ? (Math.min(Math.max(s, 0), length()) - cum[i]) / segLen : 0;
    return ys[i] + f * (ys[i + 1] - ys[i]);
  }

  /**
   * Writes x, y and heading at arc length {@code s} into {@code out[0..2]} with one search. Beyond either end
   * the line is extended straight along its end segment, so a vehicle's rear overhanging the start of a
   * link is placed where it physically is.
   */
  public void pose(double s, double[] out) {
    int i = segmentAt(s);
    double dx = xs[i + 1] - xs[i];
    double dy = ys[i + 1] - ys[i];
    double segLen = cum[i + 1] - cum[i];
    double f = segLen > 0 ? (s - cum[i]) / segLen : 0;
    out[0] = xs[i] + f * dx;
    out[1] = ys[i] + f * dy;
    out[2] = segHeading[i];
  }

  /**
   * Projects a point onto the line: writes into {@code out[0]} the arc length of the nearest point (segments
   * clamped to their ends) and into {@code out[1]} the signed offset, positive to the right of the direction of
   * travel. Linear in the number of points; allocation-free.
   */
  public void project(double x, double y, double[] out) {
    double bestD2 = Double.POSITIVE_INFINITY;
    for (int i = 0; i < xs.length - 1; i++) {
      double dx = xs[i + 1] - xs[i];
      double dy = ys[i + 1] - ys[i];
      double len2 = dx * dx + dy * dy;
      double f = len2 > 0 ? ((x - xs[i]) * dx + (y - ys[i]) * dy) / len2 : 0;
      f = Math.min(1, Math.max(0, f));
      double px = xs[i] + f * dx;
      double py = ys[i] + f * dy;
      double d2 = (x - px) * (x - px) + (y - py) * (y - py);
      if (d2 < bestD2) {
        bestD2 = d2;
        out[0] = cum[i] + f * (cum[i + 1] - cum[i]);
        // Cross product sign: right of travel is negative z of (segment x offset).
        double cross = dx * (y - ys[i]) - dy * (x - xs[i]);
        out[1] = cross > 0 ? -Math.sqrt(d2) : Math.sqrt(d2);
      }
    }
  }

  /** Heading in radians, CCW from +x, of the segment holding {@code s}. */
  public double headingAt(double s) {
    return segHeading[segmentAt(s)];
  }

  public double startHeading() {
    return headingAt(0);
  }

  public double endHeading() {
    return headingAt(length());
  }

  /**
   * This line shifted sideways by {@code d} metres, positive to the right of the direction of travel. Inner
   * corners use the bisector (miter) so that offset lanes stay parallel.
   */
  public Polyline offsetRight(double d) {
    int n = xs.length;
    double[] ox = new double[n];
    double[] oy = new double[n];
    for (int i = 0; i < n; i++) {
      double nx = 0;
      double ny = 0;
      if (i > 0) {
        double h = Math.atan2(ys[i] - ys[i - 1], xs[i] - xs[i - 1]);
        nx += Math.sin(h);
        ny += -Math.cos(h);
      }
      if (i < n - 1) {
        double h = Math.atan2(ys[i + 1] - ys[i], xs[i + 1] - xs[i]);
        nx += Math.sin(h);
        ny += -Math.cos(h);
      }
      double norm = Math.hypot(nx, ny);
      nx /= norm;
      ny /= norm;
      // Scale the miter so the perpendicular distance to both adjacent segments stays d.
      double scale = 1.0;
      if (i > 0 && i < n - 1) {
        double h = Math.atan2(ys[i + 1] - ys[i], xs[i + 1] - xs[i]);
        double dot = nx * Math.sin(h) - ny * Math.cos(h);
        scale = 1.0 / Math.max(dot, 0.3);
      }
      ox[i] = xs[i] + nx * d * scale;
      oy[i] = ys[i] + ny * d * scale;
    }
    return new Polyline(ox, oy);
  }

  /** The part of this line between arc lengths {@code from} and {@code to}. */
  public Polyline cut(double from, double to) {
    double a = Math.max(0, from);
    double b = Math.min(length(), to);
    if (b <= a) {
      throw new IllegalArgumentException("empty cut");
    }
    // Vertices strictly inside the cut: one that falls on a cut end (a source's lane ending exactly at a shape
    // point) would repeat it, and a zero-length segment has no heading to offset lanes by.
    double[] ox = new double[xs.length + 2];
    double[] oy = new double[xs.length + 2];
    int n = 0;
    ox[n] = xAt(a);
    oy[n++] = yAt(a);
    for (int k = 1; k < xs.length - 1; k++) {
      if (cum[k] > a + 1e-9 && cum[k] < b - 1e-9) {
        ox[n] = xs[k];
        oy[n++] = ys[k];
      }
    }
    ox[n] = xAt(b);
    oy[n++] = yAt(b);
    return new Polyline(Arrays.copyOf(ox, n), Arrays.copyOf(oy, n));
  }

  /**
   * A cubic Bezier from (x0, y0) leaving at heading h0 to (x1, y1) arriving at heading h1, sampled into
   * {@code segments} pieces. Control arms are 0.4 of the chord, which keeps turning radii plausible for
   * junction paths.
   */
  public static Polyline bezier(double x0, double y0, double h0, double x1, double y1, double h1, int segments) {
    return bezier(x0, y0, h0, x1, y1, h1, 0, segments);
  }

  /** As {@link #bezier(double, double, double, double, double, double, int)}, with control arms at least {@code minArm}. */
  public static Polyline bezier(double x0, double y0, double h0, double x1, double y1, double h1, double minArm,
      int segments) {
    double chord = Math.hypot(x1 - x0, y1 - y0);
    double k = Math.max(minArm, 0.4 * chord);
    double c1x = x0 + k * Math.cos(h0);
    double c1y = y0 + k * Math.sin(h0);
    double c2x = x1 - k * Math.cos(h1);
    double c2y = y1 - k * Math.sin(h1);
    double[] ox = new double[segments + 1];
    double[] oy = new double[segments + 1];
    for (int i = 0; i <= segments; i++) {
      double t = (double) i / segments;
      double u = 1 - t;
      ox[i] = u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x1;
      oy[i] = u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y1;
    }
    return new Polyline(ox, oy);
  }

  /**
   * Arc lengths along this line and along {@code other} of every point where they cross, as pairs
   * {@code [sThis, sOther]}; segment-segment intersection, O(n*m).
   */
  public double[][] crossings(Polyline other) {
    double[][] found = new double[0][];
    for (int i = 0; i < xs.length - 1; i++) {
      for (int j = 0; j < other.xs.length - 1; j++) {
        double px = xs[i];
        double py = ys[i];
        double rx = xs[i + 1] - px;
        double ry = ys[i + 1] - py;
        double qx = other.xs[j];
        double qy = other.ys[j];
        double sx = other.xs[j + 1] - qx;
        double sy = other.ys[j + 1] - qy;
        double denom = rx * sy - ry * sx;
        if (Math.abs(denom) < 1e-12) {
          continue;
        }
        double t = ((qx - px) * sy - (qy - py) * sx) / denom;
        double u = ((qx - px) * ry - (qy - py) * rx) / denom;
        if (t >= 0 && t <= 1 && u >= 0 && u <= 1) {
          double a = cum[i] + t * (cum[i + 1] - cum[i]);
          double b = other.cum[j] + u * (other.cum[j + 1] - other.cum[j]);
          found = Arrays.copyOf(found, found.length + 1);
          found[found.length - 1] = new double[] {a, b};
        }
      }
    }
    return found;
  }
}
