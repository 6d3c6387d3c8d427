package io.v2xsim.core.sensing;

/**
 * What space a sensor sector covers: a point is covered when it is within range and field of view and nothing
 * blocks the line of sight to it. Part of the sensor model, so it may consult the occluders of the snapshot;
 * what it returns is free space (a real sensor's visibility map), never what stands at the point.
 */
public final class SensorCoverage {
  private SensorCoverage() {}

  /**
   * @param sx sensor position, world frame
   * @param heading boresight (rad); {@code halfFov} at least pi means all around
   * @param checkFov false for space swept on the way (a point now beside a vehicle was in view while it
   *     approached)
   * @param roadUsersOcclude whether road users of the snapshot block the line of sight, besides scenery
   * @param hostId ground-truth id of the vehicle carrying the sensor (never an occluder), -1 for none
   */
  public static boolean covers(double sx, double sy, double heading, double halfFov, double range, double px,
      double py, boolean checkFov, boolean roadUsersOcclude, Occluders occ, GroundTruth truth, int hostId) {
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
    if (!roadUsersOcclude) {
      return occ.staticLineOfSight(sx, sy, px, py);
    }
    int host = hostId < 0 ? -1 : truth.indexOf(hostId);
    return occ.lineOfSight(sx, sy, px, py, host, -1);
  }
}
