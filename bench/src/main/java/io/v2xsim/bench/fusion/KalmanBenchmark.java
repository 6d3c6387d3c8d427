package io.v2xsim.bench.fusion;

import io.v2xsim.core.random.RandomStream;
import io.v2xsim.roadside.fusion.CvKalman;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Kalman cycle of one track (predict 0.1 s, then update with a 2D position measurement with a full
 * covariance): our written-out {@link CvKalman} on primitive arrays against Apache Commons Math's
 * {@link KalmanFilter} with the same constant-velocity model, constructed once in setup and reused (the most
 * favourable way to use it). Measurements come from a ring of 1,024 noisy positions of a target on a straight
 * line, so both filters stay in steady state. Our cycle must allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KalmanBenchmark {
  private static final int RING = 1024;
  private static final double DT = 0.1;
  private static final double Q = 4.0;
  private static final double RXX = 0.16;
  private static final double RXY = 0.02;
  private static final double RYY = 0.25;

  @Param({"ours", "commons-math"})
  public String impl;

  private final double[] zx = new double[RING];
  private final double[] zy = new double[RING];
  private final double[] st = new double[4];
  private final double[] p = new double[10];
  private KalmanFilter filter;
  private final double[] z = new double[2];
  private int k;

  @Setup(Level.Trial)
  public void setUp() {
    RandomStream rng = RandomStream.derive(1, "bench/kalman");
    // Back and forth along a line at 10 m/s, so the ring wraps without a jump.
    for (int i = 0; i < RING; i++) {
      double s = i < RING / 2 ? i * DT * 10 : (RING - i) * DT * 10;
      zx[i] = s + rng.nextGaussian() * 0.4;
      zy[i] = 0.5 * s + rng.nextGaussian() * 0.5;
    }
    st[0] = zx[0];
    st[1] = zy[0];
    p[0] = RXX;
    p[1] = RXY;
    p[4] = RYY;
    p[7] = 100;
    p[9] = 100;
    double q3 = Q * DT * DT * DT / 3;
    double q2 = Q * DT * DT / 2;
    RealMatrix a = new Array2DRowRealMatrix(new double[][] {
        {1, 0, DT, 0}, {0, 1, 0, DT}, {0, 0, 1, 0}, {0, 0, 0, 1}});
    RealMatrix qm = new Array2DRowRealMatrix(new double[][] {
        {q3, 0, q2, 0}, {0, q3, 0, q2}, {q2, 0, Q * DT, 0}, {0, q2, 0, Q * DT}});
    RealMatrix h = new Array2DRowRealMatrix(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}});
    RealMatrix r = new Array2DRowRealMatrix(new double[][] {{RXX, RXY}, {RXY, RYY}});
    RealMatrix p0 = new Array2DRowRealMatrix(new double[][] {
        {RXX, RXY, 0, 0}, {RXY, RYY, 0, 0}, {0, 0, 100, 0}, {0, 0, 0, 100}});
    filter = new KalmanFilter(new DefaultProcessModel(a, null, qm, new ArrayRealVector(st), p0),
        new DefaultMeasurementModel(h, r));
    for (int i = 0; i < 4 * RING; i++) { // steady state, and proof that neither filter fails on the ring
      cycle();
    }
  }

  private double cycle() {
    int i = k++ & (RING - 1);
    if (filter == null || impl.equals("ours")) {
      CvKalman.predict(st, 0, p, 0, DT, Q);
      CvKalman.update(st, 0, p, 0, zx[i], zy[i], RXX, RXY, RYY);
      return st[0];
    }
    filter.predict();
    z[0] = zx[i];
    z[1] = zy[i];
    filter.correct(z);
    return filter.getStateEstimation()[0];
  }

  @Benchmark
  public double predictAndUpdate() {
    return cycle();
  }
}
