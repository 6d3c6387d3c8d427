package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;
import java.util.ArrayList;
import java.util.List;

/**
 * Conflicts between connectors of different junctions: where a path turning back comes within a body's reach of
 * the other, and where two paths cross. netconvert's clustered junctions stand 1-25 m apart, and its dead ends of
 * two streets a few metres from each other; a turnaround at one, which sweeps its rear around, passes over the
 * paths of the next. Within one junction the builder finds such conflicts; between two, drivers of one never
 * looked at the other's traffic (hcmc-small: two dead-end turnarounds 3.7 m apart collided a dozen times in
 * 600 s, and a turnaround swept over the exit of the neighbouring cluster's turn).
 *
 * <p>Each path is taken with the last {@link #APPROACH} m of the lane before it, since the other junction's path
 * may pass over that lane's end, where drivers wait at their line (the two dead ends): a conflict point there has
 * a negative position, metres before the line. Within one junction the setbacks keep lanes clear of its paths.
 *
 * <p>Pairs that follow each other (one's exit lane is the other's entry) are no conflict: car following handles
 * them. The conflicts join each connector's own list, ordered by position along it; right of way between them is
 * the builder's static rule (a turnaround yields to every other movement).
 */
final class NeighbourConflicts {
  /** Metres of the approach lane taken with each path: a car length and a margin. */
  static final double APPROACH = 6.0;
  /** Paths of two junctions closer than this, neither turning back, cross, metres. */
  static final double CROSSING = 0.5;
  /** Largest reach at which two paths conflict (two turnarounds): the margin of the quick box test. */
  private static final double MAX_REACH = NetworkBuilder.TWO_TURNAROUNDS_REACH;

  private NeighbourConflicts() {}

  /** A connector's path with the end of its approach lane before it: shape metres to driving positions. */
  private record Path(Connector c, Polyline line, double back) {
    static Path of(Connector c) {
      Polyline lane = c.from().shape();
      double back = Math.min(APPROACH * c.from().shapeScale(), lane.length());
      if (back < 0.1) {
        return new Path(c, c.shape(), 0);
      }
      Polyline tail = lane.cut(lane.length() - back, lane.length());
      Polyline own = c.shape();
      double[] xs = new double[tail.size() + own.size() - 1];
      double[] ys = new double[xs.length];
      for (int k = 0; k < tail.size(); k++) {
        xs[k] = tail.x(k);
        ys[k] = tail.y(k);
      }
      for (int k = 1; k < own.size(); k++) {
        xs[tail.size() + k - 1] = own.x(k);
        ys[tail.size() + k - 1] = own.y(k);
      }
      return new Path(c, new Polyline(xs, ys), back);
    }

    /** Driving position on the connector of a point {@code s} m along the line; negative on the lane. */
    double position(double s) {
      return s < back ? (s - back) / c.from().shapeScale() : (s - back) / c.shapeScale();
    }
  }

  /** Adds to every connector of {@code links} its conflicts with connectors of other junctions. */
  static void add(List<Link> links) {
    List<Path> all = new ArrayList<>();
    for (Link l : links) {
      if (l instanceof Connector c) {
        all.add(Path.of(c));
      }
    }
    double[][] box = new double[all.size()][];
    List<List<Conflict>> found = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      box[i] = bounds(all.get(i).line());
      found.add(new ArrayList<>());
    }
    // Sweep along x: only paths whose boxes come within reach in x are compared, not every pair.
    Integer[] byX = new Integer[all.size()];
    for (int i = 0; i < byX.length; i++) {
      byX[i] = i;
    }
    java.util.Arrays.sort(byX, (p, q) -> Double.compare(box[p][0], box[q][0]));
    for (int a = 0; a < byX.length; a++) {
      int i = byX[a];
      for (int b = a + 1; b < byX.length && box[byX[b]][0] <= box[i][2] + MAX_REACH; b++) {
        int k = byX[b];
        if (near(box[i], box[k])) {
          compare(all.get(i), all.get(k), found.get(i));
          compare(all.get(k), all.get(i), found.get(k));
        }
      }
    }
    for (int i = 0; i < all.size(); i++) {
      if (!found.get(i).isEmpty()) {
        Connector c = all.get(i).c();
        List<Conflict> cs = new ArrayList<>(c.conflicts());
        cs.addAll(found.get(i));
        cs.sort((p, q) -> Double.compare(p.at(), q.at()));
        c.setConflicts(cs);
      }
    }
  }

  /** Adds to {@code out} the conflicts of path {@code pa} with {@code pb}, if they are of two junctions. */
  private static void compare(Path pa, Path pb, List<Conflict> out) {
    Connector c = pa.c();
    Connector o = pb.c();
    if (o.junction() == c.junction() || c.to() == o.from() || o.to() == c.from()) {
      return;
    }
    boolean cBack = sweeps(c);
    boolean oBack = sweeps(o);
    // A path turning back sweeps its body far beyond the path: within reach of it, the two conflict. Other paths
    // of two junctions conflict only where they cross: near one another they run beside each other as the source
    // lays its lanes (clustered junctions put a 1 m lane beside the next junction's turn), and conflicts there
    // held drivers back for nothing (hcmc-small: a fifth of the trips lost in 600 s, no collision avoided).
    double reach = cBack && oBack ? NetworkBuilder.TWO_TURNAROUNDS_REACH
        : cBack || oBack ? NetworkBuilder.TURNAROUND_REACH : CROSSING;
    zones(pa, pb, reach, cBack || oBack, out);
  }

  /**
   * As the builder's near zones within a junction: the entry, closest point and exit of every stretch of
   * {@code a} within {@code reach} of {@code b} (crossings included), sampled every 0.5 m; with {@code bodies},
   * at least within reach of two bodies at the paths' relative heading.
   */
  private static void zones(Path pa, Path pb, double reach, boolean bodies, List<Conflict> out) {
    Polyline a = pa.line();
    Polyline b = pb.line();
    Connector o = pb.c();
    boolean yields = NetworkBuilder.yieldsStatically(pa.c(), o);
    NearRuns.scan(a, b, (sa, sb, d) -> {
      // Two approach lanes side by side are no conflict: each driver follows its own lane there.
      if (sa < pa.back() && sb < pb.back()) {
        return false;
      }
      return d < (bodies ? Math.max(reach, NetworkBuilder.bodiesReach(a.headingAt(sa) - b.headingAt(sb))) : reach);
    }, (at, atOther) -> out.add(new Conflict(o, pa.position(at), pb.position(atOther), false, yields)));
  }

  /** A path back the way it came: at a dead end, a turnaround, or across a divided road's median. */
  private static boolean sweeps(Connector c) {
    return c.turn() == Turn.UTURN || NetworkBuilder.isTurnaround(c);
  }

  private static double[] bounds(Polyline p) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int k = 0; k < p.size(); k++) {
      b[0] = Math.min(b[0], p.x(k));
      b[1] = Math.min(b[1], p.y(k));
      b[2] = Math.max(b[2], p.x(k));
      b[3] = Math.max(b[3], p.y(k));
    }
    return b;
  }

  private static boolean near(double[] a, double[] b) {
    return a[0] - MAX_REACH <= b[2] && b[0] - MAX_REACH <= a[2] && a[1] - MAX_REACH <= b[3]
        && b[1] - MAX_REACH <= a[3];
  }
}
