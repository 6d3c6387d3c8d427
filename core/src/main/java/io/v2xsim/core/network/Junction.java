package io.v2xsim.core.network;

import java.util.ArrayList;
import java.util.List;

/** A node of the road graph: a junction with its connectors and movements, or a boundary node. */
public final class Junction {
  private final int index;
  private final String id;
  private final double x;
  private final double y;
  private final JunctionKind kind;
  private final List<Road> incoming = new ArrayList<>();
  private final List<Road> outgoing = new ArrayList<>();
  private List<Connector> connectors = List.of();
  private List<Movement> movements = List.of();

  Junction(int index, String id, double x, double y, JunctionKind kind) {
    this.index = index;
    this.id = id;
    this.x = x;
    this.y = y;
    this.kind = kind;
  }

  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public double x() {
    return x;
  }

  public double y() {
    return y;
  }

  public JunctionKind kind() {
    return kind;
  }

  /** Roads ending here, in the order they were declared. */
  public List<Road> incoming() {
    return incoming;
  }

  /** Roads starting here, in the order they were declared. */
  public List<Road> outgoing() {
    return outgoing;
  }

  public List<Connector> connectors() {
    return connectors;
  }

  public List<Movement> movements() {
    return movements;
  }

  /** The movement from one road onto another, or null. */
  public Movement movement(Road from, Road to) {
    for (Movement m : movements) {
      if (m.from() == from && m.to() == to) {
        return m;
      }
    }
    return null;
  }

  void addIncoming(Road r) {
    incoming.add(r);
  }

  void addOutgoing(Road r) {
    outgoing.add(r);
  }

  void setConnectors(List<Connector> c) {
    this.connectors = List.copyOf(c);
  }

  void setMovements(List<Movement> m) {
    this.movements = List.copyOf(m);
  }

  @Override
  public String toString() {
    return id;
  }
}
