package io.v2xsim.core.network;

import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.spec.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedPseudograph;

/**
 * Builds a {@link RoadNetwork} from node and road definitions: trims roads at junction areas, lays out lanes,
 * assigns lane turns, creates connectors with their geometry, precomputes connector conflicts and checks that
 * every lane leads somewhere. Every problem found is reported with the path of the definition at fault.
 */
public final class NetworkBuilder {
  /** Extra clearance beyond the widest incident carriageway when trimming roads at a junction, metres. */
  private static final double JUNCTION_MARGIN = 1.5;
  /** Straight pieces a connector's Bezier path is sampled into. */
  private static final int CONNECTOR_SEGMENTS = 12;
  /** How far a source's junction path may start or end from our lane ends and still be used, metres. */
  static final double VIA_FIT = 1.0;
  /** Roads shorter than this, metres, are laid straight between their ends. */
  static final double SHORT_ROAD = 5.0;
  /**
   * Paths closer than this conflict where one turns back: a 5 m car's corner is 2.65 m from its centre, which
   * sweeps around the tight turn, plus half a 1.8 m width for the other body, metres.
   */
  static final double TURNAROUND_REACH = 3.6;
  /** Paths closer than this conflict where both turn back: two corners' 2.65 m, metres. */
  static final double TWO_TURNAROUNDS_REACH = 5.3;
  /**
   * Control arm of a turnaround's path, metres: the Bezier then reaches 0.75 of it (5.3 m) forward of the lane
   * end. A passenger car's minimum design turning radius is 7.3 m (AASHTO Green Book, design vehicle P, 24 ft),
   * more than most streets give for turning back; a tighter turn is a slow three-point turn in reality, here one
   * slow path that at least keeps the rear overhang from swinging back over the lanes beside it.
   */
  static final double UTURN_ARM = 7.0;
  /** Imported paths closer than this conflict even where they do not cross: a car's width and a margin, metres. */
  static final double TOUCH_DISTANCE = 2.5;

  private final List<NodeDef> nodes;
  private final List<RoadDef> roads;
  private final List<Problem> problems = new ArrayList<>();

  public NetworkBuilder(List<NodeDef> nodes, List<RoadDef> roads) {
    this.nodes = List.copyOf(nodes);
    this.roads = List.copyOf(roads);
  }

  /** Problems found by the last {@link #build()}; empty when it returned a network. */
  public List<Problem> problems() {
    return problems;
  }

  /** The network, or null if any problem was found (see {@link #problems()}). */
  public RoadNetwork build() {
    problems.clear();
    Map<String, NodeDef> nodeDefs = new LinkedHashMap<>();
    for (NodeDef n : nodes) {
      if (nodeDefs.putIfAbsent(n.id(), n) != null) {
        problems.add(new Problem(n.path() + "/id", "duplicate node id '" + n.id() + "'"));
      }
    }
    Map<String, Set<String>> neighbours = new LinkedHashMap<>();
    Set<String> roadIds = new HashSet<>();
    for (RoadDef r : roads) {
      if (!roadIds.add(r.id())) {
        problems.add(new Problem(r.path() + "/id", "duplicate road id '" + r.id() + "'"));
      }
      if (!nodeDefs.containsKey(r.from())) {
        problems.add(new Problem(r.path() + "/from", "unknown node '" + r.from() + "' (expected one of the node ids)"));
      }
      if (!nodeDefs.containsKey(r.to())) {
        problems.add(new Problem(r.path() + "/to", "unknown node '" + r.to() + "' (expected one of the node ids)"));
      }
      if (r.from().equals(r.to())) {
        problems.add(new Problem(r.path() + "/to", "a road must join two different nodes"));
      }
      neighbours.computeIfAbsent(r.from(), k -> new HashSet<>()).add(r.to());
      neighbours.computeIfAbsent(r.to(), k -> new HashSet<>()).add(r.from());
    }
    if (!problems.isEmpty()) {
      return null;
    }

    List<Junction> junctions = new ArrayList<>();
    Map<String, Junction> junctionById = new LinkedHashMap<>();
    for (NodeDef n : nodeDefs.values()) {
      JunctionKind kind = n.kind();
      if (kind == null) {
        kind = neighbours.getOrDefault(n.id(), Set.of()).size() <= 1 ? JunctionKind.BOUNDARY : JunctionKind.PRIORITY;
      }
      Junction j = new Junction(junctions.size(), n.id(), n.x(), n.y(), kind);
      junctions.add(j);
      junctionById.put(j.id(), j);
    }

    Map<Junction, Double> radius = junctionRadii(junctionById);
    List<Polyline> fulls = new ArrayList<>();
    for (RoadDef d : roads) {
      fulls.add(fullLine(d, junctionById));
    }
    double[][] setbacks = JunctionSetbacks.of(roads, fulls, junctionById, radius);

    List<Road> roadList = new ArrayList<>();
    Map<String, Road> roadById = new LinkedHashMap<>();
    Map<Road, RoadDef> defOf = new LinkedHashMap<>();
    for (int k = 0; k < roads.size(); k++) {
      RoadDef d = roads.get(k);
      Junction from = junctionById.get(d.from());
      Junction to = junctionById.get(d.to());
      Polyline full = fulls.get(k);
      double a = setbacks[k][0];
      double b = full.length() - setbacks[k][1];
      if (b - a < JunctionSetbacks.minLane(d) - 1e-9) {
        problems.add(new Problem(d.path(), String.format(java.util.Locale.ROOT,
            "road '%s' is too short: %.1f m between nodes leaves %.1f m outside the junction areas (need %.0f m)",
            d.id(), full.length(), b - a, JunctionSetbacks.minLane(d))));
        continue;
      }
      Polyline line = full.cut(a, b);
      if (line.size() > 2 && line.length() < SHORT_ROAD) {
        // A few metres across a kink of the line (where it turns from the node's centre to the source's lane
        // ends): its lanes, offset from it, zigzagged back and forth and spun the bodies on them (a 0.2 m lane
        // between two of netconvert's junctions). The chord is the lane.
        line = Polyline.of(line.x(0), line.y(0), line.x(line.size() - 1), line.y(line.size() - 1));
      }
      Road road = new Road(roadList.size(), d.id(), from, to, line, d.laneWidth(), d.speedLimit(), d.priority());
      roadList.add(road);
      roadById.put(road.id(), road);
      defOf.put(road, d);
      from.addOutgoing(road);
      to.addIncoming(road);
    }
    if (!problems.isEmpty()) {
      return null;
    }

    List<Link> links = new ArrayList<>();
    for (Road road : roadList) {
      RoadDef d = defOf.get(road);
      int[] masks = d.laneLinks() != null ? linkMasks(road, d, roadById) : laneMasks(road, d);
      if (masks == null) {
        continue;
      }
      List<Lane> lanes = new ArrayList<>();
      for (int i = 0; i < d.lanes(); i++) {
        double offset = (d.lanes() - i - 0.5) * d.laneWidth();
        Polyline shape = road.centerline().offsetRight(offset);
        Lane lane = new Lane(links.size(), road, i, shape, road.length(), road.speedLimit(), masks[i]);
        links.add(lane);
        lanes.add(lane);
      }
      road.setLanes(lanes);
    }
    if (!problems.isEmpty()) {
      return null;
    }

    for (Junction j : junctions) {
      if (j.kind() == JunctionKind.BOUNDARY) {
        continue;
      }
      buildConnectors(j, links, defOf);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    NeighbourConflicts.add(links);

    Map<Lane, List<Connector>> incoming = new LinkedHashMap<>();
    for (Link l : links) {
      if (l instanceof Connector c) {
        incoming.computeIfAbsent(c.to(), k -> new ArrayList<>()).add(c);
      }
    }
    incoming.forEach(Lane::setIncoming);
    roadList.forEach(Road::indexExits);

    Graph<Junction, Road> graph = new DirectedWeightedPseudograph<>(Road.class);
    for (Junction j : junctions) {
      graph.addVertex(j);
    }
    for (Road r : roadList) {
      graph.addEdge(r.from(), r.to(), r);
      graph.setEdgeWeight(r, r.length());
    }
    return new RoadNetwork(junctions, roadList, links, junctionById, roadById, graph);
  }

  /** The road's centre line from node to node through its shape points, before trimming. */
  private static Polyline fullLine(RoadDef d, Map<String, Junction> junctionById) {
    Junction from = junctionById.get(d.from());
    Junction to = junctionById.get(d.to());
    int n = 2 + d.shape().size();
    double[] xs = new double[n];
    double[] ys = new double[n];
    xs[0] = from.x();
    ys[0] = from.y();
    for (int i = 0; i < d.shape().size(); i++) {
      xs[i + 1] = d.shape().get(i)[0];
      ys[i + 1] = d.shape().get(i)[1];
    }
    xs[n - 1] = to.x();
    ys[n - 1] = to.y();
    return new Polyline(xs, ys);
  }

  private Map<Junction, Double> junctionRadii(Map<String, Junction> junctionById) {
    Map<Junction, Double> radius = new LinkedHashMap<>();
    for (Junction j : junctionById.values()) {
      radius.put(j, 0.0);
    }
    for (RoadDef d : roads) {
      double width = d.lanes() * d.laneWidth();
      for (String end : new String[] {d.from(), d.to()}) {
        Junction j = junctionById.get(end);
        if (j.kind() != JunctionKind.BOUNDARY) {
          radius.put(j, Math.max(radius.get(j), width + JUNCTION_MARGIN));
        }
      }
    }
    return radius;
  }

  /** Heading change from the end of {@code in} to the start of {@code out}, in (-pi, pi]. */
  static double headingChange(Road in, Road out) {
    double d = out.startHeading() - in.endHeading();
    while (d <= -Math.PI) {
      d += 2 * Math.PI;
    }
    while (d > Math.PI) {
      d -= 2 * Math.PI;
    }
    return d;
  }

  /** Turns available from {@code in}: each outgoing road of its end junction except the way back. */
  private static Map<Road, Turn> turnsFrom(Road in) {
    Map<Road, Turn> turns = new LinkedHashMap<>();
    for (Road out : in.to().outgoing()) {
      if (out.to() == in.from()) {
        continue;
      }
      turns.put(out, Turn.classify(headingChange(in, out)));
    }
    if (turns.isEmpty()) {
      // A dead end that is not a boundary: allow turning back rather than trapping traffic.
      for (Road out : in.to().outgoing()) {
        turns.put(out, Turn.UTURN);
      }
    }
    return turns;
  }

  private int[] laneMasks(Road road, RoadDef d) {
    int n = d.lanes();
    int[] masks = new int[n];
    if (road.to().kind() == JunctionKind.BOUNDARY) {
      return masks;
    }
    if (d.laneTurns() != null) {
      if (d.laneTurns().size() != n) {
        problems.add(new Problem(d.path() + "/laneTurns",
            "has " + d.laneTurns().size() + " entries but the road has " + n + " lane(s): give one per lane"));
        return null;
      }
      for (int i = 0; i < n; i++) {
        String s = d.laneTurns().get(i);
        for (char c : s.toCharArray()) {
          Turn t = Turn.ofLetter(c);
          if (t == null) {
            problems.add(new Problem(d.path() + "/laneTurns/" + i,
                "unknown turn '" + c + "' (expected letters among l, s, r, u)"));
            return null;
          }
          masks[i] |= t.bit();
        }
      }
      return masks;
    }
    int available = 0;
    for (Turn t : turnsFrom(road).values()) {
      available |= t.bit();
    }
    if (n == 1) {
      masks[0] = available;
      return masks;
    }
    int straight = available & Turn.STRAIGHT.bit();
    for (int i = 0; i < n; i++) {
      masks[i] = straight;
    }
    masks[0] |= available & Turn.RIGHT.bit();
    masks[n - 1] |= available & (Turn.LEFT.bit() | Turn.UTURN.bit());
    if (straight == 0) {
      // No straight on (a T-junction's stem): split lanes between right and left.
      for (int i = 0; i < n; i++) {
        int m = i < (n + 1) / 2 ? Turn.RIGHT.bit() : Turn.LEFT.bit() | Turn.UTURN.bit();
        masks[i] = (m & available) != 0 ? (m & available) : available;
      }
    }
    return masks;
  }

  /**
   * The turn of a lane link: back onto the road it came from is a U-turn whatever the angle (a turnaround at a
   * dead end or a median opening); otherwise classified by heading change, as for the builder's own connectors.
   */
  static Turn linkTurn(Road in, Road out) {
    return out.to() == in.from() ? Turn.UTURN : Turn.classify(headingChange(in, out));
  }

  /**
   * Lane turn masks of a road whose connectors the source gives lane by lane; null (with a problem) if a link
   * names a road that does not leave the road's end, or a lane either road does not have.
   */
  private int[] linkMasks(Road road, RoadDef d, Map<String, Road> roadById) {
    int[] masks = new int[d.lanes()];
    if (road.to().kind() == JunctionKind.BOUNDARY) {
      return masks;
    }
    for (int k = 0; k < d.laneLinks().size(); k++) {
      LaneLinkDef l = d.laneLinks().get(k);
      String at = d.path() + "/laneLinks/" + k;
      Road out = roadById.get(l.toRoad());
      if (out == null || out.from() != road.to()) {
        problems.add(new Problem(at + "/to", "road '" + l.toRoad() + "' does not leave junction '" + road.to().id()
            + "' where road '" + road.id() + "' ends"));
        return null;
      }
      if (l.fromLane() < 0 || l.fromLane() >= d.lanes()) {
        problems.add(new Problem(at + "/fromLane", "lane " + l.fromLane() + " is out of range: road '" + road.id()
            + "' has " + d.lanes() + " lane(s)"));
        return null;
      }
      int outLanes = defLanes(out);
      if (l.toLane() < 0 || l.toLane() >= outLanes) {
        problems.add(new Problem(at + "/toLane", "lane " + l.toLane() + " is out of range: road '" + out.id()
            + "' has " + outLanes + " lane(s)"));
        return null;
      }
      masks[l.fromLane()] |= linkTurn(road, out).bit();
    }
    return masks;
  }

  private int defLanes(Road r) {
    for (RoadDef d : roads) {
      if (d.id().equals(r.id())) {
        return d.lanes();
      }
    }
    return 0;
  }

  /**
   * Connectors of a road whose source gives them lane by lane: one per link, from that lane into that target
   * lane, along the source's path where it gives one. Movements (the unit signals act on) are the distinct
   * target roads, in the order the links first name them.
   */
  private void linkConnectors(Junction j, Road in, RoadDef d, List<Link> links, List<Connector> connectors,
      List<Movement> movements) {
    Map<Road, Movement> byOut = new LinkedHashMap<>();
    for (LaneLinkDef l : d.laneLinks()) {
      Road out = j.outgoing().stream().filter(r -> r.id().equals(l.toRoad())).findFirst().orElseThrow();
      Turn turn = linkTurn(in, out);
      Movement mv = byOut.get(out);
      if (mv == null) {
        mv = new Movement(movements.size(), in, out, turn);
        movements.add(mv);
        byOut.put(out, mv);
      }
      Lane src = in.lanes().get(l.fromLane());
      Lane dst = out.lanes().get(l.toLane());
      boolean duplicate = false;
      for (Connector c : connectors) {
        duplicate |= c.from() == src && c.to() == dst;
      }
      if (duplicate) {
        continue;
      }
      double limit = Math.min(Math.min(in.speedLimit(), out.speedLimit()), turnSpeed(turn));
      Connector c = new Connector(links.size(), j, src, dst, turn, mv.index(), linkShape(src, dst, l.shape()), limit);
      links.add(c);
      connectors.add(c);
    }
  }

  /**
   * The source's path from the end of {@code src} to the start of {@code dst}, where it fits our lanes: its ends
   * within {@link #VIA_FIT} of the lane's end and of the target lane's start (snapped onto them). Where the
   * source's junction is larger or smaller than ours (we trim roads by our own junction radius, not by the
   * source's junction shape), squeezing its path in cut corners across neighbouring lanes and multiplied
   * collisions on the netgenerate grids (64 against 10 in 300 s): the builder's Bezier is used instead.
   */
  /**
   * Back onto the road it came from: such a link takes the builder's path pulled forward into the junction
   * (see {@link #UTURN_ARM}), not the source's. netgenerate's turnaround runs tight around the median and its
   * body, laid along it, swept the rear over the vehicle waiting in the lane beside (grid10: 7 collisions in
   * 600 s, none with the builder's path).
   */
  private static boolean turnsBack(Lane src, Lane dst) {
    if (deadEnd(src.road().to())) {
      return false;
    }
    // Also across the median of a divided road, whose two carriageways end at different nodes: netconvert's
    // path there is a 1.3 m hop, which the lane ends we trim stretch to a 3 m straight at right angles to the lane;
    // a body posed along it swung its rear over the next lane's line, where a car waited (hcmc-small, 3 in 600 s).
    double turn = Math.abs(Math.IEEEremainder(dst.shape().startHeading() - src.shape().endHeading(), 2 * Math.PI));
    return dst.road().to() == src.road().from() || turn > Math.toRadians(150);
  }

  /**
   * A junction where one street ends: its turnaround keeps the source's path, which the source fits in the
   * street's end. There is no lane beside it for the rear to sweep over, and pulled forward it ran out of the
   * junction over whatever lies beyond: netconvert's hcmc-small has two dead ends 3.7 m apart, and each one's
   * turnaround, pulled 5 m forward, crossed the other street's last metres where its drivers wait to turn.
   */
  private static boolean deadEnd(Junction j) {
    return j.incoming().size() == 1 && j.outgoing().size() == 1;
  }

  static Polyline linkShape(Lane src, Lane dst, List<double[]> via) {
    Polyline a = src.shape();
    Polyline b = dst.shape();
    double x0 = a.x(a.size() - 1);
    double y0 = a.y(a.size() - 1);
    double x1 = b.x(0);
    double y1 = b.y(0);
    if (via == null || via.size() < 2 || turnsBack(src, dst)) {
      return connectorShape(src, dst);
    }
    double[] first = via.get(0);
    double[] last = via.get(via.size() - 1);
    if (Math.hypot(first[0] - x0, first[1] - y0) > VIA_FIT || Math.hypot(last[0] - x1, last[1] - y1) > VIA_FIT) {
      return connectorShape(src, dst);
    }
    double[] xs = new double[via.size()];
    double[] ys = new double[via.size()];
    for (int i = 0; i < via.size(); i++) {
      xs[i] = via.get(i)[0];
      ys[i] = via.get(i)[1];
    }
    xs[0] = x0;
    ys[0] = y0;
    xs[xs.length - 1] = x1;
    ys[ys.length - 1] = y1;
    return new Polyline(xs, ys);
  }

  private void buildConnectors(Junction j, List<Link> links, Map<Road, RoadDef> defOf) {
    List<Connector> connectors = new ArrayList<>();
    List<Movement> movements = new ArrayList<>();
    for (Road in : j.incoming()) {
      RoadDef def = defOf.get(in);
      boolean anyOut = false;
      if (def.laneLinks() != null) {
        int before = connectors.size();
        linkConnectors(j, in, def, links, connectors, movements);
        anyOut = connectors.size() > before;
      }
      Map<Road, Turn> turns = def.laneLinks() != null ? Map.of() : turnsFrom(in);
      for (Map.Entry<Road, Turn> e : turns.entrySet()) {
        Road out = e.getKey();
        Turn turn = e.getValue();
        List<Lane> sources = new ArrayList<>();
        for (Lane l : in.lanes()) {
          if ((l.turnMask() & turn.bit()) != 0) {
            sources.add(l);
          }
        }
        if (sources.isEmpty()) {
          continue;
        }
        Movement mv = new Movement(movements.size(), in, out, turn);
        movements.add(mv);
        int m = out.lanes().size();
        for (int k = 0; k < sources.size(); k++) {
          Lane src = sources.get(k);
          int target = switch (turn) {
            case RIGHT -> Math.min(k, m - 1);
            case LEFT, UTURN -> Math.max(0, m - sources.size() + k);
            case STRAIGHT -> sources.size() == m ? k : Math.min(src.number(), m - 1);
          };
          Lane dst = out.lanes().get(target);
          Polyline shape = connectorShape(src, dst);
          double limit = Math.min(Math.min(in.speedLimit(), out.speedLimit()), turnSpeed(turn));
          Connector c = new Connector(links.size(), j, src, dst, turn, mv.index(), shape, limit);
          links.add(c);
          connectors.add(c);
          anyOut = true;
        }
      }
      for (Lane l : in.lanes()) {
        List<Connector> out = new ArrayList<>();
        for (Connector c : connectors) {
          if (c.from() == l) {
            out.add(c);
          }
        }
        if (out.isEmpty()) {
          RoadDef d = defOf.get(in);
          problems.add(new Problem(d.laneTurns() != null ? d.path() + "/laneTurns/" + l.number() : d.path(),
              "lane " + l.number() + " of road '" + in.id() + "' leads nowhere at junction '" + j.id()
                  + "' (no road leaves there in a direction the lane allows)"));
        }
        l.setOutgoing(out);
      }
      if (!anyOut && j.outgoing().isEmpty()) {
        problems.add(new Problem(defOf.get(in).path() + "/to",
            "road '" + in.id() + "' ends at '" + j.id() + "', which no road leaves; make it a boundary node"));
      }
    }
    j.setMovements(movements);
    j.setConnectors(connectors);
    for (Connector c : connectors) {
      List<Conflict> cs = new ArrayList<>();
      for (Connector o : connectors) {
        if (o == c || o.from() == c.from()) {
          continue;
        }
        if (o.to() == c.to()) {
          // Paths that converge at an acute angle bring the bodies together before the paths meet (OpenStreetMap
          // junctions: a way joining another at 20 degrees collided there every few minutes): the merge is where
          // the two first come within a body's width and a margin of each other, at the latest at their ends.
          double[] touch = firstTouch(c.shape(), o.shape());
          cs.add(touch == null
              ? new Conflict(o, c.length(), o.length(), true, yieldsStatically(c, o))
              : new Conflict(o, touch[0] / c.shapeScale(), touch[1] / o.shapeScale(), true, yieldsStatically(c, o)));
          continue;
        }
        if (o.from().road() == c.from().road() && o.to().road() == c.to().road()
            && (o.from().number() - c.from().number()) * (o.to().number() - c.to().number()) > 0) {
          if (c.turn() != Turn.STRAIGHT && defOf.get(c.from().road()).laneLinks() != null) {
            // Two lanes turning side by side, as imported: on our tight junction radius the inner one leaves
            // its arc while the outer is still on its own, and its body (laid straight along the lane it
            // entered) overhangs the outer arc (grid10 corners). One goes after the other has cleared.
            cs.add(new Conflict(o, c.length(), o.length(), false, yieldsStatically(c, o)));
          }
          continue; // parallel lanes of the same movement, in order (lane links may also cross them over)
        }
        if (isTurnaround(c) || isTurnaround(o)) {
          // A body turning back sweeps far beyond its path (its rear swings out over a 3 m wide turn), so the
          // paths need not cross for the bodies to meet: the conflict point is where they come closest, if
          // closer than a turning body's reach plus a straight one's half width.
          // Every stretch where they come that close is a conflict zone: a turnaround pulled forward into the
          // junction passes beside several paths.
          // Two bodies turning back both sweep: each corner's reach (two U-turns from neighbouring arms of
          // spider's ring met 4 m apart on their paths).
          nearZones(c, o, isTurnaround(c) && isTurnaround(o) ? TWO_TURNAROUNDS_REACH : TURNAROUND_REACH, cs);
          continue;
        }
        boolean imported = defOf.get(c.from().road()).laneLinks() != null
            || defOf.get(o.from().road()).laneLinks() != null;
        if (imported) {
          // Imported paths (turns into every lane, as the files allow) also meet where they do not cross: two
          // opposite left turns into the far lanes touch head-on, or one's end runs beside the other's start.
          // Every stretch where the two pass closer than a car's width and a margin is a conflict zone: its
          // entry, closest point and exit are conflict points.
          nearZones(c, o, TOUCH_DISTANCE, cs);
          continue;
        }
        double[][] x = c.shape().crossings(o.shape());
        if (x.length > 0) {
          double at = x[0][0] / c.shapeScale();
          double atOther = x[0][1] / o.shapeScale();
          cs.add(new Conflict(o, at, atOther, false, yieldsStatically(c, o)));
        }
      }
      cs.sort((p, q) -> Double.compare(p.at(), q.at()));
      c.setConflicts(cs);
    }
  }

  /**
   * Where path {@code a} first comes within {@link #TOUCH_DISTANCE} of {@code b} ({@code [s on a, s on b]}), if
   * that is more than a metre before both ends; null otherwise. Samples {@code a} every 0.5 m.
   */
  static double[] firstTouch(Polyline a, Polyline b) {
    double[] proj = new double[2];
    int n = Math.max(1, (int) Math.ceil(a.length() / 0.5));
    for (int i = 0; i <= n; i++) {
      double sa = a.length() * i / n;
      if (gap(a, sa, b, proj) < TOUCH_DISTANCE) {
        return sa < a.length() - 1.0 && proj[0] < b.length() - 1.0 ? new double[] {sa, proj[0]} : null;
      }
    }
    return null;
  }

  /** A connector back onto the road it came from (a SUMO turnaround, a dead end's way back). */
  static boolean isTurnaround(Connector c) {
    return c.turn() == Turn.UTURN && c.to().road().to() == c.from().road().from();
  }

  /**
   * How close two car centres can come, at relative heading {@code dh}, with their bodies touching: half a width
   * of one, and of the other its half width and half length as they project across (a 5 m x 1.8 m car), plus a
   * 0.3 m margin. Side by side 2.1 m; at right angles 3.7 m, more than the fixed {@link #TOUCH_DISTANCE}: on the
   * Hangzhou SUMO files' own internal lanes two opposite left turns into different lanes pass 2.6 m apart at 45
   * degrees and their bodies met (14 collisions in an hour).
   */
  static double bodiesReach(double dh) {
    return 0.9 + 0.9 * Math.abs(Math.cos(dh)) + 2.5 * Math.abs(Math.sin(dh)) + 0.3;
  }

  /** Distance from the point {@code sa} along {@code a} to path {@code b}; {@code proj[0]} is where on b. */
  static double gap(Polyline a, double sa, Polyline b, double[] proj) {
    double x = a.xAt(sa);
    double y = a.yAt(sa);
    b.project(x, y, proj);
    return Math.hypot(x - b.xAt(proj[0]), y - b.yAt(proj[0]));
  }


  /**
   * Adds a conflict with {@code o} at the entry, the closest point and the exit of every stretch of {@code c}
   * that passes within {@code reach} of {@code o} (crossings included: the distance is 0 there), or within
   * reach of two bodies at the paths' relative heading ({@link NearRuns}).
   */
  private static void nearZones(Connector c, Connector o, double reach, List<Conflict> out) {
    Polyline a = c.shape();
    Polyline b = o.shape();
    boolean yields = yieldsStatically(c, o);
    double ka = c.shapeScale();
    double kb = o.shapeScale();
    NearRuns.scan(a, b, (sa, sb, d) -> d < Math.max(reach, bodiesReach(a.headingAt(sa) - b.headingAt(sb))),
        (at, atOther) -> out.add(new Conflict(o, at / ka, atOther / kb, false, yields)));
  }

  /** Typical speed through a junction by turn, m/s: about 15 km/h for right turns, 25 km/h for left. */
  private static double turnSpeed(Turn t) {
    return switch (t) {
      case RIGHT -> 4.5;
      case LEFT -> 7.0;
      case UTURN -> 3.0;
      case STRAIGHT -> Double.MAX_VALUE;
    };
  }

  private static Polyline connectorShape(Lane src, Lane dst) {
    Polyline a = src.shape();
    Polyline b = dst.shape();
    double x0 = a.x(a.size() - 1);
    double y0 = a.y(a.size() - 1);
    double x1 = b.x(0);
    double y1 = b.y(0);
    if (Math.abs(Math.IEEEremainder(b.startHeading() - a.endHeading(), 2 * Math.PI)) > Math.toRadians(150)) {
      // Turning back: the lanes are a few metres apart, but a car cannot turn on that; it pulls forward into the
      // junction first, so that its rear overhang does not swing back over the lanes beside it.
      return Polyline.bezier(x0, y0, a.endHeading(), x1, y1, b.startHeading(), UTURN_ARM, CONNECTOR_SEGMENTS);
    }
    return Polyline.bezier(x0, y0, a.endHeading(), x1, y1, b.startHeading(), CONNECTOR_SEGMENTS);
  }

  /**
   * Right of way without signals: the road of lower priority yields; between equals, a left turn yields to
   * oncoming traffic that is not turning left, and otherwise traffic from the right goes first. A pair the
   * rules leave undecided (rare geometry) is settled by connector index so that exactly one side yields.
   */
  static boolean yieldsStatically(Connector c, Connector o) {
    boolean cBack = isTurnaround(c);
    boolean oBack = isTurnaround(o);
    if (cBack != oBack) {
      // A turnaround yields to every other movement, whatever the road priorities: drivers turning back must
      // let all others pass (German StVO 9(5): turning back must endanger no one; netgenerate marks these
      // links dir="t" state="m", minor).
      return cBack;
    }
    int pc = c.from().road().priority();
    int po = o.from().road().priority();
    if (pc != po) {
      return pc < po;
    }
    double hc = c.from().road().endHeading();
    double ho = o.from().road().endHeading();
    double cross = Math.cos(hc) * Math.sin(ho) - Math.sin(hc) * Math.cos(ho);
    double dot = Math.cos(hc) * Math.cos(ho) + Math.sin(hc) * Math.sin(ho);
    boolean oncoming = dot < -0.7;
    boolean cLeft = c.turn() == Turn.LEFT || c.turn() == Turn.UTURN;
    boolean oLeft = o.turn() == Turn.LEFT || o.turn() == Turn.UTURN;
    if (oncoming || c.from().road() == o.from().road()) {
      if (cLeft != oLeft) {
        return cLeft;
      }
      if (c.turn() != o.turn()) {
        // e.g. straight vs right into the same lane from opposite sides: the turning one yields
        return c.turn() != Turn.STRAIGHT && o.turn() == Turn.STRAIGHT;
      }
      return c.index() > o.index();
    }
    // o approaches from our right when it travels toward our left side: cross(dc, do) > 0.
    if (Math.abs(cross) > 0.5) {
      return cross > 0;
    }
    return c.index() > o.index();
  }
}
