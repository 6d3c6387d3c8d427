package io.v2xsim.core.signal;

/** Signal states of a movement, as bytes so that per-tick state lives in flat arrays. */
public final class SignalColor {
  public static final byte RED = 0;
  public static final byte YELLOW = 1;
  /** Protected green: conflicting movements are red. */
  public static final byte GREEN = 2;
  /** Permissive green: go, but yield to conflicting traffic (e.g. a left turn across oncoming traffic). */
  public static final byte PERMISSIVE = 3;
  /**
   * Stop, then go: come to a halt at the line, then proceed when the way is clear, yielding to every conflicting
   * movement that is not red. SUMO's {@code s} ("green right-turn arrow requires stopping", generated for
   * traffic_light_right_on_red junctions; see docs/imported-signals.md). Not a green: no movement goes without
   * halting, and a change away from it needs no yellow.
   */
  public static final byte STOP = 4;

  private SignalColor() {}

  public static boolean isGreen(byte s) {
    return s == GREEN || s == PERMISSIVE;
  }

  public static char letter(byte s) {
    return switch (s) {
      case RED -> 'r';
      case YELLOW -> 'y';
      case GREEN -> 'G';
      case PERMISSIVE -> 'g';
      case STOP -> 's';
      default -> '?';
    };
  }
}
