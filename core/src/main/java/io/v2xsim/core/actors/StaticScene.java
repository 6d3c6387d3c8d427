package io.v2xsim.core.actors;

import java.util.List;

/**
 * What stands still: buildings (polygons) and parked vehicles (oriented boxes). They block sight; parked
 * vehicles stand off the lanes and are not obstacles to traffic.
 */
public record StaticScene(List<Building> buildings, List<Parked> parked) {
  public static final StaticScene EMPTY = new StaticScene(List.of(), List.of());

  public StaticScene {
    buildings = List.copyOf(buildings);
    parked = List.copyOf(parked);
  }

  /** A building footprint, corners in order. */
  public record Building(String id, double[] xs, double[] ys) {}

  /**
   * A parked vehicle: centre, heading (rad), size. One standing {@code inLane} (broken down, or stopped where it
   * should not be) is also a road user: sensors detect it and vehicles can run into it.
   */
  public record Parked(String id, double x, double y, double heading, double length, double width,
      boolean inLane) {}
}
