package io.v2xsim.core.sensing;

/**
 * Visits the cells of a uniform grid that a segment crosses, in order from its start (Amanatides and Woo, "A fast
 * voxel traversal algorithm for ray tracing", Eurographics 1987). A mutable cursor so that walking allocates
 * nothing: {@link #start} then {@link #next} until it returns false, reading {@link #cx}, {@link #cy}.
 *
 * <p>The number of cells is fixed up front (|dx| + |dy| + 1 in cell units), so floating-point error at cell
 * corners can never make the walk run away; at worst a corner cell grazed by the segment is skipped, which the
 * callers tolerate (an occluder touching a ray only at a cell corner of measure zero).
 */
final class GridWalk {
  int cx;
  int cy;
  private int remaining;
  private int stepX;
  private int stepY;
  private double tMaxX;
  private double tMaxY;
  private double tDeltaX;
  private double tDeltaY;
  private boolean first;

  void start(double x0, double y0, double x1, double y1, double cell) {
    cx = (int) Math.floor(x0 / cell);
    cy = (int) Math.floor(y0 / cell);
    int ex = (int) Math.floor(x1 / cell);
    int ey = (int) Math.floor(y1 / cell);
    double dx = x1 - x0;
    double dy = y1 - y0;
    stepX = dx > 0 ? 1 : dx < 0 ? -1 : 0;
    stepY = dy > 0 ? 1 : dy < 0 ? -1 : 0;
    if (stepX == 0) {
      tMaxX = Double.POSITIVE_INFINITY;
      tDeltaX = Double.POSITIVE_INFINITY;
    } else {
      double ax = Math.abs(dx);
      tDeltaX = cell / ax;
      tMaxX = (stepX > 0 ? (cx + 1) * cell - x0 : x0 - cx * cell) / ax;
    }
    if (stepY == 0) {
      tMaxY = Double.POSITIVE_INFINITY;
      tDeltaY = Double.POSITIVE_INFINITY;
    } else {
      double ay = Math.abs(dy);
      tDeltaY = cell / ay;
      tMaxY = (stepY > 0 ? (cy + 1) * cell - y0 : y0 - cy * cell) / ay;
    }
    remaining = Math.abs(ex - cx) + Math.abs(ey - cy) + 1;
    first = true;
  }

  boolean next() {
    if (remaining <= 0) {
      return false;
    }
    remaining--;
    if (first) {
      first = false;
      return true;
    }
    if (tMaxX < tMaxY) {
      cx += stepX;
      tMaxX += tDeltaX;
    } else {
      cy += stepY;
      tMaxY += tDeltaY;
    }
    return true;
  }
}
