package io.v2xsim.roadside.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.v2xsim.core.random.RandomStream;
import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class CvKalmanTest {
  @Test
  void predictAndUpdateAgreeWithCommonsMath() {
    RandomStream rng = RandomStream.derive(1, "kalman");
    for (int c = 0; c < 500; c++) {
      double[][] a = new double[4][4];
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          a[i][j] = rng.nextGaussian();
        }
      }
      RealMatrix am = new Array2DRowRealMatrix(a);
      RealMatrix p0 = am.multiply(am.transpose()).add(new Array2DRowRealMatrix(4, 4).scalarAdd(0)
          .add(org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(4).scalarMultiply(0.5)));
      double[] x = {rng.nextGaussian() * 50, rng.nextGaussian() * 50, rng.nextGaussian() * 10,
          rng.nextGaussian() * 10};
      double dt = 0.01 + rng.nextDouble() * 0.5;
      double q = rng.nextDouble() * 4;
      double sa = 0.1 + rng.nextDouble() * 2;
      double sb = 0.1 + rng.nextDouble() * 2;
      double rho = rng.nextDouble() * 1.8 - 0.9;
      double rxx = sa * sa;
      double ryy = sb * sb;
      double rxy = rho * sa * sb;
      double zx = x[0] + rng.nextGaussian() * 3;
      double zy = x[1] + rng.nextGaussian() * 3;

      double[] st = x.clone();
      double[] p = new double[10];
      int k = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = i; j < 4; j++) {
          p[k++] = p0.getEntry(i, j);
        }
      }
      CvKalman.predict(st, 0, p, 0, dt, q);
      double d2 = CvKalman.mahalanobis2(st, 0, p, 0, zx, zy, rxx, rxy, ryy);
      CvKalman.update(st, 0, p, 0, zx, zy, rxx, rxy, ryy);

      RealMatrix f = new Array2DRowRealMatrix(new double[][] {
          {1, 0, dt, 0}, {0, 1, 0, dt}, {0, 0, 1, 0}, {0, 0, 0, 1}});
      double q3 = q * dt * dt * dt / 3;
      double q2 = q * dt * dt / 2;
      RealMatrix qm = new Array2DRowRealMatrix(new double[][] {
          {q3, 0, q2, 0}, {0, q3, 0, q2}, {q2, 0, q * dt, 0}, {0, q2, 0, q * dt}});
      RealMatrix h = new Array2DRowRealMatrix(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}});
      RealMatrix r = new Array2DRowRealMatrix(new double[][] {{rxx, rxy}, {rxy, ryy}});
      KalmanFilter kf = new KalmanFilter(new DefaultProcessModel(f, null, qm, new ArrayRealVector(x), p0),
          new DefaultMeasurementModel(h, r));
      kf.predict();
      RealMatrix pp = kf.getErrorCovarianceMatrix();
      RealMatrix s = h.multiply(pp).multiply(h.transpose()).add(r);
      org.apache.commons.math3.linear.RealVector innov = new ArrayRealVector(new double[] {zx, zy})
          .subtract(h.operate(kf.getStateEstimationVector()));
      double refD2 = new org.apache.commons.math3.linear.LUDecomposition(s).getSolver().getInverse()
          .operate(innov).dotProduct(innov);
      assertEquals(refD2, d2, 1e-9 * Math.max(1, refD2));
      // Commons Math refuses to factor an S that is asymmetric by one ulp, which its (F P F^T) can be: restart
      // the filter from the symmetrized prediction (as ReferenceTracker does) before the correction.
      RealMatrix ppSym = pp.add(pp.transpose()).scalarMultiply(0.5);
      kf = new KalmanFilter(new DefaultProcessModel(org.apache.commons.math3.linear.MatrixUtils
          .createRealIdentityMatrix(4), null, new Array2DRowRealMatrix(4, 4), kf.getStateEstimationVector(),
          ppSym), new DefaultMeasurementModel(h, r));
      kf.correct(new double[] {zx, zy});
      double[] rx = kf.getStateEstimation();
      double[][] rp = kf.getErrorCovariance();
      for (int i = 0; i < 4; i++) {
        assertEquals(rx[i], st[i], 1e-9 * Math.max(1, Math.abs(rx[i])), "state " + i + " case " + c);
      }
      k = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = i; j < 4; j++) {
          assertEquals(rp[i][j], p[k], 1e-9 * Math.max(1, Math.abs(rp[i][j])), "P" + i + j + " case " + c);
          k++;
        }
      }
    }
  }
}
