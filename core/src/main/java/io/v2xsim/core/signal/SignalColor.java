package io.v2xsim.core.signal;

/** Signal states of a movement, as bytes so that per-tick state lives in flat arrays. */
public final class SignalColor {
  public static final byte RED = 0;
  public static final byte YELLOW = 1;
  /** Protected green: conflicting movements are red. */
  public static final byte GREEN = 2;
  /** Permissive green: go, but yield to conflicting traffic (e.g. a left turn across oncoming traffic). */
  public static final byte PERMISSIVE = 3;

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
      default -> '?';
    };
  }
}
