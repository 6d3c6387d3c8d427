package io.v2xsim.vehicle.agent;

import io.v2xsim.core.sensing.ObjectClass;
import io.v2xsim.core.traffic.VehicleClass;
import io.v2xsim.core.traffic.VehicleType;

/**
 * The vehicles an agent perceives, as boxes its own sensors cannot see through: space behind a queue of cars or a
 * truck waiting to turn is as unknown as space behind a building. Built from the world model only (positions,
 * velocities and classes as perceived), never from ground truth. A perceived vehicle's size is its class's
 * typical one; one too slow to show its heading (under {@link #HEADING_SPEED} m/s) is taken as a square as wide as
 * the vehicle, the least it can hide whichever way it stands.
 *
 * <p>Roadside sensors are not shadowed: they are mounted high (5 to 6 m on a pole) and see over cars; only the
 * agent's own, at bumper and roof height, are.
 */
final class TrafficShadows {
  /** Below this speed (m/s) a perceived vehicle's heading is not known from its velocity. */
  static final double HEADING_SPEED = 1.0;

  /** Size by perceived class: the scene's defaults for that vehicle class ({@link VehicleType#defaults}). */
  private static final double[] LENGTH = new double[ObjectClass.COUNT];
  private static final double[] WIDTH = new double[ObjectClass.COUNT];

  static {
    size(ObjectClass.CAR, VehicleClass.CAR);
    size(ObjectClass.BUS, VehicleClass.BUS);
    size(ObjectClass.TRUCK, VehicleClass.TRUCK);
    size(ObjectClass.EMERGENCY, VehicleClass.EMERGENCY);
  }

  private static void size(byte cls, VehicleClass c) {
    VehicleType t = VehicleType.defaults(c.name(), c);
    LENGTH[cls] = t.length();
    WIDTH[cls] = t.width();
  }

  // Two diagonals per vehicle: a segment between two points outside a box crosses it iff it crosses a diagonal.
  private double[] d = new double[8 * 16];
  private int n;

  /** Collects the perceived vehicles within {@code range} of (x, y); {@code heading} orients the unknown ones. */
  void collect(WorldModel world, double x, double y, double heading, double range) {
    n = 0;
    double hc = Math.cos(heading);
    double hs = Math.sin(heading);
    for (int k = 0; k < world.count; k++) {
      byte cls = world.objectClass[k];
      if (!ObjectClass.isVehicle(cls)) {
        continue;
      }
      double length = LENGTH[cls];
      double width = WIDTH[cls];
      double ox = world.x[k];
      double oy = world.y[k];
      if (Math.abs(ox - x) > range || Math.abs(oy - y) > range) {
        continue;
      }
      double sp = Math.hypot(world.vx[k], world.vy[k]);
      double c = sp > HEADING_SPEED ? world.vx[k] / sp : hc;
      double s = sp > HEADING_SPEED ? world.vy[k] / sp : hs;
      double hl = 0.5 * (sp > HEADING_SPEED ? length : width);
      double hw = 0.5 * width;
      if (8 * (n + 1) > d.length) {
        d = java.util.Arrays.copyOf(d, 2 * d.length);
      }
      int o = 8 * n++;
      d[o] = ox + c * hl - s * hw;
      d[o + 1] = oy + s * hl + c * hw;
      d[o + 2] = ox - c * hl + s * hw;
      d[o + 3] = oy - s * hl - c * hw;
      d[o + 4] = ox + c * hl + s * hw;
      d[o + 5] = oy + s * hl - c * hw;
      d[o + 6] = ox - c * hl - s * hw;
      d[o + 7] = oy - s * hl + c * hw;
    }
  }

  int size() {
    return n;
  }

  /** Whether the sight line from (sx, sy) to (px, py) passes through a collected vehicle. */
  boolean hides(double sx, double sy, double px, double py) {
    for (int i = 0; i < n; i++) {
      int o = 8 * i;
      if (cross(sx, sy, px, py, d[o], d[o + 1], d[o + 2], d[o + 3])
          || cross(sx, sy, px, py, d[o + 4], d[o + 5], d[o + 6], d[o + 7])) {
        return true;
      }
    }
    return false;
  }

  private static boolean cross(double ax, double ay, double bx, double by, double cx, double cy, double ex,
      double ey) {
    double d1 = orient(ax, ay, bx, by, cx, cy);
    double d2 = orient(ax, ay, bx, by, ex, ey);
    double d3 = orient(cx, cy, ex, ey, ax, ay);
    double d4 = orient(cx, cy, ex, ey, bx, by);
    return (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0);
  }

  private static double orient(double ax, double ay, double bx, double by, double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  }
}
