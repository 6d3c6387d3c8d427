package io.v2xsim.vehicle.agent;

/**
 * The onboard tracker's filter: constant velocity with white-noise acceleration, state (x, y, vx, vy), a 4x4
 * covariance per track kept row-major in a shared array at an offset (Bar-Shalom, Li and Kirubarajan, "Estimation
 * with Applications to Tracking and Navigation", Wiley 2001, sections 6.2-6.3). Each detection is weighed by its own
 * covariance: a camera's position is good across its line of sight and poor along it, a radar's the other way
 * round, so together they pin an object down where the fixed-gain alpha-beta filter it replaces let the worse of
 * the two through (a bus 30 m ahead in the other lane jumped a metre sideways from scan to scan, and was braked for).
 * One per world model (its scratch is not shared); no allocation.
 */
final class TrackFilter {
  /**
   * Spectral density of the acceleration noise, m^2/s^3: a road user's velocity may drift by about sqrt(q dt)
   * m/s in dt seconds (1.4 m/s in a second), enough for braking vehicles and pedestrians who start or turn.
   */
  static final double Q = 2.0;
  /** Variance of an unmeasured initial velocity, (m/s)^2: anything up to urban speeds. */
  static final double UNKNOWN_VELOCITY_VAR = 100.0;

  private final double[] k = new double[8];
  private final double[] rows = new double[8];

  /** Sets the covariance of a new track from its first detection. */
  static void init(double[] p, int o, double cxx, double cxy, double cyy, boolean hasVelocity, double vxx,
      double vxy, double vyy) {
    java.util.Arrays.fill(p, o, o + 16, 0);
    p[o] = cxx;
    p[o + 1] = cxy;
    p[o + 4] = cxy;
    p[o + 5] = cyy;
    p[o + 10] = hasVelocity ? vxx : UNKNOWN_VELOCITY_VAR;
    p[o + 11] = hasVelocity ? vxy : 0;
    p[o + 14] = hasVelocity ? vxy : 0;
    p[o + 15] = hasVelocity ? vyy : UNKNOWN_VELOCITY_VAR;
  }

  /** Grows the covariance over {@code dt} seconds (the state is moved by the caller: x += vx dt). */
  static void predict(double[] p, int o, double dt) {
    if (dt <= 0) {
      return;
    }
    // P = F P F^T with F = [I dt*I; 0 I], then + Q.
    for (int r = 0; r < 2; r++) { // rows of position: add dt * velocity rows
      for (int c = 0; c < 4; c++) {
        p[o + 4 * r + c] += dt * p[o + 4 * (r + 2) + c];
      }
    }
    for (int c = 0; c < 2; c++) { // columns of position: add dt * velocity columns
      for (int r = 0; r < 4; r++) {
        p[o + 4 * r + c] += dt * p[o + 4 * r + c + 2];
      }
    }
    double q3 = Q * dt * dt * dt / 3;
    double q2 = Q * dt * dt / 2;
    double q1 = Q * dt;
    for (int a = 0; a < 2; a++) {
      p[o + 5 * a] += q3;
      p[o + 4 * a + a + 2] += q2;
      p[o + 4 * (a + 2) + a] += q2;
      p[o + 5 * (a + 2)] += q1;
    }
  }

  /**
   * Folds in a measurement of state components {@code a} and {@code a + 1} (0: position, 2: velocity) with
   * covariance (rxx, rxy, ryy). {@code s} is the track's state (x, y, vx, vy), updated in place.
   */
  void update(double[] s, double[] p, int o, int a, double zx, double zy, double rxx, double rxy,
      double ryy) {
    double sxx = p[o + 5 * a] + rxx;
    double sxy = p[o + 4 * a + a + 1] + rxy;
    double syy = p[o + 5 * (a + 1)] + ryy;
    double det = sxx * syy - sxy * sxy;
    if (!(det > 1e-12)) {
      return;
    }
    double ixx = syy / det;
    double ixy = -sxy / det;
    double iyy = sxx / det;
    double ex = zx - s[a];
    double ey = zy - s[a + 1];
    // K = P[:, a..a+1] S^-1; s += K e; P -= K P[a..a+1, :].
    for (int r = 0; r < 4; r++) {
      double pa = p[o + 4 * r + a];
      double pb = p[o + 4 * r + a + 1];
      k[2 * r] = pa * ixx + pb * ixy;
      k[2 * r + 1] = pa * ixy + pb * iyy;
    }
    for (int r = 0; r < 4; r++) {
      s[r] += k[2 * r] * ex + k[2 * r + 1] * ey;
    }
    for (int c = 0; c < 4; c++) {
      rows[c] = p[o + 4 * a + c];
      rows[4 + c] = p[o + 4 * (a + 1) + c];
    }
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        p[o + 4 * r + c] -= k[2 * r] * rows[c] + k[2 * r + 1] * rows[4 + c];
      }
    }
    // Keep it symmetric against rounding.
    for (int r = 0; r < 4; r++) {
      for (int c = r + 1; c < 4; c++) {
        double m = 0.5 * (p[o + 4 * r + c] + p[o + 4 * c + r]);
        p[o + 4 * r + c] = m;
        p[o + 4 * c + r] = m;
      }
    }
  }
}
