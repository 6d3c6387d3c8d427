package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each road's lanes begin and end: metres from its start node and from its end node. At least the
 * source's setbacks where it gives them (SUMO's lanes end where its junction shapes begin), otherwise the
 * junction radius (the widest incident carriageway plus a margin); further where the carriageway of another road
 * at the same junction still overlaps this one, so that a vehicle on a lane never overlaps a lane of another road
 * (roads meeting at an acute angle, as on netgenerate's random networks and in OpenStreetMap, overlap well beyond
 * a radius sized for right angles). What the lanes no longer cover is junction area, crossed by connectors whose
 * conflicts the builder computes. At right angles and straight through, carriageways do not overlap beyond the
 * radius, so generated grids keep the radius.
 */
final class JunctionSetbacks {
  /**
   * Lane area taken in from each side of a carriageway before testing overlap, metres: a 1.8 m wide car centred
   * in a 3.2 m lane leaves 0.7 m to each edge, so carriageways that only touch, or overlap by less, do not put
   * bodies on each other.
   */
  static final double EDGE_SLACK = 0.3;
  /** Step of the search along the road, metres. */
  private static final double STEP = 0.5;
  /** Search stops this far beyond the last overlap found, metres. */
  private static final double CLEAR_RUN = 15.0;
  /** The search never goes beyond this, metres from the node: longer overlaps are roads drawn on each other. */
  private static final double MAX_SETBACK = 60.0;
  /** Lane left between a road's two setbacks, as the builder requires, metres. */
  private static final double MIN_LANE = 5.0;
  /** The same where the source gives the setbacks. */
  private static final double MIN_SOURCE_LANE = 1.0;

  private JunctionSetbacks() {}

  /** One road's end at a junction: the road's index, whether it starts there. */
  private record End(int road, boolean start) {}

  /**
   * Setbacks {@code [fromStart, fromEnd]} per road, in the order of {@code roads}. Where honouring every overlap
   * would leave less than {@link #minLane} of lane, the extensions beyond the base are shrunk in proportion
   * (the overlap stays, as before; such a road is short anyway).
   */
  static double[][] of(List<RoadDef> roads, List<Polyline> fulls, Map<String, Junction> junctions,
      Map<Junction, Double> radius) {
    Map<String, List<End>> ends = new LinkedHashMap<>();
    for (int k = 0; k < roads.size(); k++) {
      ends.computeIfAbsent(roads.get(k).from(), x -> new ArrayList<>()).add(new End(k, true));
      ends.computeIfAbsent(roads.get(k).to(), x -> new ArrayList<>()).add(new End(k, false));
    }
    double[][] base = new double[roads.size()][];
    double[][] out = new double[roads.size()][2];
    for (int k = 0; k < roads.size(); k++) {
      RoadDef d = roads.get(k);
      double len = fulls.get(k).length();
      if (d.setbacks() != null) {
        // A source's junctions that overlap along the road (netconvert's, where nodes nearly touch) leave it
        // no lane at all: both ends give way in proportion.
        double sum = d.setbacks()[0] + d.setbacks()[1];
        double f = sum > len - MIN_SOURCE_LANE ? Math.max(0, len - MIN_SOURCE_LANE) / sum : 1;
        base[k] = new double[] {d.setbacks()[0] * f, d.setbacks()[1] * f};
      } else {
        base[k] = new double[] {radius.get(junctions.get(d.from())), radius.get(junctions.get(d.to()))};
      }
      out[k] = base[k].clone();
    }
    double[] widths = new double[roads.size()];
    for (int k = 0; k < roads.size(); k++) {
      widths[k] = roads.get(k).lanes() * roads.get(k).laneWidth();
    }
    for (Map.Entry<String, List<End>> e : ends.entrySet()) {
      Junction j = junctions.get(e.getKey());
      if (j.kind() == JunctionKind.BOUNDARY) {
        continue;
      }
      List<End> here = e.getValue();
      for (End a : here) {
        double need = out[a.road()][a.start() ? 0 : 1];
        for (End b : here) {
          if (b.road() == a.road() || twins(roads.get(a.road()), roads.get(b.road()))) {
            continue;
          }
          need = Math.max(need, clearOf(a, fulls.get(a.road()), widths[a.road()], fulls.get(b.road()),
              widths[b.road()], need, minLane(roads.get(a.road()))));
        }
        out[a.road()][a.start() ? 0 : 1] = need;
      }
    }
    balanceRightTurns(roads, fulls, junctions, ends, out);
    for (int k = 0; k < roads.size(); k++) {
      double len = fulls.get(k).length();
      double r0 = base[k][0];
      double r1 = base[k][1];
      double extra = out[k][0] - r0 + out[k][1] - r1;
      double room = len - minLane(roads.get(k)) - r0 - r1;
      if (extra > 0 && extra > room) {
        double f = Math.max(0, room) / extra;
        out[k][0] = r0 + (out[k][0] - r0) * f;
        out[k][1] = r1 + (out[k][1] - r1) * f;
      }
    }
    return out;
  }

  /** Right turns between lanes whose tangents to their corner differ by more than this are balanced, metres. */
  static final double TURN_IMBALANCE = 3.5;
  /** Most a road end is set back further to balance a right turn, metres. */
  private static final double MAX_TURN_SETBACK = 12.0;

  /**
   * A right turn from the rightmost lane of one road into the rightmost lane of another follows a circular arc
   * only where both lanes end as far from the corner where their lines meet. With one radius for every road at a
   * junction, a narrow road meeting a wide one at right angles leaves those two lengths far apart: the right turn
   * from a one-lane street into the outer lane of a three-lane road had 3 m before the corner and 9.5 m after it
   * (OpenStreetMap's hcmc-small), a turn of 3 m radius on which a 5 m body swung its ends across the lane beside
   * (the other direction of the street). Where the lane coming in has the shorter length, it ends that much
   * further out, up to {@value #MAX_TURN_SETBACK} m. The opposite case (the lane going out too short) is left as
   * it is: setting the outgoing road's start back moved a slip road's lanes (hcmc-small's w193092901, bent by the
   * OSM import to clear the road it forks off) off the bend that keeps them clear. Imbalances up to
   * {@value #TURN_IMBALANCE} m (a one-lane and a two-lane direction) are left as they are.
   */
  private static void balanceRightTurns(List<RoadDef> roads, List<Polyline> fulls, Map<String, Junction> junctions,
      Map<String, List<End>> ends, double[][] out) {
    double[][] more = new double[roads.size()][2];
    double[] pa = new double[3];
    double[] pb = new double[3];
    for (Map.Entry<String, List<End>> e : ends.entrySet()) {
      if (junctions.get(e.getKey()).kind() == JunctionKind.BOUNDARY) {
        continue;
      }
      for (End a : e.getValue()) {
        RoadDef da = roads.get(a.road());
        if (a.start() || da.setbacks() != null || da.laneLinks() != null) {
          continue;
        }
        for (End b : e.getValue()) {
          RoadDef db = roads.get(b.road());
          if (!b.start() || b.road() == a.road() || twins(da, db) || db.setbacks() != null
              || db.laneLinks() != null) {
            continue;
          }
          Polyline la = fulls.get(a.road());
          Polyline lb = fulls.get(b.road());
          if (out[a.road()][1] >= la.length() || out[b.road()][0] >= lb.length()) {
            continue;
          }
          la.pose(la.length() - out[a.road()][1], pa);
          lb.pose(out[b.road()][0], pb);
          double turn = Math.IEEEremainder(pb[2] - pa[2], 2 * Math.PI);
          if (turn > -Math.toRadians(60) || turn < -Math.toRadians(120)) {
            continue;
          }
          double oa = (da.lanes() - 0.5) * da.laneWidth();
          double ob = (db.lanes() - 0.5) * db.laneWidth();
          double ax = pa[0] + Math.sin(pa[2]) * oa;
          double ay = pa[1] - Math.cos(pa[2]) * oa;
          double bx = pb[0] + Math.sin(pb[2]) * ob;
          double by = pb[1] - Math.cos(pb[2]) * ob;
          double tax = Math.cos(pa[2]);
          double tay = Math.sin(pa[2]);
          double tbx = Math.cos(pb[2]);
          double tby = Math.sin(pb[2]);
          double dx = bx - ax;
          double dy = by - ay;
          double det = tax * tby - tay * tbx;
          // The corner where the two lanes' lines meet: a metres on from a's lane end, b metres before b's start.
          double u = (dx * tby - dy * tbx) / det;
          double v = (tax * dy - tay * dx) / det;
          if (u < 0 || v < 0) {
            continue;
          }
          if (v - u > TURN_IMBALANCE) {
            more[a.road()][1] = Math.max(more[a.road()][1], Math.min(MAX_TURN_SETBACK, v - u));
          }
        }
      }
    }
    for (int k = 0; k < roads.size(); k++) {
      out[k][0] += more[k][0];
      out[k][1] += more[k][1];
    }
  }

  /**
   * Shortest lane left between a road's setbacks, metres. A source's junction shapes may leave a lane of a metre
   * or two between two junctions that nearly touch (netconvert keeps such edges); our own radius needs 5 m.
   */
  static double minLane(RoadDef d) {
    return d.setbacks() != null ? MIN_SOURCE_LANE : MIN_LANE;
  }

  /** The two directions of one street: their lanes lie side by side by construction. */
  private static boolean twins(RoadDef a, RoadDef b) {
    return a.from().equals(b.to()) && a.to().equals(b.from());
  }

  /**
   * The distance from the junction along road {@code a} beyond which its carriageway no longer overlaps road
   * {@code b}'s (searched from {@code from}); {@code from} itself if it never does there.
   */
  private static double clearOf(End a, Polyline lineA, double widthA, Polyline lineB, double widthB, double from,
      double minLane) {
    double len = lineA.length();
    double limit = Math.min(MAX_SETBACK, len - minLane);
    double last = -1;
    double[] pose = new double[3];
    double[] proj = new double[2];
    for (double t = from; t <= limit && (last < 0 ? t - from : t - last) <= CLEAR_RUN; t += STEP) {
      lineA.pose(a.start() ? t : len - t, pose);
      if (crossSectionOverlaps(pose, widthA, lineB, widthB, proj)) {
        last = t;
      }
    }
    return last < 0 ? from : Math.min(limit, last + STEP);
  }

  /**
   * Whether the cross-section of a carriageway at {@code pose} (centre line point and heading of travel; lanes
   * to the right) has a point inside the other carriageway, both taken in by {@link #EDGE_SLACK}.
   */
  private static boolean crossSectionOverlaps(double[] pose, double widthA, Polyline lineB, double widthB,
      double[] proj) {
    double nx = Math.sin(pose[2]);
    double ny = -Math.cos(pose[2]);
    double lenB = lineB.length();
    int samples = Math.max(2, (int) Math.ceil((widthA - 2 * EDGE_SLACK) / STEP) + 1);
    for (int i = 0; i < samples; i++) {
      double off = EDGE_SLACK + (widthA - 2 * EDGE_SLACK) * i / (samples - 1);
      double x = pose[0] + nx * off;
      double y = pose[1] + ny * off;
      if (!lineB.nearBox(x, y, widthB)) {
        continue;
      }
      lineB.project(x, y, proj);
      if (proj[0] > 1e-6 && proj[0] < lenB - 1e-6 && proj[1] > EDGE_SLACK && proj[1] < widthB - EDGE_SLACK) {
        return true;
      }
    }
    return false;
  }
}
