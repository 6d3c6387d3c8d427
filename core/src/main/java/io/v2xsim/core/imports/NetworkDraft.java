package io.v2xsim.core.imports;

import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.LaneLinkDef;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.NetworkBuilder;
import io.v2xsim.core.network.NodeDef;
import io.v2xsim.core.network.RoadDef;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Turn;
import io.v2xsim.core.spec.Problem;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.LaneLinkSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.NodeSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.RoadSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A network being imported, in a form both importers share: nodes, roads, which lane may go to which road,
 * and signal phases as movement states. It turns into our spec (lane turns from geometry, explicit plans)
 * and checks itself by building the network once, so that a problem is reported against the imported file
 * rather than as a compiler message about a scenario the user never wrote.
 */
final class NetworkDraft {
  /** A node; {@code type} is a NodeSpec type, or null to infer (boundary with one neighbour, else priority). */
  record Node(String id, double x, double y, String type, int line) {}

  /**
   * A one-way road; {@code shape} holds the points between the two nodes; {@code priority} ranks roads at
   * priority junctions (0: the compiler's default), {@code column} locates it in its file (0: unknown);
   * {@code setbacks} where its lanes begin and end, metres from each node, where the source says (else null).
   */
  record Road(String id, String from, String to, int lanes, double laneWidth, double speed, List<double[]> shape,
      int line, int priority, int column, double[] setbacks) {
    Road(String id, String from, String to, int lanes, double laneWidth, double speed, List<double[]> shape,
        int line) {
      this(id, from, to, lanes, laneWidth, speed, shape, line, 0, 0, null);
    }

    Road(String id, String from, String to, int lanes, double laneWidth, double speed, List<double[]> shape,
        int line, int priority, int column) {
      this(id, from, to, lanes, laneWidth, speed, shape, line, priority, column, null);
    }
  }

  /**
   * Lane {@code fromLane} of a road continues into lane {@code toLane} of road {@code to} (both ours, from the
   * rightmost), along {@code shape} (the source's points through the junction; may be empty).
   */
  record LaneLink(int fromLane, String to, int toLane, List<double[]> shape) {}

  /** A movement's state in a phase: protected ('G'), permissive ('g') or stop-then-go ('s'); see SignalProgram. */
  record PhaseDraft(double green, double yellow, double allRed, Map<String, Character> movements, int line) {}

  private final String file;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Road> roads = new LinkedHashMap<>();
  /** road id -> our lane index (from the rightmost) -> roads that lane may turn into. */
  private final Map<String, Map<Integer, Set<String>>> laneTargets = new LinkedHashMap<>();
  /** road id -> lane-level links from it, in file order (SUMO connections, CityFlow laneLinks). */
  private final Map<String, List<LaneLink>> laneLinks = new LinkedHashMap<>();
  private final Map<String, List<PhaseDraft>> plans = new LinkedHashMap<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private final List<String> uTurns = new ArrayList<>();

  NetworkDraft(String file) {
    this.file = file;
  }

  void add(Node n) {
    if (nodes.putIfAbsent(n.id(), n) != null) {
      throw new ImportException(file, n.line(), "duplicate junction id '" + n.id() + "'");
    }
  }

  void add(Road r) {
    if (!nodes.containsKey(r.from())) {
      throw new ImportException(file, r.line(), "road '" + r.id() + "' starts at unknown junction '" + r.from() + "'");
    }
    if (!nodes.containsKey(r.to())) {
      throw new ImportException(file, r.line(), "road '" + r.id() + "' ends at unknown junction '" + r.to() + "'");
    }
    if (roads.putIfAbsent(r.id(), r) != null) {
      throw new ImportException(file, r.line(), "duplicate road id '" + r.id() + "'");
    }
  }

  /** Replaces the type of node {@code id} (null: inferred from its neighbours). */
  void retype(String id, String type) {
    Node n = nodes.get(id);
    nodes.put(id, new Node(n.id(), n.x(), n.y(), type, n.line()));
  }

  Road road(String id) {
    return roads.get(id);
  }

  Node node(String id) {
    return nodes.get(id);
  }

  boolean hasPlan(String junction) {
    return plans.containsKey(junction);
  }

  void note(String note) {
    notes.add(note);
  }

  /**
   * One instance of a kind of note: shown as "kind: detail", so that a reader can count notes per kind (see
   * {@link ImportNotes}).
   */
  void note(String kind, String detail) {
    notes.add(kind + ": " + detail);
  }

  /** The turn from road {@code from} onto road {@code to}, as the network builder will classify it. */
  Turn turnOf(String from, String to) {
    return turn(roads.get(from), roads.get(to));
  }

  /** Lane {@code lane} (ours, from the rightmost) of {@code from} may continue onto road {@code to}. */
  void allow(String from, int lane, String to) {
    Road in = roads.get(from);
    Road out = roads.get(to);
    if (out.to().equals(in.from())) {
      // Our junctions never route back the way a vehicle came (see NetworkBuilder.turnsFrom); at a boundary
      // node (SUMO's dead-end turnarounds) there is nothing to route at all.
      uTurns.add(in.to());
      return;
    }
    laneTargets.computeIfAbsent(from, k -> new LinkedHashMap<>()).computeIfAbsent(lane, k -> new LinkedHashSet<>())
        .add(to);
  }

  /**
   * Lane {@code lane} of {@code from} continues into lane {@code toLane} of {@code to} (ours, from the rightmost):
   * its own connector, along {@code shape} where the source gives one. A link back onto the road it came from is
   * a U-turn connector (it yields to every other movement); at a signalized junction it goes when its signal
   * lets it (see {@link #networkSpec()}).
   */
  void link(String from, int lane, String to, int toLane, List<double[]> shape) {
    laneLinks.computeIfAbsent(from, k -> new ArrayList<>()).add(new LaneLink(lane, to, toLane, List.copyOf(shape)));
  }

  void plan(String junction, List<PhaseDraft> phases) {
    plans.put(junction, phases);
  }

  /** The phases given to {@code junction}, or null. */
  List<PhaseDraft> planOf(String junction) {
    return plans.get(junction);
  }

  /** The spec of the network; lane turns come from the allowed targets, classified by geometry as the builder does. */
  NetworkSpec networkSpec() {
    List<NodeSpec> nodeSpecs = new ArrayList<>();
    Map<String, String> kinds = kinds();
    for (Node n : nodes.values()) {
      nodeSpecs.add(new NodeSpec(n.id(), n.x(), n.y(), kinds.get(n.id())));
    }
    List<RoadSpec> roadSpecs = new ArrayList<>();
    for (Road r : roads.values()) {
      List<List<Double>> shape = null;
      if (!r.shape().isEmpty()) {
        shape = new ArrayList<>();
        for (double[] p : r.shape()) {
          shape.add(List.of(p[0], p[1]));
        }
      }
      boolean boundary = "boundary".equals(kinds.get(r.to()));
      List<LaneLinkSpec> links = boundary ? null : laneLinkSpecs(r, kinds);
      List<String> turns = boundary || links != null ? null : laneTurns(r);
      roadSpecs.add(new RoadSpec(r.id(), r.from(), r.to(), r.lanes(), r.laneWidth(), r.speed(),
          r.priority() == 0 ? null : r.priority(), shape, turns, links,
          r.setbacks() == null ? null : List.of(r.setbacks()[0], r.setbacks()[1])));
    }
    long uTurnsDropped = uTurns.stream().filter(n -> !"boundary".equals(kinds.get(n))).count();
    if (uTurnsDropped > 0) {
      note(uTurnsDropped + " U-turn lane link(s) dropped: v2xsim junctions do not route a vehicle back the way it came");
    }
    return new NetworkSpec(null, nodeSpecs, roadSpecs);
  }

  /**
   * The road's lane-level links as spec entries, or null if the source gave none. A U-turn link at a signalized
   * junction whose program never lets it go is dropped: it would never get green. A lane the source links nowhere takes its nearest linked neighbour's links, so it is no dead end.
   */
  private List<LaneLinkSpec> laneLinkSpecs(Road r, Map<String, String> kinds) {
    List<LaneLink> given = laneLinks.get(r.id());
    if (given == null || given.isEmpty()) {
      return null;
    }
    List<LaneLink> kept = new ArrayList<>();
    for (LaneLink l : given) {
      if (roads.get(l.to()).to().equals(r.from()) && "signalized".equals(kinds.get(r.to()))
          && !signalServes(r.to(), r.id() + ">" + l.to())) {
        note("U-turns dropped", "lane " + l.fromLane() + " of '" + r.id() + "' onto '" + l.to() + "' at signalized '"
            + r.to() + "' (the signal program never lets it go)");
        continue;
      }
      kept.add(l);
    }
    if (kept.isEmpty()) {
      return null;
    }
    Map<Integer, List<LaneLink>> byLane = new LinkedHashMap<>();
    kept.forEach(l -> byLane.computeIfAbsent(l.fromLane(), k -> new ArrayList<>()).add(l));
    List<LaneLinkSpec> out = new ArrayList<>();
    for (int lane = 0; lane < r.lanes(); lane++) {
      List<LaneLink> own = byLane.get(lane);
      for (int d = 1; own == null && d < r.lanes(); d++) {
        own = byLane.containsKey(lane - d) ? byLane.get(lane - d) : byLane.get(lane + d);
        if (own != null) {
          note("lanes without lane links took a neighbouring lane's links", "lane " + lane + " of road '" + r.id()
              + "'");
        }
      }
      for (LaneLink l : own) {
        List<List<Double>> shape = null;
        if (!l.shape().isEmpty()) {
          shape = new ArrayList<>();
          for (double[] p : l.shape()) {
            shape.add(List.of(p[0], p[1]));
          }
        }
        out.add(new LaneLinkSpec(lane, l.to(), l.toLane(), shape));
      }
    }
    return out;
  }

  /** Some phase of {@code junction}'s plan lets movement {@code fromTo} go. */
  private boolean signalServes(String junction, String fromTo) {
    List<PhaseDraft> plan = plans.get(junction);
    return plan != null && plan.stream().anyMatch(p -> p.movements().containsKey(fromTo));
  }

  /** Node types, with boundary inferred (one neighbour) where the source left it open. */
  private Map<String, String> kinds() {
    Map<String, Set<String>> neighbours = new LinkedHashMap<>();
    for (Road r : roads.values()) {
      neighbours.computeIfAbsent(r.from(), k -> new HashSet<>()).add(r.to());
      neighbours.computeIfAbsent(r.to(), k -> new HashSet<>()).add(r.from());
    }
    Set<String> turnsBack = new HashSet<>();
    laneLinks.forEach((from, ls) -> {
      Road in = roads.get(from);
      for (LaneLink l : ls) {
        if (roads.get(l.to()).to().equals(in.from())) {
          turnsBack.add(in.to());
        }
      }
    });
    Map<String, String> kinds = new LinkedHashMap<>();
    for (Node n : nodes.values()) {
      String type = n.type();
      if (type == null) {
        // A node with one neighbour is where traffic enters and leaves, unless the source turns traffic back
        // there (a SUMO "priority" dead end with a turnaround connection, which its routes may use mid-trip).
        type = neighbours.getOrDefault(n.id(), Set.of()).size() <= 1 && !turnsBack.contains(n.id())
            ? "boundary" : "priority";
      }
      kinds.put(n.id(), type);
    }
    return kinds;
  }

  private List<String> laneTurns(Road r) {
    Map<Integer, Set<String>> targets = laneTargets.get(r.id());
    if (targets == null || targets.isEmpty()) {
      return null; // the source says nothing: the builder's defaults from geometry apply
    }
    String[] letters = new String[r.lanes()];
    for (int lane = 0; lane < r.lanes(); lane++) {
      Set<String> outs = targets.get(lane);
      if (outs == null) {
        continue;
      }
      TreeSet<Turn> turns = new TreeSet<>();
      for (String out : outs) {
        turns.add(turn(r, roads.get(out)));
      }
      StringBuilder s = new StringBuilder();
      turns.forEach(t -> s.append(t.letter()));
      letters[lane] = s.toString();
    }
    // A lane the source links nowhere takes its nearest linked neighbour's turns, so it is not a dead end.
    for (int lane = 0; lane < r.lanes(); lane++) {
      if (letters[lane] != null) {
        continue;
      }
      for (int d = 1; d < r.lanes(); d++) {
        String near = lane - d >= 0 && targets.containsKey(lane - d) ? letters[lane - d]
            : lane + d < r.lanes() && targets.containsKey(lane + d) ? letters[lane + d] : null;
        if (near != null) {
          letters[lane] = near;
          note("lanes without lane links took a neighbouring lane's turns", "lane " + lane + " of road '" + r.id()
              + "'");
          break;
        }
      }
    }
    return List.of(letters);
  }

  /** The turn from {@code in} onto {@code out} as NetworkBuilder classifies it: end heading to start heading. */
  private Turn turn(Road in, Road out) {
    return Turn.classify(headingChange(in, out));
  }

  /** Heading change from the end of road {@code from} to the start of road {@code to}, radians in (-pi, pi]. */
  double headingChange(String from, String to) {
    return headingChange(roads.get(from), roads.get(to));
  }

  private double headingChange(Road in, Road out) {
    double[] a = lastSegment(in);
    double[] b = firstSegment(out);
    double d = Math.atan2(b[1], b[0]) - Math.atan2(a[1], a[0]);
    while (d <= -Math.PI) {
      d += 2 * Math.PI;
    }
    while (d > Math.PI) {
      d -= 2 * Math.PI;
    }
    return d;
  }

  private double[] lastSegment(Road r) {
    Node to = nodes.get(r.to());
    double[] prev = r.shape().isEmpty() ? xy(nodes.get(r.from())) : r.shape().get(r.shape().size() - 1);
    return new double[] {to.x() - prev[0], to.y() - prev[1]};
  }

  private double[] firstSegment(Road r) {
    Node from = nodes.get(r.from());
    double[] next = r.shape().isEmpty() ? xy(nodes.get(r.to())) : r.shape().get(0);
    return new double[] {next[0] - from.x(), next[1] - from.y()};
  }

  private static double[] xy(Node n) {
    return new double[] {n.x(), n.y()};
  }

  /** Builds the network as the compiler will, reporting its first problem against the imported file. */
  RoadNetwork build(NetworkSpec spec) {
    List<NodeDef> nodeDefs = new ArrayList<>();
    for (NodeSpec n : spec.nodes()) {
      JunctionKind kind = switch (n.type()) {
        case "signalized" -> JunctionKind.SIGNALIZED;
        case "allway-stop" -> JunctionKind.ALLWAY_STOP;
        case "boundary" -> JunctionKind.BOUNDARY;
        default -> JunctionKind.PRIORITY;
      };
      nodeDefs.add(new NodeDef(n.id(), n.x(), n.y(), kind, "/network/nodes/" + nodeDefs.size()));
    }
    List<RoadDef> roadDefs = new ArrayList<>();
    for (RoadSpec r : spec.roads()) {
      List<double[]> shape = new ArrayList<>();
      if (r.shape() != null) {
        r.shape().forEach(p -> shape.add(new double[] {p.get(0), p.get(1)}));
      }
      List<LaneLinkDef> links = null;
      if (r.laneLinks() != null) {
        links = new ArrayList<>();
        for (LaneLinkSpec l : r.laneLinks()) {
          List<double[]> via = new ArrayList<>();
          if (l.shape() != null) {
            l.shape().forEach(p -> via.add(new double[] {p.get(0), p.get(1)}));
          }
          links.add(new LaneLinkDef(l.fromLane(), l.to(), l.toLane(), via));
        }
      }
      roadDefs.add(new RoadDef(r.id(), r.from(), r.to(), r.lanes(), r.laneWidth(), r.speedLimit(),
          r.priority() == null ? 0 : r.priority(), shape,
          r.laneTurns(), "/network/roads/" + roadDefs.size(), links,
          r.setbacks() == null ? null : new double[] {r.setbacks().get(0), r.setbacks().get(1)}));
    }
    NetworkBuilder builder = new NetworkBuilder(nodeDefs, roadDefs);
    RoadNetwork net = builder.build();
    if (net == null) {
      Problem p = builder.problems().get(0);
      int line = 0;
      int column = 0;
      String path = p.path();
      if (path.startsWith("/network/roads/")) {
        String idx = path.substring("/network/roads/".length()).split("/")[0];
        Road r = roads.get(roadDefs.get(Integer.parseInt(idx)).id());
        line = r.line();
        column = r.column();
      }
      throw new ImportException(file, line, column, "the network cannot be built: " + p.message());
    }
    return net;
  }

  /**
   * Explicit plans for the signalized junctions. Two protected movements whose paths cross or merge in our
   * geometry cannot both be green (the compiler rejects it), although the source tool lets them share a phase
   * and resolves them by its own yield rules; the one that yields by our static right-of-way rules becomes
   * permissive, which is what the source's yield rules do too.
   */
  SignalsSpec signalsSpec(RoadNetwork net) {
    Map<String, JunctionSignalSpec> junctions = new LinkedHashMap<>();
    int downgraded = 0;
    for (Map.Entry<String, List<PhaseDraft>> e : plans.entrySet()) {
      Junction j = net.junction(e.getKey());
      if (j == null || j.kind() != JunctionKind.SIGNALIZED) {
        continue;
      }
      List<PhaseSpec> phases = new ArrayList<>();
      for (PhaseDraft p : e.getValue()) {
        char[] state = new char[j.movements().size()];
        for (Map.Entry<String, Character> m : p.movements().entrySet()) {
          String[] ends = m.getKey().split(">", 2);
          Movement mv = j.movement(net.road(ends[0]), net.road(ends[1]));
          if (mv == null) {
            throw new ImportException(file, p.line(), "signal '" + j.id() + "' serves movement " + m.getKey()
                + ", which no lane of the imported network makes (inconsistent phases and lane links)");
          }
          state[mv.index()] = m.getValue();
        }
        for (Connector c : j.connectors()) {
          if (state[c.movement()] != 'G') {
            continue;
          }
          for (Conflict conf : c.conflicts()) {
            if (conf.other().junction() == j && state[conf.other().movement()] == 'G' && conf.yieldsStatically()) {
              state[c.movement()] = 'g';
              downgraded++;
              break;
            }
          }
        }
        List<String> green = new ArrayList<>();
        List<String> permissive = new ArrayList<>();
        List<String> stop = new ArrayList<>();
        for (Movement mv : j.movements()) {
          switch (state[mv.index()]) {
            case 'G' -> green.add(mv.label());
            case 'g' -> permissive.add(mv.label());
            case 's' -> stop.add(mv.label());
            default -> { }
          }
        }
        phases.add(new PhaseSpec(p.green(), p.yellow(), p.allRed(), green, permissive.isEmpty() ? null : permissive,
            stop.isEmpty() ? null : stop));
      }
      junctions.put(j.id(), new JunctionSignalSpec(null, 0.0, phases));
    }
    if (downgraded > 0) {
      note(downgraded + " protected movement(s) that cross or merge with another green one made permissive "
          + "(they yield, as in the source tool)");
    }
    return new SignalsSpec(null, junctions);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
