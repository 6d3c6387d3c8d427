package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;

/**
 * Something a vehicle drives along: a lane of a road or a connector through a junction. Links are numbered
 * densely across the network so that per-run state can live in arrays indexed by {@link #index()}.
 */
public abstract sealed class Link permits Lane, Connector {
  private final int index;
  private final String id;
  private final Polyline shape;
  private final double length;
  private final double speedLimit;

  Link(int index, String id, Polyline shape, double length, double speedLimit) {
    this.index = index;
    this.id = id;
    this.shape = shape;
    this.length = length;
    this.speedLimit = speedLimit;
  }

  public final int index() {
    return index;
  }

  public final String id() {
    return id;
  }

  /** Drawn geometry; its arc length may differ slightly from {@link #length()} on curved lanes. */
  public final Polyline shape() {
    return shape;
  }

  /** Driving length in metres: the coordinate vehicles move along runs from 0 to this. */
  public final double length() {
    return length;
  }

  /** m/s */
  public final double speedLimit() {
    return speedLimit;
  }

  /** Factor from driving coordinate to arc length along {@link #shape()}. */
  public final double shapeScale() {
    return shape.length() / length;
  }

  @Override
  public String toString() {
    return id;
  }
}
