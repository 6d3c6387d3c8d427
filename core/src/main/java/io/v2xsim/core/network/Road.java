package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;
import java.util.List;

/**
 * A one-way road between two junctions, with parallel lanes. Its {@link #centerline()} is the left edge of
 * the carriageway (the line between the two directions of a two-way street), trimmed where it enters the
 * junction areas; lanes are offset to its right.
 */
public final class Road {
  private final int index;
  private final String id;
  private final Junction from;
  private final Junction to;
  private final Polyline centerline;
  private final double laneWidth;
  private final double speedLimit;
  private final int priority;
  private List<Lane> lanes = List.of();

  Road(int index, String id, Junction from, Junction to, Polyline centerline, double laneWidth,
      double speedLimit, int priority) {
    this.index = index;
    this.id = id;
    this.from = from;
    this.to = to;
    this.centerline = centerline;
    this.laneWidth = laneWidth;
    this.speedLimit = speedLimit;
    this.priority = priority;
  }

  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public Junction from() {
    return from;
  }

  public Junction to() {
    return to;
  }

  public Polyline centerline() {
    return centerline;
  }

  /** Driving length of every lane, metres. */
  public double length() {
    return centerline.length();
  }

  public double laneWidth() {
    return laneWidth;
  }

  public double speedLimit() {
    return speedLimit;
  }

  /** Higher is more important; decides right of way at priority junctions. */
  public int priority() {
    return priority;
  }

  /** Lanes from the rightmost (0). */
  public List<Lane> lanes() {
    return lanes;
  }

  void setLanes(List<Lane> lanes) {
    this.lanes = List.copyOf(lanes);
  }

  /** Heading at the downstream end, radians. */
  public double endHeading() {
    return centerline.endHeading();
  }

  public double startHeading() {
    return centerline.startHeading();
  }

  @Override
  public String toString() {
    return id;
  }
}
