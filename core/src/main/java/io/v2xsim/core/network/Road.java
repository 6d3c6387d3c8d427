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
  // The same as an array, for lane neighbours asked many times a tick (see Connector's conflict array).
  private Lane[] laneArray = new Lane[0];
  // The roads this one's lanes lead onto, and for each a bit per lane that leads there (strategic lane choice
  // asks this for every connector it weighs, several times per vehicle and tick: 40% of a grid's run time).
  private Road[] exits = new Road[0];
  private long[] exitLanes = new long[0];

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

  /** Lane {@code number} from the right (0), or null if the road has no such lane. */
  public Lane lane(int number) {
    return number >= 0 && number < laneArray.length ? laneArray[number] : null;
  }

  void setLanes(List<Lane> lanes) {
    this.lanes = List.copyOf(lanes);
    this.laneArray = this.lanes.toArray(new Lane[0]);
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

  /** Indexes which lanes lead onto which road, once every lane has its connectors. */
  void indexExits() {
    java.util.List<Road> roads = new java.util.ArrayList<>();
    java.util.List<Long> masks = new java.util.ArrayList<>();
    for (Lane l : lanes) {
      for (Connector c : l.outgoing()) {
        Road r = c.to().road();
        int k = roads.indexOf(r);
        if (k < 0) {
          roads.add(r);
          masks.add(0L);
          k = roads.size() - 1;
        }
        masks.set(k, masks.get(k) | (1L << Math.min(l.number(), 63)));
      }
    }
    exits = roads.toArray(new Road[0]);
    exitLanes = masks.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Lane changes from lane {@code number} to the nearest lane of this road leading onto {@code after}; 0 for
   * null, {@code Integer.MAX_VALUE - 1} if none does. No allocation.
   */
  int changesToward(int number, Road after) {
    if (after == null) {
      return 0;
    }
    for (int k = 0; k < exits.length; k++) {
      if (exits[k] == after) {
        long m = exitLanes[k];
        int best = Integer.MAX_VALUE - 1;
        for (int i = 0; m != 0; i++, m >>>= 1) {
          if ((m & 1) != 0) {
            best = Math.min(best, Math.abs(i - number));
          }
        }
        return best;
      }
    }
    return Integer.MAX_VALUE - 1;
  }
}
