package io.v2xsim.core.engine;

/** The approach rule of scripted starts (pedestrians, cyclists, vehicles), in one place. */
final class Triggers {
  private Triggers() {}

  /**
   * Whether the vehicle of trip {@code tripId} is within {@code seconds} at its current speed of (x, y), the point
   * still ahead of its front. False while that vehicle is not on the road.
   */
  static boolean reached(Engine engine, String tripId, double x, double y, double seconds) {
    for (int i = 0; i < engine.activeCount; i++) {
      Vehicle v = engine.active[i];
      if (engine.departures().get(v.trip).id().equals(tripId)) {
        double fx = v.x + 0.5 * v.type.length() * v.cosHeading;
        double fy = v.y + 0.5 * v.type.length() * v.sinHeading;
        double dx = x - fx;
        double dy = y - fy;
        // Only while approaching: the point must be ahead of the vehicle.
        if (dx * v.cosHeading + dy * v.sinHeading <= 0) {
          return false;
        }
        return Math.hypot(dx, dy) <= seconds * Math.max(v.speed, 0.1);
      }
    }
    return false;
  }
}
