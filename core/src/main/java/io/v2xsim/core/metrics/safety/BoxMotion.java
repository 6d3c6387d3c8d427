package io.v2xsim.core.metrics.safety;

/**
 * First contact of two oriented boxes that translate at constant velocity without turning: the separating
 * axis test over time. For each of the four edge normals the projections of the two boxes overlap during
 * one interval of time (or always, or never); the boxes touch when every axis overlaps, so first contact is
 * the latest entry time, provided it comes before the earliest exit time. Exact for rectangles, O(1), no
 * allocation, no trigonometry (headings come as cosine and sine).
 */
final class BoxMotion {
  private BoxMotion() {}

  /**
   * @param dx centre of b minus centre of a, x
   * @param dy likewise, y
   * @param rvx velocity of b minus velocity of a, x
   * @param rvy likewise, y
   * @param ac cosine of a's heading
   * @param as sine of a's heading
   * @param al half length of a
   * @param aw half width of a
   * @param horizon latest contact time of interest
   * @return seconds until the boxes first touch; 0 if they overlap now; NaN if they do not touch within the
   *     horizon
   */
  static double timeToContact(double dx, double dy, double rvx, double rvy,
      double ac, double as, double al, double aw, double bc, double bs, double bl, double bw, double horizon) {
    double enter = Double.NEGATIVE_INFINITY;
    double exit = Double.POSITIVE_INFINITY;
    // Each box's extent on the other's axes depends only on the angle between them; on its own axes it is
    // its half length or half width.
    double c = Math.abs(ac * bc + as * bs);
    double s = Math.abs(ac * bs - as * bc);
    for (int axis = 0; axis < 4; axis++) {
      double nx;
      double ny;
      double reach;
      switch (axis) {
        case 0: nx = ac; ny = as; reach = al + bl * c + bw * s; break;
        case 1: nx = -as; ny = ac; reach = aw + bl * s + bw * c; break;
        case 2: nx = bc; ny = bs; reach = al * c + aw * s + bl; break;
        default: nx = -bs; ny = bc; reach = al * s + aw * c + bw; break;
      }
      double d = dx * nx + dy * ny;
      double u = rvx * nx + rvy * ny;
      if (Math.abs(u) < 1e-12) {
        if (Math.abs(d) > reach) {
          return Double.NaN; // separated on this axis for ever
        }
        continue;
      }
      double t1 = (-reach - d) / u;
      double t2 = (reach - d) / u;
      enter = Math.max(enter, Math.min(t1, t2));
      exit = Math.min(exit, Math.max(t1, t2));
      if (enter > exit || exit < 0 || enter > horizon) {
        return Double.NaN;
      }
    }
    return Math.max(0, enter);
  }
}
