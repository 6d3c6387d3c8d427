package io.v2xsim.core.sensing;

/**
 * What space a sensor sector has in view past the scenery: a point is covered when it is within range (and, if
 * asked, the field of view) and no building or parked vehicle blocks the line of sight to it. Part of the sensor
 * model, so it may consult the occluders; what it returns is free space (a real sensor's visibility map), never
 * what stands at the point. Road users are not counted as occluders here: moving traffic hides a spot only for a
 * moment, scenery for good.
 */
public final class SensorCoverage {
  private SensorCoverage() {}

  /**
   * @param sx sensor position, world frame
   * @param heading boresight (rad); {@code halfFov} at least pi means all around
   * @param checkFov false for space swept on the way (a point now beside a vehicle was in view while it
   *     approached)
   */
  public static boolean covers(double sx, double sy, double heading, double halfFov, double range, double px,
      double py, boolean checkFov, Occluders occ) {
    double dx = px - sx;
    double dy = py - sy;
    double r2 = dx * dx + dy * dy;
    if (r2 > range * range) {
      return false;
    }
    if (checkFov && halfFov < Math.PI) {
      double r = Math.sqrt(r2);
      if (dx * Math.cos(heading) + dy * Math.sin(heading) < r * Math.cos(halfFov)) {
        return false;
      }
    }
    return occ.staticLineOfSight(sx, sy, px, py);
  }
}
