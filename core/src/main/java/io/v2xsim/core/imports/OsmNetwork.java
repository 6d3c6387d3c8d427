package io.v2xsim.core.imports;

import io.v2xsim.core.collections.LongIntMap;
import io.v2xsim.core.imports.OsmReader.Data;
import io.v2xsim.core.imports.OsmReader.Pos;
import io.v2xsim.core.imports.OsmReader.Way;
import io.v2xsim.core.imports.OsmTags.Direction;
import io.v2xsim.core.network.Turn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the kept OSM ways into a {@link NetworkDraft}.
 *
 * <ol>
 *   <li>Projection: local equirectangular around the centre of the file's {@code <bounds>} (or of the nodes used,
 *       without bounds): x = R (lon - lon0) cos(lat0), y = R (lat - lat0), R = 6,371,008.8 m (the IUGG mean Earth
 *       radius), east and north in metres. Over a 10 km extract its scale error stays below 0.1% at mid latitudes.
 *   <li>Every way is cut into one-way segments per direction of travel ({@link OsmTags#directions}).
 *   <li>A node is a junction when it is a signal, or does not join exactly two neighbours, or the traffic through it
 *       changes (lanes, speed, class, a turn:lanes at the end of a way, or not every way in has one way on). The
 *       other nodes are shape points of a road.
 *   <li>Junctions are joined into one: those within {@value #JOIN} m of each other (netconvert's
 *       junctions.join-dist default), signals within {@value #SIGNAL_JOIN} m of each other or of a crossing (signal
 *       nodes a few metres apart on the carriageways of a dual road, or mapped at the stop lines before the
 *       crossing node, are one signalized junction), and then, until none is left, the two ends of any road that
 *       would be too short for our junction geometry (junction areas reach lanes x width + 1.5 m from the node;
 *       a road needs 5 m outside them).
 * </ol>
 */
final class OsmNetwork {
  static final double EARTH_RADIUS = 6_371_008.8;
  static final double JOIN = 10.0;
  static final double SIGNAL_JOIN = 20.0;
  /** Metres a road keeps outside both junction areas: the builder's 5 m and a margin for rounding. */
  private static final double MIN_FREE = 6.0;
  private static final double JUNCTION_MARGIN = 1.5;

  private record Seg(int from, int to, int dir, boolean wayEnd) {}

  private record Dir(Direction d, Way way) {
    boolean sameTraffic(Dir o) {
      return d.lanes() == o.d.lanes() && d.speed() == o.d.speed() && d.rank() == o.d.rank();
    }
  }

  /** A road between two junction nodes (dense node indices), through its shape nodes. */
  private record Raw(int from, int to, Dir dir, List<Integer> shape, boolean turnLanesAtEnd) {}

  private final Data data;
  private final String file;
  private final List<String> notes;
  private final List<Dir> dirs = new ArrayList<>();
  private final List<Seg> segs = new ArrayList<>();
  private final Map<Integer, List<Integer>> outs = new LinkedHashMap<>();
  private final Map<Integer, List<Integer>> ins = new HashMap<>();
  private double lat0;
  private double lon0;
  private double cosLat0;

  private OsmNetwork(Data data, String file, List<String> notes) {
    this.data = data;
    this.file = file;
    this.notes = notes;
  }

  static NetworkDraft build(Data data, String file, List<String> notes) {
    return new OsmNetwork(data, file, notes).draft();
  }

  private double x(int n) {
    return EARTH_RADIUS * Math.toRadians(data.lon()[n] - lon0) * cosLat0;
  }

  private double y(int n) {
    return EARTH_RADIUS * Math.toRadians(data.lat()[n] - lat0);
  }

  private void note(String kind, String detail) {
    notes.add(kind + ": " + detail);
  }

  private NetworkDraft draft() {
    segments();
    if (segs.isEmpty()) {
      throw new ImportException(file, 0, "no roads for motor traffic: no way has a highway tag among "
          + "motorway..residential, *_link, unclassified, living_street");
    }
    centre();
    Set<Integer> junctions = junctionNodes();
    List<Raw> raws = roads(junctions);
    // Dense index of every junction node, in order of first appearance.
    List<Integer> jn = new ArrayList<>(junctions);
    LongIntMap dense = new LongIntMap();
    for (int k = 0; k < jn.size(); k++) {
      dense.put(jn.get(k), k);
    }
    int[] parent = new int[jn.size()];
    for (int k = 0; k < parent.length; k++) {
      parent[k] = k;
    }
    joinNear(jn, parent);
    // Join the ends of roads too short for junction geometry until every road fits.
    for (int pass = 0; pass < 1000; pass++) {
      Clusters c = clusters(jn, parent, raws, dense);
      boolean changed = false;
      for (Raw r : raws) {
        int a = find(parent, dense.get(r.from()));
        int b = find(parent, dense.get(r.to()));
        if (a == b) {
          continue;
        }
        double[][] pts = trimmed(r, c, a, b);
        if (length(pts) - c.radius(a) - c.radius(b) < MIN_FREE) {
          union(parent, a, b);
          changed = true;
        }
      }
      if (!changed) {
        return emit(jn, parent, raws, dense, c);
      }
    }
    throw new ImportException(file, 0, "junctions could not be joined into a network whose roads all fit");
  }

  private void segments() {
    Set<Long> seen = new HashSet<>(); // membership only: order comes from the ways
    int duplicates = 0;
    for (Way w : data.ways()) {
      int[] idx = new int[w.refs().length];
      int n = 0;
      for (int k = 0; k < w.refs().length; k++) {
        int i = data.node(w.refs()[k]);
        if (i == LongIntMap.ABSENT) {
          Pos p = w.refPos()[k];
          throw new ImportException(file, p.line(), p.column(), "way " + w.id() + " refers to node " + w.refs()[k]
              + ", which is not in the file");
        }
        if (n == 0 || idx[n - 1] != i) {
          idx[n++] = i;
        }
      }
      if (n < 2) {
        note("ways skipped", "way " + w.id() + " (all its nodes are one node)");
        continue;
      }
      for (Direction d : OsmTags.directions(w, file, notes::add)) {
        int dir = dirs.size();
        dirs.add(new Dir(d, w));
        for (int k = 0; k + 1 < n; k++) {
          int a = d.forward() ? idx[k] : idx[n - 1 - k];
          int b = d.forward() ? idx[k + 1] : idx[n - 2 - k];
          if (!seen.add(((long) a << 32) | b)) {
            duplicates++;
            continue;
          }
          int s = segs.size();
          segs.add(new Seg(a, b, dir, k + 2 == n));
          outs.computeIfAbsent(a, z -> new ArrayList<>()).add(s);
          outs.computeIfAbsent(b, z -> new ArrayList<>());
          ins.computeIfAbsent(b, z -> new ArrayList<>()).add(s);
        }
      }
    }
    if (duplicates > 0) {
      note("overlapping ways", duplicates + " segment(s) drawn twice (two ways over the same nodes) kept once");
    }
  }

  private void centre() {
    double[] b = data.bounds();
    if (b == null) {
      b = new double[] {90, 180, -90, -180};
      for (int n : outs.keySet()) {
        b[0] = Math.min(b[0], data.lat()[n]);
        b[1] = Math.min(b[1], data.lon()[n]);
        b[2] = Math.max(b[2], data.lat()[n]);
        b[3] = Math.max(b[3], data.lon()[n]);
      }
    }
    lat0 = (b[0] + b[2]) / 2;
    lon0 = (b[1] + b[3]) / 2;
    cosLat0 = Math.cos(Math.toRadians(lat0));
  }

  private Set<Integer> junctionNodes() {
    Set<Integer> junctions = new LinkedHashSet<>();
    for (Map.Entry<Integer, List<Integer>> e : outs.entrySet()) {
      int n = e.getKey();
      if (data.signals().get(n) || !passThrough(n, e.getValue(), ins.getOrDefault(n, List.of()))) {
        junctions.add(n);
      }
    }
    return junctions;
  }

  /** Whether every way into {@code n} continues on exactly one way with the same traffic, and n has two neighbours. */
  private boolean passThrough(int n, List<Integer> out, List<Integer> in) {
    Set<Integer> neighbours = new HashSet<>();
    out.forEach(s -> neighbours.add(segs.get(s).to()));
    in.forEach(s -> neighbours.add(segs.get(s).from()));
    if (neighbours.size() != 2 || out.size() != in.size() || out.isEmpty()) {
      return false;
    }
    for (int si : in) {
      Seg s = segs.get(si);
      Dir d = dirs.get(s.dir());
      if (s.wayEnd() && d.d().turnLanes() != null) {
        return false;
      }
      int on = 0;
      for (int oi : out) {
        Seg o = segs.get(oi);
        if (o.to() != s.from()) {
          if (!dirs.get(o.dir()).sameTraffic(d)) {
            return false;
          }
          on++;
        }
      }
      if (on != 1) {
        return false;
      }
    }
    return true;
  }

  private List<Raw> roads(Set<Integer> junctions) {
    List<Raw> raws = new ArrayList<>();
    int closedLoops = 0;
    for (int j : junctions) {
      for (int first : outs.get(j)) {
        Seg s = segs.get(first);
        List<Integer> shape = new ArrayList<>();
        int steps = 0;
        while (!junctions.contains(s.to()) && steps++ < segs.size()) {
          shape.add(s.to());
          Seg prev = s;
          for (int oi : outs.get(s.to())) {
            if (segs.get(oi).to() != prev.from()) {
              s = segs.get(oi);
              break;
            }
          }
        }
        if (s.to() == j) {
          closedLoops++;
        }
        Dir last = dirs.get(s.dir());
        raws.add(new Raw(j, s.to(), dirs.get(segs.get(first).dir()), shape, s.wayEnd() && last.d().turnLanes() != null));
      }
    }
    if (closedLoops > 0) {
      note("roads dropped", closedLoops + " road(s) that leave a junction and come back to it (a loop) left out");
    }
    return raws;
  }

  /** Joins junction nodes close together (see the class comment). */
  private void joinNear(List<Integer> jn, int[] parent) {
    Map<Long, List<Integer>> cells = new HashMap<>(); // lookups only; pairs are visited in junction order
    for (int k = 0; k < jn.size(); k++) {
      cells.computeIfAbsent(cell(jn.get(k), 0, 0), z -> new ArrayList<>()).add(k);
    }
    for (int k = 0; k < jn.size(); k++) {
      int a = jn.get(k);
      boolean sa = data.signals().get(a);
      for (int dx = -1; dx <= 1; dx++) {
        for (int dy = -1; dy <= 1; dy++) {
          for (int m : cells.getOrDefault(cell(a, dx, dy), List.of())) {
            if (m <= k) {
              continue;
            }
            int b = jn.get(m);
            boolean sb = data.signals().get(b);
            double d = Math.hypot(x(a) - x(b), y(a) - y(b));
            boolean crossing = (sa && (sb || degree(b) >= 3)) || (sb && degree(a) >= 3);
            if (d < JOIN || (crossing && d < SIGNAL_JOIN)) {
              union(parent, k, m);
            }
          }
        }
      }
    }
  }

  private int degree(int n) {
    Set<Integer> neighbours = new HashSet<>();
    outs.getOrDefault(n, List.of()).forEach(s -> neighbours.add(segs.get(s).to()));
    ins.getOrDefault(n, List.of()).forEach(s -> neighbours.add(segs.get(s).from()));
    return neighbours.size();
  }

  private long cell(int n, int dx, int dy) {
    long cx = (long) Math.floor(x(n) / SIGNAL_JOIN) + dx;
    long cy = (long) Math.floor(y(n) / SIGNAL_JOIN) + dy;
    return (cx << 32) ^ (cy & 0xffffffffL);
  }

  private static int find(int[] parent, int k) {
    while (parent[k] != k) {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
    return k;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb); // the earlier junction names the cluster
    }
  }

  /** Centroid and junction-area radius of each cluster (indexed by its root). */
  private record Clusters(double[] x, double[] y, double[] radius, boolean[] boundary) {
    double radius(int root) {
      return boundary[root] ? 0 : radius[root];
    }
  }

  private Clusters clusters(List<Integer> jn, int[] parent, List<Raw> raws, LongIntMap dense) {
    int n = jn.size();
    double[] x = new double[n];
    double[] y = new double[n];
    int[] count = new int[n];
    for (int k = 0; k < n; k++) {
      int r = find(parent, k);
      x[r] += x(jn.get(k));
      y[r] += y(jn.get(k));
      count[r]++;
    }
    for (int k = 0; k < n; k++) {
      if (count[k] > 0) {
        x[k] /= count[k];
        y[k] /= count[k];
      }
    }
    double[] radius = new double[n];
    int[] in = new int[n];
    int[] out = new int[n];
    Map<Integer, Set<Integer>> neighbours = new HashMap<>();
    for (Raw r : raws) {
      int a = find(parent, dense.get(r.from()));
      int b = find(parent, dense.get(r.to()));
      if (a == b) {
        continue;
      }
      double width = r.dir().d().lanes() * OsmTags.LANE_WIDTH + JUNCTION_MARGIN;
      radius[a] = Math.max(radius[a], width);
      radius[b] = Math.max(radius[b], width);
      out[a]++;
      in[b]++;
      neighbours.computeIfAbsent(a, z -> new HashSet<>()).add(b);
      neighbours.computeIfAbsent(b, z -> new HashSet<>()).add(a);
    }
    boolean[] boundary = new boolean[n];
    for (int k = 0; k < n; k++) {
      boundary[k] = in[k] == 0 || out[k] == 0 || neighbours.getOrDefault(k, Set.of()).size() <= 1;
    }
    return new Clusters(x, y, radius, boundary);
  }

  /**
   * The road's points from cluster centre to cluster centre, without the shape points inside either junction
   * area (they would fold the road back on itself where nodes were joined) and without points closer than 0.5 m.
   */
  private double[][] trimmed(Raw r, Clusters c, int a, int b) {
    List<double[]> pts = new ArrayList<>();
    pts.add(new double[] {c.x()[a], c.y()[a]});
    List<double[]> mid = new ArrayList<>();
    for (int n : r.shape()) {
      mid.add(new double[] {x(n), y(n)});
    }
    int lo = 0;
    while (lo < mid.size() && dist(mid.get(lo), c.x()[a], c.y()[a]) < c.radius(a)) {
      lo++;
    }
    int hi = mid.size();
    while (hi > lo && dist(mid.get(hi - 1), c.x()[b], c.y()[b]) < c.radius(b)) {
      hi--;
    }
    for (double[] p : mid.subList(lo, hi)) {
      if (dist(p, pts.get(pts.size() - 1)[0], pts.get(pts.size() - 1)[1]) >= 0.5) {
        pts.add(p);
      }
    }
    double[] end = {c.x()[b], c.y()[b]};
    while (pts.size() > 1 && dist(pts.get(pts.size() - 1), end[0], end[1]) < 0.5) {
      pts.remove(pts.size() - 1);
    }
    pts.add(end);
    return pts.toArray(new double[0][]);
  }

  private static List<double[]> inner(double[][] pts) {
    List<double[]> shape = new ArrayList<>();
    for (int i = 1; i < pts.length - 1; i++) {
      shape.add(pts[i]);
    }
    return shape;
  }

  private static double[] unit(double[] a, double[] b) {
    double l = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return l < 1e-9 ? new double[] {1, 0} : new double[] {(b[0] - a[0]) / l, (b[1] - a[1]) / l};
  }

  private static double dist(double[] p, double x, double y) {
    return Math.hypot(p[0] - x, p[1] - y);
  }

  private static double length(double[][] pts) {
    double l = 0;
    for (int k = 1; k < pts.length; k++) {
      l += Math.hypot(pts[k][0] - pts[k - 1][0], pts[k][1] - pts[k - 1][1]);
    }
    return l;
  }

  private NetworkDraft emit(List<Integer> jn, int[] parent, List<Raw> raws, LongIntMap dense, Clusters c) {
    NetworkDraft draft = new NetworkDraft(file);
    // Name each cluster after its smallest OSM node id, so names do not depend on the order of the file.
    Map<Integer, Long> name = new HashMap<>();
    Map<Integer, Boolean> signal = new HashMap<>();
    for (int k = 0; k < jn.size(); k++) {
      int r = find(parent, k);
      long id = data.ids()[jn.get(k)];
      name.merge(r, id, Math::min);
      signal.merge(r, data.signals().get(jn.get(k)), Boolean::logicalOr);
    }
    // Clusters in use, in order of their first road.
    Set<Integer> used = new LinkedHashSet<>();
    for (Raw r : raws) {
      int a = find(parent, dense.get(r.from()));
      int b = find(parent, dense.get(r.to()));
      if (a != b) {
        used.add(a);
        used.add(b);
      }
    }
    int signalsAtFringe = 0;
    for (int k : used) {
      boolean sig = signal.get(k);
      if (sig && c.boundary()[k]) {
        signalsAtFringe++;
      }
      String type = c.boundary()[k] ? "boundary" : sig ? "signalized" : null;
      draft.add(new NetworkDraft.Node("n" + name.get(k), c.x()[k], c.y()[k], type, 0));
    }
    if (signalsAtFringe > 0) {
      note("signals dropped", signalsAtFringe + " signal(s) at a dead end or the edge of the extract");
    }
    int unused = 0;
    for (int n = data.signals().nextSetBit(0); n >= 0; n = data.signals().nextSetBit(n + 1)) {
      if (!outs.containsKey(n)) {
        unused++;
      }
    }
    if (unused > 0) {
      note("signals dropped", unused + " traffic_signals node(s) on no road for motor traffic (footways, service "
          + "roads)");
    }
    Map<String, Integer> seq = new HashMap<>();
    Set<Long> pairs = new HashSet<>();
    Map<String, List<String>> outgoing = new HashMap<>();
    Map<String, Raw> rawOf = new LinkedHashMap<>();
    int inside = 0;
    List<Pending> pending = new ArrayList<>();
    for (Raw r : raws) {
      int a = find(parent, dense.get(r.from()));
      int b = find(parent, dense.get(r.to()));
      if (a == b) {
        inside++;
        continue;
      }
      Way w = r.dir().way();
      if (!pairs.add(((long) a << 32) | b)) {
        note("roads dropped", "way " + w.id() + " runs between the same two junctions as an earlier road in the "
            + "same direction");
        continue;
      }
      String base = "w" + w.id() + (r.dir().d().forward() ? "f" : "b");
      int k = seq.merge(base, 1, Integer::sum) - 1;
      pending.add(new Pending(base + k, a, b, trimmed(r, c, a, b), r));
    }
    List<Pending> unbent = new ArrayList<>(pending);
    splay(pending, c);
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      // A road splay bent keeps its bend as it is (it is placed to clear the wide road's lanes).
      double[][] pts = rounded(p.pts(), p == unbent.get(i) ? 1 : 2);
      Direction d = p.raw().dir().d();
      Way w = p.raw().dir().way();
      // Lanes lie right of the way's line, one-way ways too (not centred on it): the carriageways of a dual road are
      // often mapped closer together than their width, and centring them made their lanes overlap.
      draft.add(new NetworkDraft.Road(p.id(), "n" + name.get(p.from()), "n" + name.get(p.to()), d.lanes(),
          OsmTags.LANE_WIDTH, d.speed(), inner(pts), w.pos().line(), d.rank(), w.pos().column()));
      outgoing.computeIfAbsent("n" + name.get(p.from()), z -> new ArrayList<>()).add(p.id());
      rawOf.put(p.id(), p.raw());
    }
    if (inside > 0) {
      note("roads dropped", inside + " road piece(s) inside joined junctions");
    }
    turnLanes(draft, rawOf, outgoing);
    return draft;
  }

  /** Turns at a shape point sharper than this are rounded ({@link #rounded}). */
  private static final double ROUND_ANGLE = Math.toRadians(30);
  /** Radius of the arc a sharp shape point is rounded to, metres of the way's line. */
  private static final double ROUND_RADIUS = 10.0;

  /**
   * The road's points with every shape point where the line turns by more than {@value #ROUND_ANGLE} radians
   * replaced by an arc of {@value #ROUND_RADIUS} m (shorter where the segments beside it are short). Lanes are the
   * line offset sideways with mitred corners and bodies are posed along the segment they are on, so at a sharp
   * corner a body swung its full length across the corner onto the lane beside it (a two-way residential road of
   * hcmc-small bending 77 degrees at a shape node: the two directions' cars met head on there). The arc depends
   * only on the points, so both directions of a two-way way get the same one and their lanes stay apart. Points
   * before index {@code first} are kept as they are.
   */
  private static double[][] rounded(double[][] pts, int first) {
    if (pts.length < first + 2) {
      return pts;
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < first; i++) {
      out.add(pts[i]);
    }
    for (int i = first; i < pts.length - 1; i++) {
      double[] a = pts[i - 1];
      double[] p = pts[i];
      double[] b = pts[i + 1];
      double[] u1 = unit(a, p);
      double[] u2 = unit(p, b);
      double cross = u1[0] * u2[1] - u1[1] * u2[0];
      double theta = Math.atan2(Math.abs(cross), u1[0] * u2[0] + u1[1] * u2[1]);
      if (theta <= ROUND_ANGLE || theta > Math.toRadians(150)) {
        out.add(p);
        continue;
      }
      double t = Math.tan(theta / 2);
      // Half of each neighbouring segment at most, so that arcs of neighbouring corners do not overlap.
      double d = Math.min(ROUND_RADIUS * t, 0.5 * Math.min(dist(a, p[0], p[1]), dist(b, p[0], p[1])));
      double radius = d / t;
      double[] s = {p[0] - d * u1[0], p[1] - d * u1[1]};
      double sign = Math.signum(cross);
      double[] centre = {s[0] - sign * u1[1] * radius, s[1] + sign * u1[0] * radius};
      double h0 = Math.atan2(s[1] - centre[1], s[0] - centre[0]);
      int steps = Math.max(2, (int) Math.ceil(theta / Math.toRadians(10)));
      for (int k = 0; k <= steps; k++) {
        double h = h0 + sign * theta * k / steps;
        out.add(new double[] {centre[0] + radius * Math.cos(h), centre[1] + radius * Math.sin(h)});
      }
    }
    out.add(pts[pts.length - 1]);
    // Drop points closer than 0.5 m to the one before, as trimmed() does.
    List<double[]> clean = new ArrayList<>();
    for (double[] q : out) {
      if (clean.isEmpty() || dist(q, clean.get(clean.size() - 1)[0], clean.get(clean.size() - 1)[1]) >= 0.5) {
        clean.add(q);
      }
    }
    double[] end = pts[pts.length - 1];
    while (clean.size() > 1 && clean.get(clean.size() - 1) != end
        && dist(clean.get(clean.size() - 1), end[0], end[1]) < 0.5) {
      clean.remove(clean.size() - 1);
    }
    if (clean.get(clean.size() - 1) != end) {
      clean.add(end);
    }
    return clean.toArray(new double[0][]);
  }

  /** A road about to be added: its id, cluster ends and points from centre to centre. */
  private record Pending(String id, int from, int to, double[][] pts, Raw raw) {}

  /** Widest angle between two roads leaving a junction that {@link #splay} looks at. */
  private static final double SPLAY_ANGLE = Math.toRadians(60);

  /**
   * Two roads leaving a junction at a small angle (a slip road forking off a wide road) overlap beyond the junction
   * area: the lanes of the left one lie right of its line, towards the right one, and the builder cuts every road
   * at the same radius, so the right road's lanes start inside the left road's until their lines are the left
   * road's width apart (at 21 degrees and 4 lanes, 36 m out). The right road is bent away instead: it leaves the
   * junction at the angle that puts its line the left road's width off at the edge of the junction area, and
   * rejoins its own course where that course is as far off.
   */
  private void splay(List<Pending> pending, Clusters c) {
    Map<Integer, List<Integer>> byJunction = new LinkedHashMap<>();
    for (int i = 0; i < pending.size(); i++) {
      byJunction.computeIfAbsent(pending.get(i).from(), z -> new ArrayList<>()).add(i);
    }
    int bent = 0;
    Set<Integer> done = new HashSet<>();
    for (Map.Entry<Integer, List<Integer>> e : byJunction.entrySet()) {
      double r = c.radius(e.getKey());
      List<Integer> outs = e.getValue();
      for (int x = 0; x < outs.size(); x++) {
        for (int y = x + 1; y < outs.size(); y++) {
          Pending p = pending.get(outs.get(x));
          Pending q = pending.get(outs.get(y));
          double[] up = unit(p.pts()[0], p.pts()[1]);
          double[] uq = unit(q.pts()[0], q.pts()[1]);
          double cross = up[0] * uq[1] - up[1] * uq[0];
          double theta = Math.atan2(Math.abs(cross), up[0] * uq[0] + up[1] * uq[1]);
          if (theta >= SPLAY_ANGLE || theta < 1e-3 || r <= 0) {
            continue;
          }
          int left = cross < 0 ? outs.get(x) : outs.get(y); // the other one is clockwise of it: to its right
          int right = cross < 0 ? outs.get(y) : outs.get(x);
          if (done.contains(right)) {
            continue;
          }
          double gap = pending.get(left).raw().dir().d().lanes() * OsmTags.LANE_WIDTH + 0.5;
          double reach = gap / Math.sin(theta);
          if (reach <= r) {
            continue;
          }
          Pending rp = pending.get(right);
          double[] ul = cross < 0 ? up : uq;
          double alpha = Math.asin(Math.min(1, gap / r));
          double[] dir = {ul[0] * Math.cos(alpha) + ul[1] * Math.sin(alpha),
              -ul[0] * Math.sin(alpha) + ul[1] * Math.cos(alpha)};
          double[][] pts = rp.pts();
          double[] j = pts[0];
          double[] k = {j[0] + (r + 1) * dir[0], j[1] + (r + 1) * dir[1]};
          List<double[]> bentPts = new ArrayList<>();
          bentPts.add(j);
          bentPts.add(k);
          int from = 1;
          while (from < pts.length - 1 && dist(pts[from], j[0], j[1]) < reach + 2) {
            from++;
          }
          double[] end = pts[pts.length - 1];
          if (dist(end, k[0], k[1]) < 6) {
            continue; // too short to bend: left as it is
          }
          for (int i = from; i < pts.length; i++) {
            bentPts.add(pts[i]);
          }
          pending.set(right, new Pending(rp.id(), rp.from(), rp.to(), bentPts.toArray(new double[0][]), rp.raw()));
          done.add(right);
          bent++;
        }
      }
    }
    if (bent > 0) {
      note("roads bent", bent + " road(s) forking off another at a small angle leave the junction wider, so that "
          + "their lanes do not overlap");
    }
  }

  /**
   * Where two roads leave a junction in the same turn class (a fork: both straight, or both right), the builder's
   * default lane turns would send every lane down both, so that the paths from neighbouring lanes cross inside the
   * junction. Lanes are split instead, rightmost lanes to the rightmost road, each road getting at least one lane.
   */
  private static void fork(NetworkDraft draft, NetworkDraft.Road road, Map<String, List<String>> outgoing) {
    NetworkDraft.Node end = draft.node(road.to());
    if ("boundary".equals(end.type())) {
      return;
    }
    List<String> outs = new ArrayList<>();
    Set<Turn> classes = java.util.EnumSet.noneOf(Turn.class);
    boolean repeated = false;
    for (String o : outgoing.getOrDefault(road.to(), List.of())) {
      if (!draft.road(o).to().equals(road.from())) {
        outs.add(o);
        repeated |= !classes.add(draft.turnOf(road.id(), o));
      }
    }
    if (!repeated) {
      return;
    }
    outs.sort(java.util.Comparator.comparingDouble((String o) -> draft.headingChange(road.id(), o))
        .thenComparing(o -> o));
    int n = road.lanes();
    int m = outs.size();
    if (n >= m) {
      for (int lane = 0; lane < n; lane++) {
        draft.allow(road.id(), lane, outs.get(lane * m / n));
      }
    } else {
      for (int q = 0; q < m; q++) {
        draft.allow(road.id(), q * n / m, outs.get(q));
      }
    }
  }

  /** Restricts lanes to the turns their turn:lanes marks, where the marking fits the road. */
  private void turnLanes(NetworkDraft draft, Map<String, Raw> rawOf, Map<String, List<String>> outgoing) {
    for (Map.Entry<String, Raw> e : rawOf.entrySet()) {
      Raw r = e.getValue();
      if (!r.turnLanesAtEnd()) {
        fork(draft, draft.road(e.getKey()), outgoing);
        continue;
      }
      List<String> marks = r.dir().d().turnLanes();
      NetworkDraft.Road road = draft.road(e.getKey());
      if (draft.node(road.to()).type() != null && draft.node(road.to()).type().equals("boundary")) {
        continue;
      }
      if (marks.size() != road.lanes()) {
        note("turn:lanes ignored", "way " + r.dir().way().id() + " marks " + marks.size() + " lane(s) but has "
            + road.lanes());
        continue;
      }
      List<String> outs = new ArrayList<>();
      for (String o : outgoing.getOrDefault(road.to(), List.of())) {
        if (!draft.road(o).to().equals(road.from())) {
          outs.add(o);
        }
      }
      int allowed = 0;
      for (int i = 0; i < marks.size(); i++) {
        Set<Turn> turns = OsmTags.turnsOf(marks.get(i));
        int lane = marks.size() - 1 - i; // turn:lanes runs left to right, our lanes count from the right
        for (String o : outs) {
          if (turns.contains(draft.turnOf(road.id(), o))) {
            draft.allow(road.id(), lane, o);
            allowed++;
          }
        }
      }
      if (allowed == 0) {
        note("turn:lanes ignored", "way " + r.dir().way().id() + ": no marked turn matches a road leaving junction '"
            + road.to() + "'");
      }
    }
  }
}
