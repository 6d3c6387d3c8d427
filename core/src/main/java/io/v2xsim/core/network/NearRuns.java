package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;

/**
 * The stretches of one path that pass near another: sampled every 0.5 m along {@code a}, each sample's nearest
 * point on {@code b} and its distance; a caller's test says which samples are near. Each stretch of near samples
 * gives its entry, its closest point (if it lies more than 0.25 m inside the stretch) and its exit (if the
 * stretch is longer than 0.25 m), as positions along both paths. O(n * m) for n samples and m points of b.
 * Shared by the conflicts within a junction ({@link NetworkBuilder}) and between neighbouring junctions
 * ({@link NeighbourConflicts}).
 */
final class NearRuns {
  /** Whether the sample at {@code sa} along a, nearest to {@code sb} along b at distance {@code d}, is near. */
  interface Near {
    boolean test(double sa, double sb, double d);
  }

  /** A conflict point: {@code at} along a, {@code atOther} along b. */
  interface Point {
    void add(double at, double atOther);
  }

  private NearRuns() {}

  static void scan(Polyline a, Polyline b, Near near, Point out) {
    double[] proj = new double[2];
    int n = Math.max(1, (int) Math.ceil(a.length() / 0.5));
    double entry = -1;
    double entryOther = 0;
    double best = Double.POSITIVE_INFINITY;
    double bestAt = 0;
    double bestOther = 0;
    double lastAt = 0;
    double lastOther = 0;
    for (int i = 0; i <= n + 1; i++) {
      boolean isNear = false;
      double sa = a.length() * Math.min(i, n) / n;
      double d = Double.POSITIVE_INFINITY;
      if (i <= n) {
        d = NetworkBuilder.gap(a, sa, b, proj);
        isNear = near.test(sa, proj[0], d);
      }
      if (isNear) {
        if (entry < 0) {
          entry = sa;
          entryOther = proj[0];
          best = Double.POSITIVE_INFINITY;
        }
        if (d < best) {
          best = d;
          bestAt = sa;
          bestOther = proj[0];
        }
        lastAt = sa;
        lastOther = proj[0];
      } else if (entry >= 0) {
        out.add(entry, entryOther);
        if (bestAt > entry + 0.25 && bestAt < lastAt - 0.25) {
          out.add(bestAt, bestOther);
        }
        if (lastAt > entry + 0.25) {
          out.add(lastAt, lastOther);
        }
        entry = -1;
      }
    }
  }
}
