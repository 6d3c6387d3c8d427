package io.v2xsim.core.experiment;

import java.util.Locale;

/** How an arm's automated vehicles treat the space their sensors and received frames do not cover. */
public enum DrivingPolicy {
  /**
   * Occlusion-aware: keep a speed at which the vehicle can stop for a road user that could emerge from unseen
   * space beside its path, and give way at junctions to vehicles that could be on unseen crossing approaches.
   * What a production automated-driving stack does; the default, so that vehicle-only is no strawman.
   */
  CAUTIOUS,
  /** Act only on what is perceived, as if unseen space were empty: kept to show what caution costs and buys. */
  NAIVE;

  /** The policy named {@code s} (case-insensitive), or null. */
  public static DrivingPolicy parse(String s) {
    for (DrivingPolicy p : values()) {
      if (p.name().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
