package io.v2xsim.core.traffic;

/**
 * Dimensions and driver parameters of a kind of vehicle. SI units.
 *
 * <p>IDM parameters follow Treiber, Hennecke and Helbing (2000): desired speed comes from the lane's limit
 * times the driver's speed factor, capped at {@code maxSpeed}; {@code accel} a, comfortable {@code decel} b,
 * time {@code headway} T, {@code minGap} s0, exponent {@code delta}. MOBIL (Kesting, Treiber and Helbing 2007):
 * {@code politeness} p and {@code changeThreshold} (m/s^2). {@code emergencyDecel} bounds any braking.
 * {@code speedDeviation} is the standard deviation of the per-driver speed factor around 1. Vehicles of an
 * {@code automated} type are driven by an agent in arms that equip them with sensors. {@code compliance} says how
 * its human drivers keep the rules (scripted hazards).
 */
public record VehicleType(
    String name,
    VehicleClass vehicleClass,
    double length,
    double width,
    double maxSpeed,
    double accel,
    double decel,
    double emergencyDecel,
    double headway,
    double minGap,
    double delta,
    double politeness,
    double changeThreshold,
    double speedDeviation,
    boolean automated,
    Compliance compliance) {

  public VehicleType {
    if (compliance == null) {
      compliance = Compliance.OBEYS;
    }
  }

  /** A type whose drivers keep the rules. */
  public VehicleType(String name, VehicleClass vehicleClass, double length, double width, double maxSpeed,
      double accel, double decel, double emergencyDecel, double headway, double minGap, double delta,
      double politeness, double changeThreshold, double speedDeviation, boolean automated) {
    this(name, vehicleClass, length, width, maxSpeed, accel, decel, emergencyDecel, headway, minGap, delta,
        politeness, changeThreshold, speedDeviation, automated, Compliance.OBEYS);
  }

  /**
   * Defaults per class. Car values are typical urban IDM calibrations (a = 2.0, b = 2.5, T = 1.2 s, s0 = 2 m);
   * they give a saturation flow of about 1,700 veh/h per lane at a signal, inside the 1,600-2,100 veh/h range of
   * traffic engineering manuals (checked by a test). Heavy vehicles accelerate and brake less and keep longer
   * headways.
   */
  public static VehicleType defaults(String name, VehicleClass c) {
    return switch (c) {
      case CAR -> new VehicleType(name, c, 4.5, 1.8, 50, 2.0, 2.5, 9.0, 1.2, 2.0, 4, 0.2, 0.2, 0.1, false);
      case BUS -> new VehicleType(name, c, 12.0, 2.55, 25, 1.2, 2.0, 7.0, 1.5, 2.5, 4, 0.5, 0.3, 0.05, false);
      case TRUCK -> new VehicleType(name, c, 10.0, 2.5, 25, 1.0, 2.0, 7.0, 1.6, 2.5, 4, 0.5, 0.3, 0.05, false);
      case EMERGENCY -> new VehicleType(name, c, 6.5, 2.2, 40, 2.5, 3.0, 9.0, 1.0, 2.0, 4, 0.0, 0.1, 0.0, false);
    };
  }
}
