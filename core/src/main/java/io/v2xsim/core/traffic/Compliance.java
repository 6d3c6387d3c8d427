package io.v2xsim.core.traffic;

/**
 * How a human driver of a vehicle type keeps the rules: the hazards of a scene (a red-light runner, a driver who
 * takes right of way, a speeder) are ordinary vehicles whose type says so. Automated vehicles always obey.
 *
 * @param runsRedLights drives through red and yellow as if green (and so gives way to no one who has green)
 * @param ignoresRightOfWay enters junctions without giving way to approaching traffic (it still does not drive
 *     into a vehicle already in its path)
 * @param speeding factor on the speed limit the driver aims for (1 = the limit; the per-driver spread of
 *     {@link VehicleType#speedDeviation()} comes on top)
 */
public record Compliance(boolean runsRedLights, boolean ignoresRightOfWay, double speeding) {
  public static final Compliance OBEYS = new Compliance(false, false, 1.0);

  public Compliance {
    if (!(speeding > 0) || speeding > 3) {
      throw new IllegalArgumentException("speeding factor must be in (0, 3]: " + speeding);
    }
  }

  public boolean obeys() {
    return equals(OBEYS);
  }
}
