package io.v2xsim.roadside.fusion;

import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.sensing.ObjectClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The same tracking rules as {@link Tracker}, assembled the straightforward way from library pieces: objects per
 * track and per detection, brute-force gating over all pairs, JGraphT's
 * {@link KuhnMunkresMinimalWeightBipartitePerfectMatching} on each gated cluster padded to a square, and Apache
 * Commons Math's {@link KalmanFilter} for prediction and update. It exists to check {@link Tracker} (tests
 * compare their outputs) and to measure what the optimized version buys (the JMH benchmark). Not for runs.
 */
public final class ReferenceTracker implements Fusion {
  private static final double FORBIDDEN = 1e9;
  private static final RealMatrix H = new Array2DRowRealMatrix(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}});

  private record Det(int sensor, double time, double ready, double x, double y, double cxx, double cxy,
      double cyy, boolean hasVelocity, double vx, double vy, double vxx, double vxy, double vyy, byte cls) {}

  private static final class Track {
    int id;
    RealVector x;
    RealMatrix p;
    double t;
    int hist;
    int misses;
    boolean confirmed;
    double confirmedAt;
    double lastUpdate;
    final int[] votes = new int[ObjectClass.COUNT];
    boolean hit;
    int mask;
  }

  private final TrackerConfig cfg;
  private final double q;
  private final List<Track> tracks = new ArrayList<>();
  private final List<Det> pending = new ArrayList<>();
  private int nextId = 1;

  public ReferenceTracker(TrackerConfig config) {
    this.cfg = config;
    this.q = config.sigmaAccel() * config.sigmaAccel();
  }

  @Override
  public int trackCount() {
    return tracks.size();
  }

  @Override
  public void ingest(Detections d) {
    for (int i = 0; i < d.count; i++) {
      pending.add(new Det(d.sensorId[i], d.time[i], d.readyTime[i], d.x[i], d.y[i], d.cxx[i], d.cxy[i],
          d.cyy[i], d.hasVelocity[i], d.vx[i], d.vy[i], d.vxx[i], d.vxy[i], d.vyy[i], d.objectClass[i]));
    }
  }

  @Override
  public void step(double now, FusedObjects out) {
    List<List<Det>> scans = new ArrayList<>();
    List<Det> current = null;
    Det prev = null;
    for (Det d : pending) {
      if (d.ready() > now) {
        current = null;
        prev = null;
        continue;
      }
      if (current == null || prev.sensor() != d.sensor() || prev.time() != d.time()) {
        current = new ArrayList<>();
        scans.add(current);
      }
      current.add(d);
      prev = d;
    }
    // List.sort is stable: equal (time, sensor) keep arrival order, as in Tracker.
    scans.sort(Comparator.<List<Det>>comparingDouble(s -> s.get(0).time()).thenComparingInt(s -> s.get(0).sensor()));
    for (List<Det> scan : scans) {
      processScan(scan);
    }
    pending.removeIf(d -> d.ready() <= now);
    manage(now);
    write(now, out);
  }

  private void processScan(List<Det> scan) {
    double time = scan.get(0).time();
    for (Track tr : tracks) {
      if (time > tr.t) {
        predict(tr, time - tr.t);
        tr.t = time;
      }
    }
    int n = tracks.size();
    int m = scan.size();
    double[][] d2 = new double[n][m];
    int[] parent = new int[n + m];
    for (int i = 0; i < n + m; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        d2[i][j] = mahalanobis2(tracks.get(i), scan.get(j));
        if (d2[i][j] <= cfg.gate()) {
          union(parent, i, n + j);
        } else {
          d2[i][j] = Double.NaN;
        }
      }
    }
    boolean[] assigned = new boolean[m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        if (mahalanobis2(tracks.get(i), scan.get(j)) <= cfg.birthGate()) {
          assigned[j] = true; // too close to a track to start a new one; not an update
        }
      }
    }
    boolean[] used = new boolean[m];
    int bit = 1 << (scan.get(0).sensor() & 31);
    List<List<Integer>> clusterTracks = new ArrayList<>();
    List<List<Integer>> clusterDets = new ArrayList<>();
    int[] label = new int[n + m];
    java.util.Arrays.fill(label, -1);
    for (int a = 0; a < n + m; a++) {
      int r = find(parent, a);
      if (label[r] < 0) {
        label[r] = clusterTracks.size();
        clusterTracks.add(new ArrayList<>());
        clusterDets.add(new ArrayList<>());
      }
      if (a < n) {
        clusterTracks.get(label[r]).add(a);
      } else {
        clusterDets.get(label[r]).add(a - n);
      }
    }
    for (int c = 0; c < clusterTracks.size(); c++) {
      List<Integer> rows = clusterTracks.get(c);
      List<Integer> dets = clusterDets.get(c);
      if (rows.isEmpty() || dets.isEmpty()) {
        continue;
      }
      int[] match = solveWithKuhnMunkres(rows, dets, d2, cfg.gate());
      for (int r = 0; r < rows.size(); r++) {
        if (match[r] >= 0) {
          update(tracks.get(rows.get(r)), scan.get(dets.get(match[r])), bit);
          used[dets.get(match[r])] = true;
        }
      }
    }
    for (int j = 0; j < m; j++) {
      if (!assigned[j] && !used[j]) {
        birth(scan.get(j), bit);
      }
    }
  }

  /**
   * The cluster's problem padded to a square for JGraphT: rows are the tracks then one dummy row per detection;
   * columns are the detections then one "miss" column per track. A track takes a gated detection (cost d^2) or
   * its own miss column (cost gate); dummy rows take whatever is left at no cost. Returns the detection index in
   * {@code dets} of each track, or -1.
   */
  static int[] solveWithKuhnMunkres(List<Integer> rows, List<Integer> dets, double[][] d2, double gate) {
    int r = rows.size();
    int c = dets.size();
    int size = r + c;
    Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<Integer> left = new HashSet<>();
    Set<Integer> right = new HashSet<>();
    for (int i = 0; i < size; i++) {
      g.addVertex(i);
      left.add(i);
      g.addVertex(size + i);
      right.add(size + i);
    }
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        double w;
        if (i >= r) {
          w = 0;
        } else if (j < c) {
          double v = d2[rows.get(i)][dets.get(j)];
          w = Double.isNaN(v) ? FORBIDDEN : v;
        } else {
          w = j - c == i ? gate : FORBIDDEN;
        }
        DefaultWeightedEdge e = g.addEdge(i, size + j);
        g.setEdgeWeight(e, w);
      }
    }
    MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
        new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(g, left, right).getMatching();
    int[] out = new int[r];
    java.util.Arrays.fill(out, -1);
    for (DefaultWeightedEdge e : matching.getEdges()) {
      int a = g.getEdgeSource(e);
      int b = g.getEdgeTarget(e);
      int row = Math.min(a, b);
      int col = Math.max(a, b) - size;
      if (row < r && col < c && g.getEdgeWeight(e) < FORBIDDEN) {
        out[row] = col;
      }
    }
    return out;
  }

  private double mahalanobis2(Track tr, Det d) {
    double s00 = tr.p.getEntry(0, 0) + d.cxx();
    double s01 = tr.p.getEntry(0, 1) + d.cxy();
    double s11 = tr.p.getEntry(1, 1) + d.cyy();
    double det = s00 * s11 - s01 * s01;
    double ex = d.x() - tr.x.getEntry(0);
    double ey = d.y() - tr.x.getEntry(1);
    return (s11 * ex * ex - 2 * s01 * ex * ey + s00 * ey * ey) / det;
  }

  private static int find(int[] parent, int a) {
    while (parent[a] != a) {
      a = parent[a];
    }
    return a;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private void predict(Track tr, double dt) {
    RealMatrix a = new Array2DRowRealMatrix(new double[][] {
        {1, 0, dt, 0}, {0, 1, 0, dt}, {0, 0, 1, 0}, {0, 0, 0, 1}});
    double q3 = q * dt * dt * dt / 3;
    double q2 = q * dt * dt / 2;
    double q1 = q * dt;
    RealMatrix qm = new Array2DRowRealMatrix(new double[][] {
        {q3, 0, q2, 0}, {0, q3, 0, q2}, {q2, 0, q1, 0}, {0, q2, 0, q1}});
    KalmanFilter f = new KalmanFilter(new DefaultProcessModel(a, null, qm, tr.x, tr.p),
        new DefaultMeasurementModel(H, new Array2DRowRealMatrix(new double[][] {{1, 0}, {0, 1}})));
    f.predict();
    tr.x = f.getStateEstimationVector();
    tr.p = symmetric(f.getErrorCovarianceMatrix());
  }

  private static void update(Track tr, Det d, int bit) {
    RealMatrix identity = new Array2DRowRealMatrix(new double[][] {
        {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
    RealMatrix r = new Array2DRowRealMatrix(new double[][] {{d.cxx(), d.cxy()}, {d.cxy(), d.cyy()}});
    KalmanFilter f = new KalmanFilter(
        new DefaultProcessModel(identity, null, new Array2DRowRealMatrix(4, 4), tr.x, tr.p),
        new DefaultMeasurementModel(H, r));
    f.correct(new ArrayRealVector(new double[] {d.x(), d.y()}));
    tr.x = f.getStateEstimationVector();
    tr.p = symmetric(f.getErrorCovarianceMatrix());
    tr.hit = true;
    tr.lastUpdate = d.time();
    tr.mask |= bit;
    tr.votes[(d.cls() & 0xff) % ObjectClass.COUNT]++;
  }

  /** Commons Math's Cholesky step rejects matrices asymmetric beyond 1e-15 relative; (I - KH)P drifts. */
  private static RealMatrix symmetric(RealMatrix p) {
    return p.add(p.transpose()).scalarMultiply(0.5);
  }

  private void birth(Det d, int bit) {
    Track tr = new Track();
    tr.id = nextId++;
    double v = cfg.initialSpeedSigma() * cfg.initialSpeedSigma();
    tr.x = new ArrayRealVector(new double[] {d.x(), d.y(), d.hasVelocity() ? d.vx() : 0,
        d.hasVelocity() ? d.vy() : 0});
    tr.p = new Array2DRowRealMatrix(new double[][] {
        {d.cxx(), d.cxy(), 0, 0},
        {d.cxy(), d.cyy(), 0, 0},
        {0, 0, d.hasVelocity() ? d.vxx() : v, d.hasVelocity() ? d.vxy() : 0},
        {0, 0, d.hasVelocity() ? d.vxy() : 0, d.hasVelocity() ? d.vyy() : v}});
    tr.t = d.time();
    tr.lastUpdate = d.time();
    tr.votes[(d.cls() & 0xff) % ObjectClass.COUNT] = 1;
    tr.hit = true;
    tr.mask = bit;
    tracks.add(tr);
  }

  private void manage(double now) {
    int windowMask = (1 << cfg.confirmWindow()) - 1;
    tracks.removeIf(tr -> {
      tr.hist = ((tr.hist << 1) | (tr.hit ? 1 : 0)) & windowMask;
      tr.misses = tr.hit ? 0 : tr.misses + 1;
      if (!tr.confirmed && Integer.bitCount(tr.hist) >= cfg.confirmHits()) {
        tr.confirmed = true;
        tr.confirmedAt = now;
      }
      boolean dead = tr.confirmed ? tr.misses >= cfg.deleteMisses() : tr.misses >= cfg.tentativeMisses();
      return dead || tr.p.getEntry(0, 0) + tr.p.getEntry(1, 1) > 2 * cfg.maxPositionVariance();
    });
  }

  private void write(double now, FusedObjects out) {
    out.clear();
    for (Track tr : tracks) {
      boolean wasHit = tr.hit;
      tr.hit = false;
      int mask = tr.mask;
      tr.mask = 0;
      if (!tr.confirmed) {
        continue;
      }
      int o = out.next();
      out.trackId[o] = tr.id;
      int best = 0;
      int total = 0;
      for (int c = 0; c < ObjectClass.COUNT; c++) {
        total += tr.votes[c];
        if (tr.votes[c] > tr.votes[best]) {
          best = c;
        }
      }
      out.objectClass[o] = (byte) best;
      out.classConfidence[o] = total == 0 ? 0 : tr.votes[best] / (double) total;
      out.time[o] = tr.t;
      out.x[o] = tr.x.getEntry(0);
      out.y[o] = tr.x.getEntry(1);
      out.vx[o] = tr.x.getEntry(2);
      out.vy[o] = tr.x.getEntry(3);
      int k = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = i; j < 4; j++) {
          out.cov[10 * o + k++] = tr.p.getEntry(i, j);
        }
      }
      out.existence[o] = Integer.bitCount(tr.hist) / (double) cfg.confirmWindow();
      out.age[o] = now - tr.confirmedAt;
      out.lastUpdate[o] = tr.lastUpdate;
      out.sensorMask[o] = wasHit ? mask : 0;
    }
  }
}
