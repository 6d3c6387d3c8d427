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

  /** The connector from this lane onto {@code next}, or null if this lane does not lead there. */
  public Connector connectorTo(Road next) {
    for (int i = 0; i < outgoing.size(); i++) {
      Connector c = outgoing.get(i);
      if (c.to().road() == next) {
        return c;
      }
    }
    return null;
  }

  public Lane left() {
    return number + 1 < road.lanes().size() ? road.lanes().get(number + 1) : null;
  }

  public Lane right() {
    return number > 0 ? road.lanes().get(number - 1) : null;
  }
}
