package io.v2xsim.core.imports;

import io.v2xsim.core.imports.NetworkDraft.PhaseDraft;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a CityFlow roadnet.json and flow.json.
 *
 * <ul>
 *   <li>Intersections become nodes: virtual ones boundary nodes, ones whose traffic light serves road links
 *       signalized, the rest priority junctions. Roads keep their id, polyline and lanes (mean lane width,
 *       highest lane maxSpeed).
 *   <li>Lane indices: CityFlow numbers a road's lanes from the inside (index 0 is next to the centre line,
 *       the leftmost lane in right-hand traffic); v2xsim numbers them from the rightmost. CityFlow lane
 *       {@code i} of an {@code n}-lane road is our lane {@code n - 1 - i}. CityFlow's roadnet documentation does
 *       not state the order; the files' own lane-link polylines do (in the Hangzhou roadnet, startLaneIndex 1 of
 *       the 3 m lanes of road_0_1_0 starts 4.5 m right of the centre line, index 0 at 1.5 m), and the SUMO
 *       version of the same junction, numbered from the right, agrees (see ImportersTest).
 *   <li>Each laneLink (startLaneIndex to endLaneIndex) becomes its own connector from that lane into that
 *       lane, along the link's points where they lie inside our junction area; turns come from geometry, as
 *       our network builder classifies them, so that lane turns and movements agree.
 *   <li>trafficLight.lightphases: phase 0 (at most 10 s and right turns only, 5 s in these benchmark files) is
 *       the clearance phase LibSignal inserts between phase changes; it is put back after every other phase and
 *       the plan then follows {@link SignalProgram}'s rule, the same as for SUMO: the links that lose their green
 *       get 3 s of amber from the clearance, the rest of it is all-red. Any other light is taken as it is.
 *   <li>Flows: one vehicle at {@code startTime} and then every {@code interval} seconds while the time is at
 *       most {@code endTime} ({@code -1}: no end), exactly as CityFlow's Flow::nextStep does at its default
 *       1 s step (its accumulator starts full, so the first vehicle leaves at startTime); vehicles are named
 *       {@code flow_<index>_<n>} as CityFlow names them.
 *   <li>Vehicle parameters: maxPosAcc to accel, usualNegAcc to decel (comfortable), maxNegAcc to emergency
 *       deceleration, headwayTime to the IDM time headway, minGap, maxSpeed, length and width as they are;
 *       usualPosAcc has no counterpart in IDM and is dropped; CityFlow drivers all keep maxSpeed, so the
 *       speed factor spread is 0. Identical parameter sets share one vehicle type.
 * </ul>
 */
public final class CityFlowImporter {
  /** CityFlow's default simulation step, at which flows are sampled. */
  private static final double CITYFLOW_STEP = 1.0;

  private CityFlowImporter() {}

  /**
   * @param roadnet the roadnet JSON
   * @param flow the flow JSON, or null for the network alone
   * @param display how to name each file in messages (e.g. as the user gave it)
   * @param horizon seconds of demand to generate for flows without an end
   * @throws ImportException naming the file, line and what is wrong
   */
  public static ImportedScenario read(Path roadnet, Path flow, java.util.function.Function<Path, String> display,
      double horizon) {
    String netName = display.apply(roadnet);
    NetworkDraft draft = new NetworkDraft(netName);
    Json root = Json.read(roadnet, netName);
    List<Json> intersections = root.list("intersections", "the roadnet");
    List<Json> roads = root.list("roads", "the roadnet");
    java.util.Map<String, Double> widthOf = new java.util.HashMap<>();
    for (Json i : intersections) {
      String id = i.text("id", "an intersection");
      String what = "intersection '" + id + "'";
      Json point = i.get("point", what);
      boolean virtual = i.flag("virtual", false);
      if (!virtual && i.has("width")) {
        widthOf.put(id, Math.max(0, i.number("width", what)));
      }
      String type = virtual ? "boundary" : signalized(i) ? "signalized" : "priority";
      draft.add(new NetworkDraft.Node(id, point.number("x", what + ".point"), point.number("y", what + ".point"),
          type, i.line()));
    }
    for (Json r : roads) {
      String id = r.text("id", "a road");
      String what = "road '" + id + "'";
      List<Json> points = r.list("points", what);
      if (points.size() < 2) {
        throw r.error(what + " needs at least two points, has " + points.size());
      }
      List<double[]> shape = new ArrayList<>();
      for (int k = 1; k < points.size() - 1; k++) {
        shape.add(new double[] {points.get(k).number("x", what + " point"), points.get(k).number("y", what + " point")});
      }
      List<Json> lanes = r.list("lanes", what);
      if (lanes.isEmpty()) {
        throw r.error(what + " has no lanes");
      }
      double width = 0;
      double speed = 0;
      for (Json l : lanes) {
        width += l.number("width", what + " lane");
        speed = Math.max(speed, l.number("maxSpeed", what + " lane"));
      }
      width /= lanes.size();
      if (width < 2.0 || width > 6.0) {
        draft.note("lane widths outside 2-6 m were clamped into that range (road '" + id + "')");
        width = Math.max(2.0, Math.min(6.0, width));
      }
      if (speed <= 0) {
        throw r.error(what + ": lane maxSpeed must be positive");
      }
      // CityFlow starts and ends a road's lanes the intersection's width from its centre (its laneLinks' points
      // run from there): lanes end where CityFlow's do, so that those points are the connectors' paths.
      String from = r.text("startIntersection", what);
      String to = r.text("endIntersection", what);
      double[] setbacks = widthOf.containsKey(from) || widthOf.containsKey(to)
          ? new double[] {widthOf.getOrDefault(from, 0.0), widthOf.getOrDefault(to, 0.0)} : null;
      draft.add(new NetworkDraft.Road(id, from, to, lanes.size(), width, speed, shape, r.line(), 0, 0, setbacks));
    }
    for (Json i : intersections) {
      links(i, draft);
    }
    NetworkSpec network = draft.networkSpec();
    RoadNetwork built = draft.build(network);
    SignalsSpec signals = draft.signalsSpec(built);

    Map<String, VehicleTypeSpec> types = new LinkedHashMap<>();
    DemandSpec demand = null;
    if (flow != null) {
      demand = flows(flow, display.apply(flow), draft, types, horizon);
    }
    draft.note("CityFlow usualPosAcc has no IDM counterpart and was dropped");
    return new ImportedScenario(network, types, demand, signals, draft.notes());
  }

  private static boolean signalized(Json i) {
    if (!i.has("trafficLight") || !i.has("roadLinks") || i.list("roadLinks", "").isEmpty()) {
      return false;
    }
    Json tl = i.get("trafficLight", "");
    return tl.has("lightphases") && !tl.list("lightphases", "").isEmpty();
  }

  private static void links(Json i, NetworkDraft draft) {
    String id = i.text("id", "an intersection");
    String what = "intersection '" + id + "'";
    if (i.flag("virtual", false) || !i.has("roadLinks")) {
      return;
    }
    List<Json> roadLinks = i.list("roadLinks", what);
    List<String> labels = new ArrayList<>();
    for (int k = 0; k < roadLinks.size(); k++) {
      Json rl = roadLinks.get(k);
      String lw = what + " roadLinks[" + k + "]";
      String from = rl.text("startRoad", lw);
      String to = rl.text("endRoad", lw);
      NetworkDraft.Road in = draft.road(from);
      NetworkDraft.Road out = draft.road(to);
      if (in == null) {
        throw rl.get("startRoad", lw).error(lw + ": unknown road '" + from + "'");
      }
      if (out == null) {
        throw rl.get("endRoad", lw).error(lw + ": unknown road '" + to + "'");
      }
      if (!in.to().equals(id) || !out.from().equals(id)) {
        throw rl.error(lw + " links road '" + from + "' to road '" + to + "', which do not meet at '" + id + "'");
      }
      for (Json ll : rl.list("laneLinks", lw)) {
        int s = ll.index("startLaneIndex", lw + " laneLink");
        int e = ll.index("endLaneIndex", lw + " laneLink");
        if (s >= in.lanes()) {
          throw ll.error(lw + ": startLaneIndex " + s + " is out of range, road '" + from + "' has " + in.lanes()
              + " lane(s) (indices 0-" + (in.lanes() - 1) + ")");
        }
        if (e >= out.lanes()) {
          throw ll.error(lw + ": endLaneIndex " + e + " is out of range, road '" + to + "' has " + out.lanes()
              + " lane(s) (indices 0-" + (out.lanes() - 1) + ")");
        }
        List<double[]> points = new ArrayList<>();
        if (ll.has("points")) {
          for (Json pt : ll.list("points", lw + " laneLink")) {
            points.add(new double[] {pt.number("x", lw + " laneLink point"), pt.number("y", lw + " laneLink point")});
          }
        }
        // CityFlow counts lanes from the inside, we from the right
        draft.link(from, in.lanes() - 1 - s, to, out.lanes() - 1 - e, points);
      }
      labels.add(from + ">" + to);
    }
    if (!"signalized".equals(draft.node(id).type())) {
      return;
    }
    Json tl = i.get("trafficLight", what);
    List<Json> lightphases = tl.list("lightphases", what + ".trafficLight");
    List<SignalProgram.Step> given = new ArrayList<>();
    for (int k = 0; k < lightphases.size(); k++) {
      Json p = lightphases.get(k);
      String pw = what + " lightphases[" + k + "]";
      double time = p.number("time", pw);
      if (time <= 0) {
        throw p.error(pw + ": time must be positive, got " + time);
      }
      Map<String, Character> movements = new LinkedHashMap<>();
      for (Json idx : p.list("availableRoadLinks", pw)) {
        double v = idx.asNumber(pw + " availableRoadLinks entry");
        if (v != Math.rint(v) || v < 0 || v >= labels.size()) {
          throw idx.error(pw + ": availableRoadLinks refers to road link " + v + " but the intersection has "
              + labels.size() + " (indices 0-" + (labels.size() - 1) + ")");
        }
        String label = labels.get((int) v);
        NetworkDraft.Road in = draft.road(label.substring(0, label.indexOf('>')));
        NetworkDraft.Road out = draft.road(label.substring(label.indexOf('>') + 1));
        if (!out.to().equals(in.from())) {
          movements.put(label, 'G');
        }
      }
      given.add(new SignalProgram.Step(time, movements, p.line()));
    }
    java.util.function.Predicate<String> right = m -> {
      String[] ends = m.split(">", 2);
      return draft.turnOf(ends[0], ends[1]) == io.v2xsim.core.network.Turn.RIGHT;
    };
    // LibSignal's files keep one short phase 0 that lets only right turns go; LibSignal shows it between any two
    // phases (its yellow phase), so it is put back after every other phase before the common rule applies.
    List<SignalProgram.Step> steps = given;
    SignalProgram.Step zero = given.get(0);
    if (given.size() > 1 && zero.duration() <= SignalProgram.MAX_CLEARANCE && zero.going().stream().allMatch(right)) {
      steps = new ArrayList<>();
      for (int k = 1; k < given.size(); k++) {
        steps.add(given.get(k));
        steps.add(zero);
      }
      draft.note("clearance phase", what + ": light phase 0 (" + zero.duration() + " s, right turns only) is "
          + "LibSignal's clearance phase, shown after every other phase");
    }
    List<PhaseDraft> phases = SignalProgram.phases(steps, right, what, draft);
    if (phases == null) {
      draft.retype(id, "priority");
      draft.note("signals dropped", what + ": its light never lets a movement go: imported unsignalized");
      return;
    }
    draft.plan(id, phases);
  }

  private static DemandSpec flows(Path file, String name, NetworkDraft draft, Map<String, VehicleTypeSpec> types,
      double horizon) {
    Json root = Json.read(file, name);
    List<Json> entries = root.items("the flow file");
    Map<VehicleTypeSpec, String> typeNames = new LinkedHashMap<>();
    List<TripSpec> trips = new ArrayList<>();
    for (int k = 0; k < entries.size(); k++) {
      Json f = entries.get(k);
      String what = "flow[" + k + "]";
      Json v = f.get("vehicle", what);
      String vw = what + ".vehicle";
      VehicleTypeSpec type = new VehicleTypeSpec("car", v.number("length", vw), v.number("width", vw),
          v.number("maxSpeed", vw), v.number("maxPosAcc", vw), v.number("usualNegAcc", vw), v.number("maxNegAcc", vw),
          v.number("headwayTime", vw), v.number("minGap", vw), null, null, null, 0.0);
      String typeName = typeNames.get(type);
      if (typeName == null) {
        typeName = typeNames.isEmpty() ? "cityflow" : "cityflow-" + (typeNames.size() + 1);
        typeNames.put(type, typeName);
        types.put(typeName, type);
      }
      List<String> route = route(f, what, draft);
      double interval = f.number("interval", what);
      if (interval <= 0) {
        throw f.get("interval", what).error(what + ": interval must be positive, got " + interval);
      }
      double start = f.has("startTime") ? f.number("startTime", what) : 0;
      double end = f.has("endTime") ? f.number("endTime", what) : -1;
      // CityFlow's Flow::nextStep at its 1 s step: the accumulator starts at one interval, so a vehicle
      // leaves at startTime, then whenever a whole interval has accumulated, until the time passes endTime.
      double accumulated = interval;
      int n = 0;
      for (double t = 0; t < horizon; t += CITYFLOW_STEP) {
        if (end != -1 && t > end) {
          break;
        }
        if (t >= start) {
          while (accumulated >= interval) {
            trips.add(new TripSpec("flow_" + k + "_" + n++, t, null, null, route, typeName));
            accumulated -= interval;
          }
          accumulated += CITYFLOW_STEP;
        }
      }
    }
    trips.sort(java.util.Comparator.comparingDouble(TripSpec::depart)); // stable: flow order within a second
    return new DemandSpec(null, trips, null);
  }

  private static List<String> route(Json f, String what, NetworkDraft draft) {
    List<Json> ids = f.list("route", what);
    if (ids.isEmpty()) {
      throw f.error(what + ": route is empty");
    }
    List<String> route = new ArrayList<>();
    NetworkDraft.Road prev = null;
    for (Json j : ids) {
      String id = j.asText(what + " route entry");
      NetworkDraft.Road r = draft.road(id);
      if (r == null) {
        throw j.error(what + ": route names unknown road '" + id + "'");
      }
      if (prev != null && !prev.to().equals(r.from())) {
        throw j.error(what + ": route goes from road '" + prev.id() + "' (ending at '" + prev.to() + "') to road '"
            + id + "' (starting at '" + r.from() + "'), which do not meet");
      }
      route.add(id);
      prev = r;
    }
    return List.copyOf(route);
  }
}
