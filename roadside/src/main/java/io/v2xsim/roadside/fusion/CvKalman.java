package io.v2xsim.roadside.fusion;

/**
 * Constant-velocity Kalman filter over state (x, y, vx, vy), with the 4x4 algebra written out so that the hot
 * loop touches only primitive arrays. State is 4 doubles at {@code xo}; the symmetric covariance is its upper
 * triangle, 10 doubles at {@code po}, row-major: p00 p01 p02 p03 p11 p12 p13 p22 p23 p33 (the wire's order).
 *
 * <p>Process noise is continuous white acceleration of spectral density q = sigmaAccel^2 on each axis
 * (Bar-Shalom, Li and Kirubarajan, "Estimation with Applications to Tracking and Navigation", 2001, sec. 6.2.2):
 * Q = q [dt^3/3, dt^2/2; dt^2/2, dt] per axis. Measurements are positions, H = [I 0], with a full 2x2
 * covariance. The update uses P - K S K^T, computed on the upper triangle only, so P stays exactly symmetric.
 */
public final class CvKalman {
  private CvKalman() {}

  public static void predict(double[] x, int xo, double[] p, int po, double dt, double q) {
    if (dt == 0) {
      return;
    }
    x[xo] += dt * x[xo + 2];
    x[xo + 1] += dt * x[xo + 3];
    double a00 = p[po];
    double a01 = p[po + 1];
    double a02 = p[po + 2];
    double a03 = p[po + 3];
    double a11 = p[po + 4];
    double a12 = p[po + 5];
    double a13 = p[po + 6];
    double a22 = p[po + 7];
    double a23 = p[po + 8];
    double a33 = p[po + 9];
    double dt2 = dt * dt;
    double q3 = q * dt2 * dt / 3;
    double q2 = q * dt2 / 2;
    double q1 = q * dt;
    p[po] = a00 + 2 * dt * a02 + dt2 * a22 + q3;
    p[po + 1] = a01 + dt * (a03 + a12) + dt2 * a23;
    p[po + 2] = a02 + dt * a22 + q2;
    p[po + 3] = a03 + dt * a23;
    p[po + 4] = a11 + 2 * dt * a13 + dt2 * a33 + q3;
    p[po + 5] = a12 + dt * a23;
    p[po + 6] = a13 + dt * a33 + q2;
    p[po + 7] = a22 + q1;
    // p23 unchanged
    p[po + 9] = a33 + q1;
  }

  /** Squared Mahalanobis distance of measurement z (covariance r) from the predicted position. */
  public static double mahalanobis2(double[] x, int xo, double[] p, int po, double zx, double zy, double rxx,
      double rxy, double ryy) {
    double s00 = p[po] + rxx;
    double s01 = p[po + 1] + rxy;
    double s11 = p[po + 4] + ryy;
    double det = s00 * s11 - s01 * s01;
    double ex = zx - x[xo];
    double ey = zy - x[xo + 1];
    return (s11 * ex * ex - 2 * s01 * ex * ey + s00 * ey * ey) / det;
  }

  public static void update(double[] x, int xo, double[] p, int po, double zx, double zy, double rxx, double rxy,
      double ryy) {
    double a00 = p[po];
    double a01 = p[po + 1];
    double a02 = p[po + 2];
    double a03 = p[po + 3];
    double a11 = p[po + 4];
    double a12 = p[po + 5];
    double a13 = p[po + 6];
    double a22 = p[po + 7];
    double a23 = p[po + 8];
    double a33 = p[po + 9];
    double s00 = a00 + rxx;
    double s01 = a01 + rxy;
    double s11 = a11 + ryy;
    double det = s00 * s11 - s01 * s01;
    double i00 = s11 / det;
    double i01 = -s01 / det;
    double i11 = s00 / det;
    // P H^T: column k of it is (a_k0, a_k1) for state row k.
    double c00 = a00;
    double c01 = a01;
    double c10 = a01;
    double c11 = a11;
    double c20 = a02;
    double c21 = a12;
    double c30 = a03;
    double c31 = a13;
    // K = P H^T S^-1.
    double k00 = c00 * i00 + c01 * i01;
    double k01 = c00 * i01 + c01 * i11;
    double k10 = c10 * i00 + c11 * i01;
    double k11 = c10 * i01 + c11 * i11;
    double k20 = c20 * i00 + c21 * i01;
    double k21 = c20 * i01 + c21 * i11;
    double k30 = c30 * i00 + c31 * i01;
    double k31 = c30 * i01 + c31 * i11;
    double ex = zx - x[xo];
    double ey = zy - x[xo + 1];
    x[xo] += k00 * ex + k01 * ey;
    x[xo + 1] += k10 * ex + k11 * ey;
    x[xo + 2] += k20 * ex + k21 * ey;
    x[xo + 3] += k30 * ex + k31 * ey;
    // P - K (H P) where H P row j = (c0j, c1j, c2j, c3j) transposed: (K H P)_kl = k_k0 c_l0 + k_k1 c_l1.
    p[po] = a00 - (k00 * c00 + k01 * c01);
    p[po + 1] = a01 - (k00 * c10 + k01 * c11);
    p[po + 2] = a02 - (k00 * c20 + k01 * c21);
    p[po + 3] = a03 - (k00 * c30 + k01 * c31);
    p[po + 4] = a11 - (k10 * c10 + k11 * c11);
    p[po + 5] = a12 - (k10 * c20 + k11 * c21);
    p[po + 6] = a13 - (k10 * c30 + k11 * c31);
    p[po + 7] = a22 - (k20 * c20 + k21 * c21);
    p[po + 8] = a23 - (k20 * c30 + k21 * c31);
    p[po + 9] = a33 - (k30 * c30 + k31 * c31);
  }
}
