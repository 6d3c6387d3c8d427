package io.v2xsim.core.traffic;

/** Broad kinds of vehicle; each supplies defaults for a {@link VehicleType}. */
public enum VehicleClass {
  CAR, BUS, TRUCK, EMERGENCY;

  /** Parses the lower-case name used in scenario files, or returns null. */
  public static VehicleClass parse(String s) {
    for (VehicleClass c : values()) {
      if (c.name().equalsIgnoreCase(s)) {
        return c;
      }
    }
    return null;
  }
}
