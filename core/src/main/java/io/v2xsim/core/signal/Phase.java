package io.v2xsim.core.signal;

import java.util.Arrays;

/**
 * One phase of a plan: during {@code green} seconds each movement shows {@code states[m]} (red, green or
 * permissive); then movements that lose their green show yellow for {@code yellow} seconds and red for
 * {@code allRed} seconds before the next phase. Movements green in both phases stay green throughout.
 */
public record Phase(double green, double yellow, double allRed, byte[] states) {
  public Phase {
    states = states.clone();
  }

  public double total() {
    return green + yellow + allRed;
  }

  @Override
  public byte[] states() {
    return states.clone();
  }

  byte state(int movement) {
    return states[movement];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phase p && p.green == green && p.yellow == yellow && p.allRed == allRed
        && Arrays.equals(p.states, states);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(states) * 31 + Double.hashCode(green);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (byte s : states) {
      sb.append(SignalColor.letter(s));
    }
    return "Phase[" + sb + " g=" + green + " y=" + yellow + " ar=" + allRed + "]";
  }
}
