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
  // The same as an array for the drivers' per-tick loops: List.of's several classes make conflicts().get a
  // megamorphic call the JIT does not inline (7% of a tick on SUMO's grid, 2026-12-03).
  private Conflict[] conflictArray = new Conflict[0];

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

  /** Number of {@link #conflicts()}. */
  public int conflictCount() {
    return conflictArray.length;
  }

  /** Conflict {@code i} of {@link #conflicts()}. */
  public Conflict conflict(int i) {
    return conflictArray[i];
  }

  void setConflicts(List<Conflict> conflicts) {
    this.conflicts = List.copyOf(conflicts);
    this.conflictArray = this.conflicts.toArray(new Conflict[0]);
  }
}
