package io.v2xsim.core.imports;

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
 * junctions, connections (lane to lane: each its own connector, along its internal lanes' shapes) and the first
 * program of each tlLogic.
 *
 * <p>Coordinates are shifted back by the file's netOffset. SUMO numbers lanes from the rightmost, as we do;
 * lanes closed to passenger cars are left out and the others renumbered.
 *
 * <p>Signal states, per connection linkIndex: {@code G} protected green, {@code g} permissive green,
 * {@code y}/{@code Y} yellow (its duration becomes the yellow of the preceding green phase), {@code r}/{@code u}
 * red (a phase with no green and no yellow adds its duration to the preceding phase's all-red); {@code o},
 * {@code O} and {@code s} (signal off, stop sign) are taken as permissive. A movement over several lanes takes
 * the greenest state of its connections.
 */
final class SumoNetReader {
  private record Lane(int index, double speed, double width, boolean forCars, double[][] shape) {}

  private record Edge(String id, String from, String to, double[][] shape, List<Lane> lanes, int line) {}

  private record Connection(String from, String to, int fromLane, int toLane, String via, String tl, int linkIndex,
      int line) {}

  private record TlPhase(double duration, String state, int line) {}

  /** Yellow carved out of an all-red clearance that has none, seconds. */
  private static final double MIN_YELLOW = 3.0;

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
                Xml.integer(e, "toLane", file), via, tl, link, e.line()));
          }
          case "tlLogic" -> {
            String id = Xml.required(e, "id", file);
            // Several programs may exist; the first is the one SUMO runs unless told otherwise.
            currentTl[0] = tlPhases.containsKey(id) ? null : id;
            if (currentTl[0] != null) {
              tlPhases.put(id, new ArrayList<>());
              tlLines.put(id, e.line());
            }
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
    Map<String, int[]> laneMap = new LinkedHashMap<>();
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
      double[][] shape = e.shape().length > 0 ? e.shape() : cars.get((cars.size() - 1) / 2).shape();
      List<double[]> inner = new ArrayList<>();
      for (int k = 1; k < shape.length - 1; k++) {
        inner.add(shape[k]);
      }
      draft.add(new NetworkDraft.Road(e.id(), e.from(), e.to(), cars.size(), width, speed, inner, e.line()));
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
        List<PhaseDraft> plan = phases(tl.getKey(), junction, laneMap, draft);
        if (plan == null) {
          // e.g. netconvert's signal at a dead end whose one controlled link is the turnaround
          draft.retype(junction, null);
          draft.note("signals dropped", "tlLogic '" + tl.getKey() + "' controls no movement of modelled vehicles at '"
              + junction + "' (only U-turns or lanes closed to cars): imported unsignalized");
        } else {
          draft.plan(junction, plan);
        }
      }
    }
    return draft;
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
   * The green phases of one junction under one signal program, clearance folded into yellow and all-red; null when
   * the program controls no movement we model there.
   */
  private List<PhaseDraft> phases(String tl, String junction, Map<String, int[]> laneMap, NetworkDraft draft) {
    Map<String, List<Integer>> linksOf = new LinkedHashMap<>();
    for (Connection c : connections) {
      if (tl.equals(c.tl()) && edges.get(c.from()).to().equals(junction) && laneMap.containsKey(c.from())
          && laneMap.containsKey(c.to()) && !edges.get(c.to()).to().equals(edges.get(c.from()).from())) {
        linksOf.computeIfAbsent(c.from() + ">" + c.to(), k -> new ArrayList<>()).add(c.linkIndex());
      }
    }
    if (linksOf.isEmpty()) {
      return null;
    }
    List<TlPhase> program = tlPhases.get(tl);
    if (program.isEmpty()) {
      throw new ImportException(file, tlLines.get(tl), "tlLogic '" + tl + "' has no phases");
    }
    record Step(Map<String, Character> green, double duration, boolean yellow, int line) {}
    List<Step> steps = new ArrayList<>();
    for (TlPhase p : program) {
      Map<String, Character> green = new LinkedHashMap<>();
      boolean yellow = false;
      for (Map.Entry<String, List<Integer>> m : linksOf.entrySet()) {
        char best = 'r';
        for (int link : m.getValue()) {
          if (link >= p.state().length()) {
            throw new ImportException(file, p.line(), "phase state \"" + p.state() + "\" of tlLogic '" + tl + "' has "
                + p.state().length() + " signal(s) but a connection uses linkIndex " + link);
          }
          char s = p.state().charAt(link);
          switch (s) {
            case 'G' -> best = 'G';
            case 'g', 'o', 'O', 's' -> best = best == 'G' ? 'G' : 'g';
            case 'y', 'Y' -> yellow = true;
            case 'r', 'u' -> { }
            default -> throw new ImportException(file, p.line(), "phase state \"" + p.state() + "\" of tlLogic '" + tl
                + "' has an unknown signal '" + s + "' (expected G, g, y, r, u, o, O or s)");
          }
        }
        if (best != 'r') {
          green.put(m.getKey(), best);
        }
      }
      steps.add(new Step(green, p.duration(), yellow, p.line()));
    }
    // Fold every phase without green into the green phase before it (cyclically: leading clearance belongs to
    // the last green phase).
    int firstGreen = -1;
    for (int k = 0; k < steps.size() && firstGreen < 0; k++) {
      if (!steps.get(k).green().isEmpty()) {
        firstGreen = k;
      }
    }
    if (firstGreen < 0) {
      throw new ImportException(file, tlLines.get(tl), "tlLogic '" + tl + "' never gives green to any movement at '"
          + junction + "'");
    }
    List<PhaseDraft> phases = new ArrayList<>();
    for (int n = 0; n < steps.size(); n++) {
      Step s = steps.get((firstGreen + n) % steps.size());
      if (!s.green().isEmpty()) {
        phases.add(new PhaseDraft(s.duration(), 0, 0, s.green(), s.line()));
        continue;
      }
      PhaseDraft last = phases.get(phases.size() - 1);
      double yellow = last.yellow();
      double allRed = last.allRed();
      if (s.yellow()) {
        yellow += s.duration();
      } else {
        allRed += s.duration();
      }
      if (yellow > 10 || allRed > 10) {
        draft.note("clearance over 10 s was capped at 10 s yellow and 10 s all-red (tlLogic '" + tl + "')");
        yellow = Math.min(10, yellow);
        allRed = Math.min(10, allRed);
      }
      phases.set(phases.size() - 1, new PhaseDraft(last.green(), yellow, allRed, last.movements(), last.line()));
    }
    // A plan that goes from green straight to red (all-red only, as netconvert's static plans of these
    // benchmark files do) leaves our drivers no amber to stop on: the first seconds of the all-red become
    // yellow, keeping the same total clearance.
    for (int k = 0; k < phases.size(); k++) {
      PhaseDraft p = phases.get(k);
      if (p.yellow() == 0 && p.allRed() > 0) {
        double yellow = Math.min(MIN_YELLOW, p.allRed());
        phases.set(k, new PhaseDraft(p.green(), yellow, p.allRed() - yellow, p.movements(), p.line()));
        draft.note("phases going from green straight to red got up to " + MIN_YELLOW + " s of their all-red as "
            + "yellow (same total clearance)");
      }
    }
    return phases;
  }
}
