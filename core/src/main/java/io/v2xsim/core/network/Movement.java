package io.v2xsim.core.network;

/**
 * A movement through a junction from one road onto another: the unit signals give green to.
 *
 * @param index position in {@link Junction#movements()}
 */
public record Movement(int index, Road from, Road to, Turn turn) {
  /** {@code fromRoad>toRoad}, as scenario files write it. */
  public String label() {
    return from.id() + ">" + to.id();
  }
}
