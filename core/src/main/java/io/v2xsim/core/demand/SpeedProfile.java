package io.v2xsim.core.demand;

import java.util.Arrays;

/**
 * A scripted vehicle's speed profile: from {@code at[i]} metres along its route (counted from where it entered)
 * its driver aims for {@code speed[i]} m/s instead of the speed limit times its factor (still capped by the
 * vehicle type). Car following approaches a lower aim with the IDM's free-road term, which brakes hard for a large
 * drop (up to the type's emergency deceleration): a scripted sudden braking, or a driver who crawls.
 */
public record SpeedProfile(double[] at, double[] speed) {
  public SpeedProfile {
    if (at.length != speed.length || at.length == 0) {
      throw new IllegalArgumentException("a profile needs as many speeds as positions, at least one");
    }
    for (int i = 0; i < at.length; i++) {
      if (!(at[i] >= 0) || i > 0 && !(at[i] > at[i - 1]) || !(speed[i] > 0)) {
        throw new IllegalArgumentException("positions must be increasing and non-negative, speeds positive");
      }
    }
    at = at.clone();
    speed = speed.clone();
  }

  /** The speed aimed for after {@code travelled} metres, or NaN before the first change. */
  public double speedAfter(double travelled) {
    double out = Double.NaN;
    for (int i = 0; i < at.length && at[i] <= travelled; i++) {
      out = speed[i];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpeedProfile p && Arrays.equals(at, p.at) && Arrays.equals(speed, p.speed);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(at) + Arrays.hashCode(speed);
  }

  @Override
  public String toString() {
    return "SpeedProfile" + Arrays.toString(at) + "->" + Arrays.toString(speed);
  }
}
