package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;
import java.util.List;

/** A path through a junction from the end of one lane to the start of another. */
public final class Connector extends Link {
  private final Junction junction;
  private final Lane from;
  private final Lane to;
  private final Turn turn;
  private final int movement;
  private List<Conflict> conflicts = List.of();

  Connector(int index, Junction junction, Lane from, Lane to, Turn turn, int movement, Polyline shape,
      double speedLimit) {
    super(index, ":" + junction.id() + "_" + from.id() + ">" + to.id(), shape, shape.length(), speedLimit);
    this.junction = junction;
    this.from = from;
    this.to = to;
    this.turn = turn;
    this.movement = movement;
  }

  public Junction junction() {
    return junction;
  }

  public Lane from() {
    return from;
  }

  public Lane to() {
    return to;
  }

  public Turn turn() {
    return turn;
  }

  /** Index of this connector's movement (from road, to road) within its junction; signals act on movements. */
  public int movement() {
    return movement;
  }

  /** Conflicts with other connectors of the junction, ordered by position along this connector. */
  public List<Conflict> conflicts() {
    return conflicts;
  }

  void setConflicts(List<Conflict> conflicts) {
    this.conflicts = List.copyOf(conflicts);
  }
}
