package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;
import java.util.List;

/**
 * One lane of a road. Lane 0 is the rightmost. All lanes of a road share the road's driving length, so a lane
 * change keeps the longitudinal position.
 */
public final class Lane extends Link {
  private final Road road;
  private final int number;
  private final int turnMask;
  private List<Connector> outgoing = List.of();
  private List<Connector> incoming = List.of();

  Lane(int index, Road road, int number, Polyline shape, double length, double speedLimit, int turnMask) {
    super(index, road.id() + "_" + number, shape, length, speedLimit);
    this.road = road;
    this.number = number;
    this.turnMask = turnMask;
  }

  public Road road() {
    return road;
  }

  /** Position across the road, 0 = rightmost. */
  public int number() {
    return number;
  }

  /** Bit set of {@link Turn#bit()} this lane allows at its end. */
  public int turnMask() {
    return turnMask;
  }

  /** Connectors leaving the end of this lane, in a fixed order. */
  public List<Connector> outgoing() {
    return outgoing;
  }

  void setOutgoing(List<Connector> connectors) {
    this.outgoing = List.copyOf(connectors);
  }

  /** Connectors ending at the start of this lane, in a fixed order. */
  public List<Connector> incoming() {
    return incoming;
  }

  void setIncoming(List<Connector> connectors) {
    this.incoming = List.copyOf(connectors);
  }

  /**
   * The first connector from this lane onto {@code next}, or null if this lane does not lead there; drivers
   * choose among several with {@link #connectorTo(Road, Road, int)}.
   */
  public Connector connectorTo(Road next) {
    for (int i = 0; i < outgoing.size(); i++) {
      Connector c = outgoing.get(i);
      if (c.to().road() == next) {
        return c;
      }
    }
    return null;
  }

  /**
   * Strategic lane choice (as SUMO's, Erdmann 2014, "SUMO's lane-changing model"): of the connectors from this
   * lane onto {@code next}, the one whose target lane needs the fewest lane changes on {@code next} to reach a
   * lane leading onto {@code after} (the road after it; null: any lane serves). Where several serve equally,
   * {@code tieBreak} (e.g. the trip number) spreads drivers over them deterministically. Null if this lane
   * does not lead onto {@code next}. With one connector per road, as the builder's own, that connector. O(c * l)
   * for c connectors here and l lanes on {@code next}; no allocation.
   */
  public Connector connectorTo(Road next, Road after, int tieBreak) {
    int best = Integer.MAX_VALUE;
    int ties = 0;
    for (int i = 0; i < outgoing.size(); i++) {
      Connector c = outgoing.get(i);
      if (c.to().road() != next) {
        continue;
      }
      int changes = changesToward(c.to(), after);
      if (changes < best) {
        best = changes;
        ties = 1;
      } else if (changes == best) {
        ties++;
      }
    }
    if (ties == 0) {
      return null;
    }
    int pick = Math.floorMod(tieBreak, ties);
    for (int i = 0; i < outgoing.size(); i++) {
      Connector c = outgoing.get(i);
      if (c.to().road() == next && changesToward(c.to(), after) == best && pick-- == 0) {
        return c;
      }
    }
    throw new AssertionError("unreachable");
  }

  /** Lane changes on {@code lane}'s road from it to the nearest lane leading onto {@code after}; 0 for null. */
  private static int changesToward(Lane lane, Road after) {
    return lane.road().changesToward(lane.number(), after);
  }

  public Lane left() {
    return road.lane(number + 1);
  }

  public Lane right() {
    return road.lane(number - 1);
  }
}
