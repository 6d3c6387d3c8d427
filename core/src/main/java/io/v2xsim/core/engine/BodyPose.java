package io.v2xsim.core.engine;

import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.network.Link;

/**
 * Where a body lies, from where its front is on its path: on a straight piece along it; where the path bends
 * under it, along the chord from its rear to its front, each on the path, as a car's body lies between its axles.
 * Laid along the path's tangent at its middle instead, the ends of a car in a tight turn swung out of it (0.8 m in
 * a 4.5 m radius), and two cars turning right out of the two directions of a single-lane arm touched rear corners
 * across the line between them (netgenerate's spider without its centre, a trip a second, seed 1, t = 588.5 s).
 * The rear of a body that has just left a link lies on that link: in the junction, on the connector it came along
 * (not on the lane's line extended straight back, which swept the rear of a turning car over the neighbouring
 * paths); short of the stop line, on the lane it is leaving (not on the connector's first segment extended back,
 * which turned a body that had not begun to turn).
 *
 * <p>The engine places every vehicle with it, and a driver following a body across a diverge places it the same
 * way from what it sees (its front, its length, the link it came from), so both agree on where the body is.
 */
final class BodyPose {
  private BodyPose() {}

  /**
   * Writes the body's middle (x, y) and heading into {@code out}.
   *
   * @param link the link its front is on
   * @param front its front's driving coordinate on {@code link}, metres
   * @param length its length, metres
   * @param prev the link it came from (its rear is there while {@code front < length}), or null
   */
  static void place(Link link, double front, double length, Link prev, double[] out) {
    double rear = front - length;
    Polyline shape = link.shape();
    double scale = link.shapeScale();
    boolean rearHere = rear >= 0 || prev == null;
    if (rearHere && shape.segmentAt(front * scale) == shape.segmentAt(rear * scale)) {
      shape.pose((front - 0.5 * length) * scale, out);
      return;
    }
    shape.pose(front * scale, out);
    double fx = out[0];
    double fy = out[1];
    double fh = out[2];
    if (rearHere) {
      shape.pose(rear * scale, out);
    } else {
      // Past the start of a link shorter than the body (netconvert's 0.2 m lanes), on its line extended back:
      // held at its start, the chord came out shorter than the body, and the body, laid about its middle, stuck
      // out beyond its own front into the car ahead (hcmc-small, a trip a second, t = 1204 s).
      prev.shape().pose((prev.length() + rear) * prev.shapeScale(), out);
    }
    double dx = fx - out[0];
    double dy = fy - out[1];
    out[0] = 0.5 * (fx + out[0]);
    out[1] = 0.5 * (fy + out[1]);
    out[2] = dx * dx + dy * dy > 1e-6 ? Math.atan2(dy, dx) : fh;
  }
}
