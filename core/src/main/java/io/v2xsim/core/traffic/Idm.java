package io.v2xsim.core.traffic;

/**
 * The Intelligent Driver Model (Treiber, Hennecke and Helbing, Phys. Rev. E 62, 2000). Static, allocation-free.
 */
public final class Idm {
  private Idm() {}

  /** Acceleration on a free road toward desired speed {@code v0}. */
  public static double free(VehicleType t, double v, double v0) {
    double r = v / v0;
    double r2 = r * r;
    double pow = t.delta() == 4 ? r2 * r2 : Math.pow(r, t.delta());
    return t.accel() * (1 - pow);
  }

  /**
   * Acceleration behind a leader {@code gap} metres ahead (bumper to bumper) whose speed is {@code vLeader},
   * bounded below by the emergency deceleration.
   */
  public static double follow(VehicleType t, double v, double v0, double gap, double vLeader) {
    if (gap <= 0.01) {
      return -t.emergencyDecel();
    }
    double sStar = t.minGap() + Math.max(0, v * t.headway() + v * (v - vLeader) / (2 * Math.sqrt(t.accel() * t.decel())));
    double q = sStar / gap;
    double a = free(t, v, v0) - t.accel() * q * q;
    return Math.max(a, -t.emergencyDecel());
  }

  /** Equilibrium bumper-to-bumper gap at speed v: s0 + vT (valid well below the desired speed). */
  public static double equilibriumGap(VehicleType t, double v) {
    return t.minGap() + v * t.headway();
  }
}
