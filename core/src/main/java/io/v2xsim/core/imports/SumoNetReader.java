package io.v2xsim.core.imports;

import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.imports.NetworkDraft.PhaseDraft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SUMO .net.xml into a {@link NetworkDraft}: normal edges (internal ones, {@code function="internal"},
 * give the paths of connections through junctions; walking areas and crossings are skipped), their car lanes,
 * junctions, connections (lane to lane: each its own connector, along its internal lanes' shapes) and the program
 * of each tlLogic that SUMO would run.
 *
 * <p>Coordinates are shifted back by the file's netOffset. SUMO numbers lanes from the rightmost, as we do;
 * lanes closed to passenger cars are left out and the others renumbered.
 *
 * <p>Signal states, per connection linkIndex, and the clearance rule: see {@link #phases} and
 * {@link SignalProgram}. A signal that controls nothing we model, is switched off, or never lets a modelled
 * movement go is dropped with a note, and its junction imported unsignalized; of several programs for one
 * signal the last is used, as SUMO does.
 */
final class SumoNetReader {
  private record Lane(int index, double speed, double width, boolean forCars, double[][] shape) {}

  private record Edge(String id, String from, String to, double[][] shape, List<Lane> lanes, int line) {}

  private record Connection(String from, String to, int fromLane, int toLane, String via, String tl, int linkIndex,
      String state, int line) {}

  private record TlPhase(double duration, String state, int line) {}

  private final String file;
  private double[] offset = {0, 0};
  private final Map<String, Xml.Element> junctions = new LinkedHashMap<>();
  private final Map<String, Edge> edges = new LinkedHashMap<>();
  private final List<Connection> connections = new ArrayList<>();
  /** Internal lane id -> its shape: the path of a connection through the junction. */
  private final Map<String, double[][]> internalShapes = new LinkedHashMap<>();
  /** Internal lane id -> the internal lane after it (an internal junction splits a turn in two), if any. */
  private final Map<String, String> internalVia = new LinkedHashMap<>();
  private final Map<String, List<TlPhase>> tlPhases = new LinkedHashMap<>();
  private final Map<String, Integer> tlLines = new LinkedHashMap<>();
  /** Every programID of each signal, in file order; the last is the one used. */
  private final Map<String, List<String>> tlPrograms = new LinkedHashMap<>();

  private SumoNetReader(String file) {
    this.file = file;
  }

  static NetworkDraft read(Path path, String display) {
    SumoNetReader r = new SumoNetReader(display);
    r.parse(path);
    return r.draft();
  }

  private void parse(Path path) {
    Edge[] current = {null};
    boolean[] internal = {false};
    String[] currentTl = {null};
    boolean[] sawNet = {false};
    Xml.read(path, file, new Xml.Handler() {
      @Override
      public void start(Xml.Element e) {
        if (e.depth() == 1) {
          if (!e.name().equals("net")) {
            throw new ImportException(file, e.line(), "root element is <" + e.name() + ">, expected <net> (a SUMO network)");
          }
          sawNet[0] = true;
          return;
        }
        switch (e.name()) {
          case "location" -> {
            String o = e.attributes().get("netOffset");
            if (o != null) {
              String[] xy = o.split(",");
              try {
                offset = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
              } catch (RuntimeException ex) {
                throw new ImportException(file, e.line(), "netOffset=\"" + o + "\" is not x,y");
              }
            }
          }
          case "edge" -> {
            String id = Xml.required(e, "id", file);
            String function = e.attributes().getOrDefault("function", "normal");
            internal[0] = function.equals("internal");
            if (!function.equals("normal")) {
              current[0] = null; // internal lanes (kept as connector paths), crossings, walking areas
              return;
            }
            current[0] = new Edge(id, Xml.required(e, "from", file), Xml.required(e, "to", file),
                Xml.shape(e, "shape", offset, file), new ArrayList<>(), e.line());
            if (edges.putIfAbsent(id, current[0]) != null) {
              throw new ImportException(file, e.line(), "duplicate edge id '" + id + "'");
            }
          }
          case "lane" -> {
            if (internal[0] && e.depth() == 3) {
              internalShapes.put(Xml.required(e, "id", file), Xml.shape(e, "shape", offset, file));
            }
            if (current[0] != null && e.depth() == 3) {
              String allow = e.attributes().get("allow");
              String disallow = e.attributes().get("disallow");
              boolean cars = (allow == null || allow.contains("passenger") || allow.equals("all"))
                  && (disallow == null || !(disallow.contains("passenger") || disallow.equals("all")));
              current[0].lanes().add(new Lane(Xml.integer(e, "index", file), Xml.number(e, "speed", 13.89, file),
                  Xml.number(e, "width", 3.2, file), cars, Xml.shape(e, "shape", offset, file)));
            }
          }
          case "junction" -> {
            String id = Xml.required(e, "id", file);
            if (!"internal".equals(e.attributes().get("type"))) {
              Xml.number(e, "x", 0, file);
              Xml.number(e, "y", 0, file);
              if (junctions.putIfAbsent(id, e) != null) {
                throw new ImportException(file, e.line(), "duplicate junction id '" + id + "'");
              }
            }
          }
          case "connection" -> {
            String from = Xml.required(e, "from", file);
            String via = e.attributes().get("via");
            if (from.startsWith(":")) {
              // From an internal lane onwards: geometry of the junction, not a decision; a via continues the path.
              if (via != null) {
                internalVia.put(from + "_" + Xml.integer(e, "fromLane", file), via);
              }
              return;
            }
            String tl = e.attributes().get("tl");
            int link = tl == null ? -1 : Xml.integer(e, "linkIndex", file);
            connections.add(new Connection(from, Xml.required(e, "to", file), Xml.integer(e, "fromLane", file),
                Xml.integer(e, "toLane", file), via, tl, link, e.attributes().getOrDefault("state", ""), e.line()));
          }
          case "tlLogic" -> {
            String id = Xml.required(e, "id", file);
            String program = e.attributes().getOrDefault("programID", "0");
            // Several programs may exist for one signal; SUMO runs the one loaded last ("When loaded, the last
            // program will be used", SUMO documentation, Simulation/Traffic Lights), so a later one replaces
            // an earlier one here too.
            List<String> seen = tlPrograms.computeIfAbsent(id, k -> new ArrayList<>());
            seen.add(program);
            currentTl[0] = id;
            tlPhases.put(id, new ArrayList<>());
            tlLines.put(id, e.line());
          }
          case "phase" -> {
            if (currentTl[0] != null) {
              double d = Xml.number(e, "duration", Double.NaN, file);
              if (!(d > 0)) {
                throw new ImportException(file, e.line(), "<phase> of tlLogic '" + currentTl[0]
                    + "' needs a positive duration");
              }
              tlPhases.get(currentTl[0]).add(new TlPhase(d, Xml.required(e, "state", file), e.line()));
            }
          }
          default -> { }
        }
      }

      @Override
      public void end(String name, int depth) {
        if (name.equals("edge")) {
          current[0] = null;
          internal[0] = false;
        } else if (name.equals("tlLogic")) {
          currentTl[0] = null;
        }
      }
    });
    if (!sawNet[0]) {
      throw new ImportException(file, 0, "no <net> element: not a SUMO network");
    }
  }

  private NetworkDraft draft() {
    NetworkDraft draft = new NetworkDraft(file);
    // Which junctions a signal program controls: the end junction of each controlled connection's edge.
    Map<String, Set<String>> tlJunctions = new LinkedHashMap<>();
    for (Connection c : connections) {
      Edge from = edges.get(c.from());
      if (from == null || !edges.containsKey(c.to())) {
        String missing = from == null ? c.from() : c.to();
        throw new ImportException(file, c.line(), "connection refers to unknown edge '" + missing + "'");
      }
      if (c.tl() != null) {
        if (!tlPhases.containsKey(c.tl())) {
          throw new ImportException(file, c.line(), "connection refers to unknown tlLogic '" + c.tl() + "'");
        }
        tlJunctions.computeIfAbsent(c.tl(), k -> new LinkedHashSet<>()).add(from.to());
      }
    }
    for (Map.Entry<String, List<String>> p : tlPrograms.entrySet()) {
      List<String> ids = p.getValue();
      if (ids.size() > 1) {
        draft.note("several signal programs", "tlLogic '" + p.getKey() + "' has " + ids.size() + " programs ("
            + String.join(", ", ids) + "): programID '" + ids.get(ids.size() - 1) + "', the last, is used, as SUMO "
            + "does");
      }
      if (!tlJunctions.containsKey(p.getKey())) {
        draft.note("signals dropped", "tlLogic '" + p.getKey() + "' controls no connection between roads "
            + "(only pedestrian crossings or walking areas): ignored");
      }
    }
    Set<String> signalized = new LinkedHashSet<>();
    tlJunctions.values().forEach(signalized::addAll);
    for (Xml.Element j : junctions.values()) {
      String id = j.attributes().get("id");
      String type = j.attributes().getOrDefault("type", "priority");
      String kind = signalized.contains(id) ? "signalized"
          : type.equals("dead_end") ? "boundary"
          : type.equals("allway_stop") ? "allway-stop"
          : null;
      if (type.startsWith("traffic_light") && kind == null) {
        draft.note("junction '" + id + "' has type " + type + " but no signal program controls it: imported unsignalized");
      }
      draft.add(new NetworkDraft.Node(id, Xml.number(j, "x", 0, file) - offset[0],
          Xml.number(j, "y", 0, file) - offset[1], kind, j.line()));
    }
    Map<String, Integer> major = majorRoads();
    Map<String, int[]> laneMap = new LinkedHashMap<>();
    List<NetworkDraft.Road> roads = new ArrayList<>();
    for (Edge e : edges.values()) {
      int[] map = new int[e.lanes().size()];
      List<Lane> cars = new ArrayList<>();
      for (Lane l : e.lanes()) {
        if (l.index() >= map.length) {
          throw new ImportException(file, e.line(), "edge '" + e.id() + "' has a lane index " + l.index() + " but "
              + map.length + " lane(s)");
        }
      }
      java.util.Arrays.fill(map, -1);
      for (Lane l : e.lanes().stream().sorted(java.util.Comparator.comparingInt(Lane::index)).toList()) {
        if (l.forCars()) {
          map[l.index()] = cars.size();
          cars.add(l);
        }
      }
      if (cars.isEmpty()) {
        draft.note("edges without lanes open to passenger cars were left out (e.g. '" + e.id() + "')");
        continue;
      }
      laneMap.put(e.id(), map);
      double width = cars.stream().mapToDouble(Lane::width).average().orElse(3.2);
      if (width < 2.0 || width > 6.0) {
        draft.note("lane widths outside 2-6 m were clamped into that range (edge '" + e.id() + "')");
        width = Math.max(2.0, Math.min(6.0, width));
      }
      double speed = cars.stream().mapToDouble(Lane::speed).max().orElse(13.89);
      Xml.Element fromJ = junctions.get(e.from());
      Xml.Element toJ = junctions.get(e.to());
      if (fromJ == null || toJ == null) {
        throw new ImportException(file, e.line(), "edge '" + e.id() + "' joins unknown junction '"
            + (fromJ == null ? e.from() : e.to()) + "'");
      }
      double[] a = {Xml.number(fromJ, "x", 0, file) - offset[0], Xml.number(fromJ, "y", 0, file) - offset[1]};
      double[] b = {Xml.number(toJ, "x", 0, file) - offset[0], Xml.number(toJ, "y", 0, file) - offset[1]};
      Geometry g = geometry(cars, a, b);
      roads.add(new NetworkDraft.Road(e.id(), e.from(), e.to(), cars.size(), width, speed, g.inner(), e.line(),
          major.getOrDefault(e.id(), 0), 0, g.setbacks()));
    }
    List<CarriagewaySeparation.Carriageway> ways = new ArrayList<>();
    for (NetworkDraft.Road r : roads) {
      if (r.shape().size() >= 2) {
        double[] xs = r.shape().stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = r.shape().stream().mapToDouble(p -> p[1]).toArray();
        ways.add(new CarriagewaySeparation.Carriageway(r.id(), r.from(), r.to(), new Polyline(xs, ys),
            r.lanes() * r.laneWidth()));
      }
    }
    Map<String, Double> shifts = CarriagewaySeparation.shifts(ways, draft::note);
    for (NetworkDraft.Road r : roads) {
      Double d = shifts.get(r.id());
      draft.add(d == null ? r : new NetworkDraft.Road(r.id(), r.from(), r.to(), r.lanes(), r.laneWidth(), r.speed(),
          CarriagewaySeparation.moved(r.shape(), d), r.line(), r.priority(), r.column(), r.setbacks()));
    }
    for (Connection c : connections) {
      int[] map = laneMap.get(c.from());
      if (map == null || laneMap.get(c.to()) == null) {
        continue;
      }
      if (c.fromLane() >= map.length) {
        throw new ImportException(file, c.line(), "connection from edge '" + c.from() + "' uses fromLane " + c.fromLane()
            + " but the edge has " + map.length + " lane(s) (indices 0-" + (map.length - 1) + ")");
      }
      int[] toMap = laneMap.get(c.to());
      if (c.toLane() >= toMap.length) {
        throw new ImportException(file, c.line(), "connection to edge '" + c.to() + "' uses toLane " + c.toLane()
            + " but the edge has " + toMap.length + " lane(s) (indices 0-" + (toMap.length - 1) + ")");
      }
      if (map[c.fromLane()] >= 0 && toMap[c.toLane()] >= 0) {
        draft.link(c.from(), map[c.fromLane()], c.to(), toMap[c.toLane()], viaShape(c.via()));
      }
    }
    for (Map.Entry<String, Set<String>> tl : tlJunctions.entrySet()) {
      for (String junction : tl.getValue()) {
        String why = dropped(tl.getKey(), junction, laneMap);
        List<PhaseDraft> plan = why == null ? phases(tl.getKey(), junction, laneMap, draft) : null;
        if (why == null && plan == null) {
          why = "never gives green to a movement of modelled vehicles";
        }
        if (why != null) {
          draft.retype(junction, null);
          draft.note("signals dropped", "tlLogic '" + tl.getKey() + "' at '" + junction + "' " + why
              + ": imported unsignalized (priority rules)");
        } else {
          draft.plan(junction, plan);
        }
      }
    }
    return draft;
  }

  /**
   * Road priorities at unsignalized junctions, as netconvert decided them: it picks a main road through each
   * priority junction (by edge priority, then by geometry: the straightest pair) and marks its links
   * {@code M} (major) and the others' {@code m} (minor). Without this every approach of netgenerate's grids
   * has the same priority, our right-before-left rule applies, and four cars arriving at once wait for each
   * other for ever (grid10-no-turnarounds: 1,309 of 1,479 vehicles standing at 900 s). An edge with a major link
   * into its end junction gets 2, one with only minor links 1; edges at signals or with neither keep the
   * default (0).
   */
  private Map<String, Integer> majorRoads() {
    Map<String, Integer> rank = new LinkedHashMap<>();
    for (Connection c : connections) {
      if (c.tl() != null || c.state().isEmpty()) {
        continue;
      }
      char st = c.state().charAt(0);
      if (st == 'M') {
        rank.put(c.from(), 2);
      } else if (st == 'm') {
        rank.putIfAbsent(c.from(), 1);
      }
    }
    return rank;
  }

  /** A road's line between its nodes (lanes to its right) and where its lanes begin and end. */
  private record Geometry(List<double[]> inner, double[] setbacks) {}

  /**
   * The road's line as SUMO lays its lanes out: the left edge of its leftmost car lane (whether the edge spreads
   * its lanes right of its shape or centres them on it), joined to the two junctions' centres; its lanes begin
   * and end where SUMO's do, at the junction shapes (the furthest in of its car lanes' ends, measured along that
   * line). Lanes without a usable shape keep the builder's own trimming.
   */
  private static Geometry geometry(List<Lane> cars, double[] from, double[] to) {
    Lane left = cars.get(cars.size() - 1);
    if (left.shape().length < 2) {
      return new Geometry(List.of(), null);
    }
    double[] xs = new double[left.shape().length];
    double[] ys = new double[xs.length];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = left.shape()[k][0];
      ys[k] = left.shape()[k][1];
    }
    Polyline edge = new Polyline(xs, ys).offsetRight(-left.width() / 2);
    List<double[]> inner = new ArrayList<>();
    for (int k = 0; k < edge.size(); k++) {
      inner.add(new double[] {edge.x(k), edge.y(k)});
    }
    // Measured along the edge's own line (a lane's end projected onto the piece from the node would land anywhere),
    // plus the piece from the node to it.
    double start = 0;
    double end = edge.length();
    double[] proj = new double[2];
    for (Lane l : cars) {
      double[][] sh = l.shape();
      if (sh.length < 2) {
        return new Geometry(inner, null);
      }
      edge.project(sh[0][0], sh[0][1], proj);
      start = Math.max(start, proj[0]);
      edge.project(sh[sh.length - 1][0], sh[sh.length - 1][1], proj);
      end = Math.min(end, proj[0]);
    }
    double toFirst = Math.hypot(edge.x(0) - from[0], edge.y(0) - from[1]);
    double fromLast = Math.hypot(to[0] - edge.x(edge.size() - 1), to[1] - edge.y(edge.size() - 1));
    return new Geometry(inner, new double[] {toFirst + start, fromLast + Math.max(0, edge.length() - end)});
  }

  /**
   * The path of a connection through its junction: the shapes of its internal lanes in order (a turn with an
   * internal junction has two, the second named by the first's own connection's via). Empty without a via.
   */
  private List<double[]> viaShape(String via) {
    List<double[]> points = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String lane = via; lane != null && seen.add(lane); lane = internalVia.get(lane)) {
      double[][] shape = internalShapes.get(lane);
      if (shape == null) {
        break;
      }
      for (double[] p : shape) {
        if (points.isEmpty() || Math.hypot(p[0] - points.get(points.size() - 1)[0],
            p[1] - points.get(points.size() - 1)[1]) > 1e-6) {
          points.add(p);
        }
      }
    }
    return points;
  }

  /**
   * The movements (from>to) of modelled vehicles that signal {@code tl} controls at {@code junction}, with their
   * links; turnarounds only with {@code uTurns} (a signal that controls nothing else is not imported, see
   * {@link #dropped}).
   */
  private Map<String, List<Integer>> linksOf(String tl, String junction, Map<String, int[]> laneMap,
      boolean uTurns) {
    Map<String, List<Integer>> linksOf = new LinkedHashMap<>();
    for (Connection c : connections) {
      if (tl.equals(c.tl()) && edges.get(c.from()).to().equals(junction) && laneMap.containsKey(c.from())
          && laneMap.containsKey(c.to()) && (uTurns || !edges.get(c.to()).to().equals(edges.get(c.from()).from()))) {
        linksOf.computeIfAbsent(c.from() + ">" + c.to(), k -> new ArrayList<>()).add(c.linkIndex());
      }
    }
    return linksOf;
  }

  /**
   * Why the signal is not imported at this junction, or null: it controls no movement we model (netconvert's
   * signal at a dead end whose one controlled link is the turnaround; links on lanes closed to cars: bicycle,
   * tram or rail), its program is SUMO's "off", or every state of every such link is off ({@code o}/{@code O}).
   */
  private String dropped(String tl, String junction, Map<String, int[]> laneMap) {
    Map<String, List<Integer>> links = linksOf(tl, junction, laneMap, false);
    if (links.isEmpty()) {
      return "controls no movement of modelled vehicles (only U-turns, or lanes closed to cars)";
    }
    List<String> programs = tlPrograms.get(tl);
    if (programs.get(programs.size() - 1).equals("off")) {
      return "runs SUMO's program 'off' (switched off)";
    }
    for (TlPhase p : tlPhases.get(tl)) {
      for (List<Integer> ls : links.values()) {
        for (int link : ls) {
          if (link < p.state().length() && "oO".indexOf(p.state().charAt(link)) < 0) {
            return null;
          }
        }
      }
    }
    return tlPhases.get(tl).isEmpty() ? null : "is switched off (states o/O only) for every modelled movement";
  }

  /**
   * The phases of one junction under one signal program (see {@link SignalProgram} for the clearance rule); null
   * when the program never lets a movement we model go. Per link, SUMO's states (SUMO documentation,
   * Simulation/Traffic Lights, "Signal state definitions"): {@code G} protected green, {@code g} permissive green,
   * {@code s} stop then go (right on red), {@code y}/{@code Y} amber, {@code r} red, {@code u} red-yellow (still
   * red: the light turns green shortly), {@code o}/{@code O} signal off (blinking, yield / no signal, right of way):
   * taken as permissive, so the junction's priority rules decide. A movement over several lanes takes the greenest
   * state of its links (G, g, s, y, r).
   */
  private List<PhaseDraft> phases(String tl, String junction, Map<String, int[]> laneMap, NetworkDraft draft) {
    Map<String, List<Integer>> linksOf = linksOf(tl, junction, laneMap, true);
    List<TlPhase> program = tlPhases.get(tl);
    if (program.isEmpty()) {
      throw new ImportException(file, tlLines.get(tl), "tlLogic '" + tl + "' has no phases");
    }
    String order = "Ggsyr";
    boolean off = false;
    List<SignalProgram.Step> steps = new ArrayList<>();
    for (TlPhase p : program) {
      Map<String, Character> states = new LinkedHashMap<>();
      for (Map.Entry<String, List<Integer>> m : linksOf.entrySet()) {
        char best = 'r';
        for (int link : m.getValue()) {
          if (link >= p.state().length()) {
            throw new ImportException(file, p.line(), "phase state \"" + p.state() + "\" of tlLogic '" + tl + "' has "
                + p.state().length() + " signal(s) but a connection uses linkIndex " + link);
          }
          char c = p.state().charAt(link);
          char ours = switch (c) {
            case 'G' -> 'G';
            case 'g' -> 'g';
            case 'o', 'O' -> 'g';
            case 's' -> 's';
            case 'y', 'Y' -> 'y';
            case 'r', 'u' -> 'r';
            default -> throw new ImportException(file, p.line(), "phase state \"" + p.state() + "\" of tlLogic '" + tl
                + "' has an unknown signal '" + c + "' (expected G, g, s, y, Y, r, u, o or O)");
          };
          off |= c == 'o' || c == 'O';
          if (order.indexOf(ours) < order.indexOf(best)) {
            best = ours;
          }
        }
        if (best != 'r') {
          states.put(m.getKey(), best);
        }
      }
      steps.add(new SignalProgram.Step(p.duration(), states, p.line()));
    }
    if (off) {
      draft.note("signal off in some phases", "tlLogic '" + tl + "': links switched off (o/O) yield by the "
          + "junction's priority rules (imported as permissive green)");
    }
    return SignalProgram.phases(steps, m -> {
      String[] ends = m.split(">", 2);
      return draft.turnOf(ends[0], ends[1]) == io.v2xsim.core.network.Turn.RIGHT;
    }, "tlLogic '" + tl + "'", draft);
  }
}
