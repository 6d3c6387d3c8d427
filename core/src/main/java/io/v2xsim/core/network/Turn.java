package io.v2xsim.core.network;

/** The kind of turn a connector makes, from the change of heading through the junction. */
public enum Turn {
  RIGHT('r'),
  STRAIGHT('s'),
  LEFT('l'),
  UTURN('u');

  private final char letter;

  Turn(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  /** Bit of this turn in a lane's allowed-turn mask. */
  public int bit() {
    return 1 << ordinal();
  }

  public static Turn ofLetter(char c) {
    for (Turn t : values()) {
      if (t.letter == c) {
        return t;
      }
    }
    return null;
  }

  /**
   * Classifies a heading change in radians (CCW positive, in (-pi, pi]): within 30 degrees is straight,
   * beyond 150 degrees a U-turn.
   */
  public static Turn classify(double headingChange) {
    double d = Math.abs(headingChange);
    if (d < Math.toRadians(30)) {
      return STRAIGHT;
    }
    if (d > Math.toRadians(150)) {
      return UTURN;
    }
    return headingChange > 0 ? LEFT : RIGHT;
  }
}
