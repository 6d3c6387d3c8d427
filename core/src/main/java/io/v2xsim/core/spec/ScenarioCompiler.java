package io.v2xsim.core.spec;

import io.v2xsim.core.demand.DemandModel;
import io.v2xsim.core.engine.TrafficModel;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.NetworkBuilder;
import io.v2xsim.core.network.NodeDef;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadDef;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.generate.GeneratedNetwork;
import io.v2xsim.core.network.generate.NetworkGenerators;
import io.v2xsim.core.network.generate.NetworkGenerators.RoadStyle;
import io.v2xsim.core.signal.SignalPlan;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.GeneratorSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.NodeSpec;
import io.v2xsim.core.spec.ScenarioSpec.OutputsSpec;
import io.v2xsim.core.spec.ScenarioSpec.RandomDemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.RoadSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import io.v2xsim.core.traffic.VehicleClass;
import io.v2xsim.core.traffic.VehicleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a {@link ScenarioSpec} in full, applies defaults and builds what a run needs. Every problem is
 * collected (not just the first) with the JSON pointer of its field, so a loader can point at file lines.
 */
public final class ScenarioCompiler {
  /** Defaults that scenario files may omit; the JSON Schema in scenarios/schema states the same values. */
  static final double DEFAULT_DURATION = 3600;
  static final double DEFAULT_DT = 0.05;
  static final double DEFAULT_LANE_WIDTH = 3.2;
  static final double DEFAULT_SPEED_LIMIT = 13.89;
  static final double DEFAULT_BLOCK = 200;

  private final List<Problem> problems = new ArrayList<>();
  private final Checks check = new Checks(problems);

  private ScenarioCompiler() {}

  /**
   * @throws ScenarioException listing every problem found, each with the JSON pointer of its field
   */
  public static CompiledScenario compile(ScenarioSpec spec) {
    return new ScenarioCompiler().doCompile(spec);
  }

  private CompiledScenario doCompile(ScenarioSpec spec) {
    String name = check.requiredText(spec.name(), "/name", "a scenario name");
    ExperimentSpec ex = spec.experiment() != null ? spec.experiment() : new ExperimentSpec(null, null, null, null, null);
    double duration = check.positive(ex.duration(), DEFAULT_DURATION, "/experiment/duration", "seconds of model time");
    double dt = check.range(ex.dt(), DEFAULT_DT, 0.001, 1.0, "/experiment/dt", "a time step in seconds");
    int seeds = check.atLeast(ex.seeds(), 1, 1, "/experiment/seeds", "a number of seeds");
    long seed = ex.seed() == null ? 1 : ex.seed();
    double warmup = check.range(ex.warmup(), 0.0, 0.0, Double.MAX_VALUE, "/experiment/warmup", "seconds");
    if (warmup >= duration && ex.warmup() != null) {
      check.add("/experiment/warmup", "warm-up (" + warmup + " s) must be shorter than the duration (" + duration + " s)");
    }
    OutputsSpec out = spec.outputs() != null ? spec.outputs() : new OutputsSpec(null, null);
    boolean trajectories = Boolean.TRUE.equals(out.trajectories());
    double trajInterval = check.positive(out.trajectoryInterval(), 1.0, "/outputs/trajectoryInterval", "seconds");

    Map<String, VehicleType> types = vehicleTypes(spec.vehicleTypes());
    RoadNetwork network = network(spec.network());
    List<SignalPlan> plans = List.of();
    List<io.v2xsim.core.signal.ControllerConfig> control = List.of();
    io.v2xsim.core.detect.DetectorLayout detectors = null;
    DemandModel demand = null;
    if (network != null) {
      SignalPlans.Setup signals = new SignalPlans(network, check).setup(spec.signals());
      plans = signals.plans();
      control = signals.control();
      detectors = signals.detectors();
      demand = demand(spec.demand(), network, types, duration);
    }
    CooperationCompiler coop = new CooperationCompiler(check);
    var scene = coop.scene(spec.scene());
    var scripted = coop.scripted(spec.actors());
    var crossings = coop.crossings(spec.actors(), duration);
    var cooperation = coop.cooperation(spec);
    if (cooperation.rsus().isEmpty()) {
      for (int i = 0; i < control.size(); i++) {
        if (control.get(i).strategy() == io.v2xsim.core.signal.Strategy.V2X_MAX_PRESSURE) {
          check.add("/signals", "v2x-max-pressure reads queues from roadside units' perception frames, but the "
              + "scenario has no infrastructure.rsus");
          break;
        }
      }
    }
    if (demand != null) {
      java.util.Set<String> trips = new java.util.HashSet<>();
      demand.trips().forEach(t -> trips.add(t.id()));
      for (int i = 0; i < scripted.size(); i++) {
        String trigger = scripted.get(i).triggerTrip();
        if (trigger != null && !trips.contains(trigger)) {
          check.add("/actors/scripted/" + i + "/trigger/vehicle", "no trip '" + trigger
              + "' under demand.trips (a trigger watches one named trip)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    TrafficModel model = new TrafficModel(network, types, demand, plans, duration, dt, warmup, trajInterval, scene,
        scripted, crossings, control, detectors);
    return new CompiledScenario(name, spec.description() == null ? "" : spec.description().strip(), duration, dt,
        seeds, seed, warmup, trajectories, trajInterval, model, cooperation);
  }

  // -----------------------------------------------------------------------------------------------------------

  private static io.v2xsim.core.traffic.Compliance compliance(ScenarioSpec.ComplianceSpec c, String p,
      Checks check) {
    if (c == null) {
      return io.v2xsim.core.traffic.Compliance.OBEYS;
    }
    boolean red = choice(c.redLights(), "run", p + "/redLights", check);
    boolean row = choice(c.rightOfWay(), "ignore", p + "/rightOfWay", check);
    double speeding = check.range(c.speeding(), 1.0, 0.5, 3.0, p + "/speeding", "a factor on the speed limit");
    return new io.v2xsim.core.traffic.Compliance(red, row, speeding);
  }

  /** Whether {@code value} is {@code breaks} (rather than obey); null is obey. */
  private static boolean choice(String value, String breaks, String p, Checks check) {
    if (value == null || value.equals("obey")) {
      return false;
    }
    if (value.equals(breaks)) {
      return true;
    }
    check.add(p, "expected obey or " + breaks + ", got '" + value + "'");
    return false;
  }

  private Map<String, VehicleType> vehicleTypes(Map<String, VehicleTypeSpec> specs) {
    Map<String, VehicleType> types = new LinkedHashMap<>();
    for (VehicleClass c : VehicleClass.values()) {
      String n = c.name().toLowerCase(java.util.Locale.ROOT);
      types.put(n, VehicleType.defaults(n, c));
    }
    if (specs == null) {
      return types;
    }
    for (Map.Entry<String, VehicleTypeSpec> e : specs.entrySet()) {
      String n = e.getKey();
      String p = "/vehicleTypes/" + Checks.escape(n);
      VehicleTypeSpec s = e.getValue();
      if (s == null) {
        check.add(p, "expected a mapping of vehicle parameters");
        continue;
      }
      VehicleClass c = VehicleClass.parse(n);
      if (s.vehicleClass() != null) {
        c = VehicleClass.parse(s.vehicleClass());
        if (c == null) {
          check.add(p + "/vehicleClass", "unknown vehicle class '" + s.vehicleClass() + "' (expected car, bus, truck or emergency)");
          continue;
        }
      }
      if (c == null) {
        c = VehicleClass.CAR;
      }
      VehicleType d = VehicleType.defaults(n, c);
      VehicleType t = new VehicleType(n, c,
          check.positive(s.length(), d.length(), p + "/length", "metres"),
          check.positive(s.width(), d.width(), p + "/width", "metres"),
          check.positive(s.maxSpeed(), d.maxSpeed(), p + "/maxSpeed", "m/s"),
          check.positive(s.accel(), d.accel(), p + "/accel", "m/s^2"),
          check.positive(s.decel(), d.decel(), p + "/decel", "m/s^2"),
          check.positive(s.emergencyDecel(), d.emergencyDecel(), p + "/emergencyDecel", "m/s^2"),
          check.positive(s.headway(), d.headway(), p + "/headway", "seconds"),
          check.range(s.minGap(), d.minGap(), 0.0, 20.0, p + "/minGap", "metres"),
          check.range(s.delta(), d.delta(), 1.0, 10.0, p + "/delta", "an exponent"),
          check.range(s.politeness(), d.politeness(), 0.0, 1.0, p + "/politeness", "a factor"),
          check.range(s.changeThreshold(), d.changeThreshold(), 0.0, 5.0, p + "/changeThreshold", "m/s^2"),
          check.range(s.speedFactor(), d.speedDeviation(), 0.0, 0.5, p + "/speedFactor",
              "the standard deviation of drivers' speed factor"),
          Boolean.TRUE.equals(s.automated()), compliance(s.compliance(), p + "/compliance", check));
      if (t.automated() && !t.compliance().obeys()) {
        check.add(p + "/compliance", "automated vehicles keep the rules; give compliance to a human-driven type");
      }
      if (t.decel() > t.emergencyDecel()) {
        check.add(p + "/decel", "comfortable deceleration " + t.decel() + " exceeds emergencyDecel " + t.emergencyDecel());
      }
      types.put(n, t);
    }
    return types;
  }

  private RoadNetwork network(NetworkSpec spec) {
    if (spec == null) {
      check.add("/network", "missing field 'network' (expected a generator, or nodes and roads)");
      return null;
    }
    if (spec.cityflow() != null || spec.sumo() != null) {
      // Files are read relative to the scenario file, which only the loader knows (io.v2xsim.core.imports).
      check.add(spec.cityflow() != null ? "/network/cityflow" : "/network/sumo",
          "an imported network must be resolved by the scenario loader before compiling");
      return null;
    }
    List<NodeDef> nodes = new ArrayList<>();
    List<RoadDef> roads = new ArrayList<>();
    int before = problems.size();
    if (spec.generator() != null) {
      if (spec.nodes() != null || spec.roads() != null) {
        check.add("/network/generator", "give either a generator or nodes and roads, not both");
        return null;
      }
      GeneratedNetwork g = generate(spec.generator());
      if (g == null) {
        return null;
      }
      nodes.addAll(g.nodes());
      roads.addAll(g.roads());
    } else {
      if (spec.nodes() == null || spec.nodes().isEmpty()) {
        check.add("/network/nodes", "missing field 'nodes' (expected a list of nodes, or a generator)");
      }
      if (spec.roads() == null || spec.roads().isEmpty()) {
        check.add("/network/roads", "missing field 'roads' (expected a list of roads, or a generator)");
      }
      if (problems.size() > before) {
        return null;
      }
      for (int i = 0; i < spec.nodes().size(); i++) {
        NodeDef n = node(spec.nodes().get(i), "/network/nodes/" + i);
        if (n != null) {
          nodes.add(n);
        }
      }
      for (int i = 0; i < spec.roads().size(); i++) {
        RoadDef r = road(spec.roads().get(i), "/network/roads/" + i);
        if (r != null) {
          roads.add(r);
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    NetworkBuilder b = new NetworkBuilder(nodes, roads);
    RoadNetwork net = b.build();
    problems.addAll(b.problems());
    return net;
  }

  private GeneratedNetwork generate(GeneratorSpec g) {
    String p = "/network/generator";
    int before = problems.size();
    String type = check.requiredText(g.type(), p + "/type", "single-intersection, corridor or grid");
    int lanes = check.range(g.lanes(), 2, 1, 6, p + "/lanes", "lanes per direction");
    double width = check.range(g.laneWidth(), DEFAULT_LANE_WIDTH, 2.0, 6.0, p + "/laneWidth", "metres");
    double speed = check.positive(g.speedLimit(), DEFAULT_SPEED_LIMIT, p + "/speedLimit", "m/s");
    double block = check.range(g.blockLength(), DEFAULT_BLOCK, 30.0, 10_000.0, p + "/blockLength", "metres");
    double approach = check.range(g.approachLength(), DEFAULT_BLOCK, 30.0, 10_000.0, p + "/approachLength", "metres");
    boolean signalized = g.signalized() == null || g.signalized();
    RoadStyle style = new RoadStyle(lanes, width, speed);
    if (type == null) {
      return null;
    }
    switch (type) {
      case "grid" -> {
        int rows = check.range(g.rows(), null, 1, 100, p + "/rows", "a number of junction rows");
        int cols = check.range(g.cols(), null, 1, 100, p + "/cols", "a number of junction columns");
        return problems.size() == before ? NetworkGenerators.grid(rows, cols, block, approach, style, signalized, false, p) : null;
      }
      case "corridor" -> {
        int n = check.range(g.junctions(), null, 1, 1000, p + "/junctions", "a number of junctions");
        return problems.size() == before ? NetworkGenerators.corridor(n, block, approach, style, signalized, p) : null;
      }
      case "single-intersection" -> {
        return problems.size() == before ? NetworkGenerators.singleIntersection(approach, style, signalized, p) : null;
      }
      default -> {
        check.add(p + "/type", "unknown generator '" + type + "' (expected single-intersection, corridor or grid)");
        return null;
      }
    }
  }

  private NodeDef node(NodeSpec n, String p) {
    if (n == null) {
      check.add(p, "expected a node mapping with id, x, y");
      return null;
    }
    String id = check.requiredText(n.id(), p + "/id", "a node id");
    Double x = check.required(n.x(), p + "/x", "the x coordinate in metres");
    Double y = check.required(n.y(), p + "/y", "the y coordinate in metres");
    JunctionKind kind = null;
    if (n.type() != null) {
      kind = switch (n.type()) {
        case "signalized" -> JunctionKind.SIGNALIZED;
        case "priority" -> JunctionKind.PRIORITY;
        case "allway-stop" -> JunctionKind.ALLWAY_STOP;
        case "boundary" -> JunctionKind.BOUNDARY;
        default -> {
          check.add(p + "/type", "unknown node type '" + n.type() + "' (expected signalized, priority, allway-stop or boundary)");
          yield null;
        }
      };
    }
    if (id == null || x == null || y == null) {
      return null;
    }
    return new NodeDef(id, x, y, kind, p);
  }

  private RoadDef road(RoadSpec r, String p) {
    if (r == null) {
      check.add(p, "expected a road mapping with id, from, to");
      return null;
    }
    String id = check.requiredText(r.id(), p + "/id", "a road id");
    String from = check.requiredText(r.from(), p + "/from", "the id of the node the road starts at");
    String to = check.requiredText(r.to(), p + "/to", "the id of the node the road ends at");
    int lanes = check.range(r.lanes(), 1, 1, 8, p + "/lanes", "a number of lanes");
    double width = check.range(r.laneWidth(), DEFAULT_LANE_WIDTH, 2.0, 6.0, p + "/laneWidth", "metres");
    double speed = check.positive(r.speedLimit(), DEFAULT_SPEED_LIMIT, p + "/speedLimit", "m/s");
    int priority = r.priority() == null ? 0 : r.priority();
    List<double[]> shape = new ArrayList<>();
    if (r.shape() != null) {
      for (int i = 0; i < r.shape().size(); i++) {
        List<Double> pt = r.shape().get(i);
        if (pt == null || pt.size() != 2 || pt.get(0) == null || pt.get(1) == null) {
          check.add(p + "/shape/" + i, "expected a point [x, y] in metres");
        } else {
          shape.add(new double[] {pt.get(0), pt.get(1)});
        }
      }
    }
    List<io.v2xsim.core.network.LaneLinkDef> links = null;
    if (r.laneLinks() != null) {
      if (r.laneTurns() != null) {
        check.add(p + "/laneLinks", "give laneTurns or laneLinks, not both (lane links decide the lanes' turns)");
      }
      links = new ArrayList<>();
      for (int i = 0; i < r.laneLinks().size(); i++) {
        ScenarioSpec.LaneLinkSpec l = r.laneLinks().get(i);
        String lp = p + "/laneLinks/" + i;
        if (l == null) {
          check.add(lp, "expected a lane link with fromLane, to, toLane");
          continue;
        }
        Integer fromLane = check.required(l.fromLane(), lp + "/fromLane", "a lane of this road, 0 = rightmost");
        String toRoad = check.requiredText(l.to(), lp + "/to", "the id of the road the link leads onto");
        Integer toLane = check.required(l.toLane(), lp + "/toLane", "a lane of that road, 0 = rightmost");
        List<double[]> via = new ArrayList<>();
        if (l.shape() != null) {
          for (int k = 0; k < l.shape().size(); k++) {
            List<Double> pt = l.shape().get(k);
            if (pt == null || pt.size() != 2 || pt.get(0) == null || pt.get(1) == null) {
              check.add(lp + "/shape/" + k, "expected a point [x, y] in metres");
            } else {
              via.add(new double[] {pt.get(0), pt.get(1)});
            }
          }
        }
        if (fromLane != null && toRoad != null && toLane != null) {
          links.add(new io.v2xsim.core.network.LaneLinkDef(fromLane, toRoad, toLane, via));
        }
      }
    }
    double[] setbacks = null;
    if (r.setbacks() != null) {
      List<Double> sb = r.setbacks();
      if (sb.size() != 2 || sb.get(0) == null || sb.get(1) == null || !(sb.get(0) >= 0) || !(sb.get(1) >= 0)) {
        check.add(p + "/setbacks", "expected [atFrom, atTo]: two distances in metres, 0 or more, from the road's "
            + "start and end node to where its lanes begin and end");
      } else {
        setbacks = new double[] {sb.get(0), sb.get(1)};
      }
    }
    if (id == null || from == null || to == null) {
      return null;
    }
    return new RoadDef(id, from, to, lanes, width, speed, priority, shape, r.laneTurns(), p, links, setbacks);
  }

  // -----------------------------------------------------------------------------------------------------------

  private DemandModel demand(DemandSpec spec, RoadNetwork net, Map<String, VehicleType> types, double duration) {
    List<DemandModel.Flow> flows = new ArrayList<>();
    List<DemandModel.Trip> trips = new ArrayList<>();
    List<DemandModel.RandomTraffic> random = new ArrayList<>();
    if (spec == null) {
      return new DemandModel(flows, trips, random);
    }
    Routes routes = new Routes(net, check);
    if (spec.flows() != null) {
      for (int i = 0; i < spec.flows().size(); i++) {
        FlowSpec f = spec.flows().get(i);
        String p = "/demand/flows/" + i;
        if (f == null) {
          check.add(p, "expected a flow mapping");
          continue;
        }
        List<Road> route = routes.resolve(f.from(), f.to(), f.route(), p);
        double rate = check.positive(f.rate(), null, p + "/rate", "vehicles per hour");
        boolean poisson = true;
        if (f.headways() != null) {
          switch (f.headways()) {
            case "poisson" -> poisson = true;
            case "uniform" -> poisson = false;
            default -> check.add(p + "/headways", "unknown headway distribution '" + f.headways() + "' (expected poisson or uniform)");
          }
        }
        double begin = check.range(f.begin(), 0.0, 0.0, Double.MAX_VALUE, p + "/begin", "seconds");
        double end = check.positive(f.end(), duration, p + "/end", "seconds");
        if (f.end() != null && end <= begin) {
          check.add(p + "/end", "end (" + end + " s) must come after begin (" + begin + " s)");
        }
        VehicleType t = type(f.type(), types, p + "/type");
        String id = f.id() != null ? f.id() : "flow" + i;
        if (route != null && t != null && rate > 0) {
          flows.add(new DemandModel.Flow(id, route, rate, poisson, begin, end, t));
        }
      }
    }
    if (spec.trips() != null) {
      for (int i = 0; i < spec.trips().size(); i++) {
        TripSpec tr = spec.trips().get(i);
        String p = "/demand/trips/" + i;
        if (tr == null) {
          check.add(p, "expected a trip mapping");
          continue;
        }
        List<Road> route = routes.resolve(tr.from(), tr.to(), tr.route(), p);
        Double depart = tr.trigger() != null && tr.depart() == null ? Double.valueOf(0)
            : check.required(tr.depart(), p + "/depart", "the departure time in seconds (or a trigger)");
        if (depart != null && depart < 0) {
          check.add(p + "/depart", "must not be negative (got " + depart + ")");
        }
        io.v2xsim.core.demand.Trigger trigger = null;
        if (tr.trigger() != null) {
          ScenarioSpec.TriggerSpec g = tr.trigger();
          String watched = check.requiredText(g.vehicle(), p + "/trigger/vehicle",
              "the id of the trip whose approach starts this one");
          Double seconds = check.positive(g.seconds(), null, p + "/trigger/seconds",
              "seconds before the vehicle reaches the point");
          List<Double> at = g.at();
          if (at == null || at.size() != 2 || at.get(0) == null || at.get(1) == null) {
            check.add(p + "/trigger/at", "expected a point [x, y] in metres");
          } else if (watched != null && seconds != null) {
            trigger = new io.v2xsim.core.demand.Trigger(watched, at.get(0), at.get(1), seconds);
          }
          if (watched != null && watched.equals(tr.id())) {
            check.add(p + "/trigger/vehicle", "a trip cannot wait for itself");
          } else if (watched != null && spec.trips().stream().noneMatch(o -> o != null && watched.equals(o.id()))) {
            check.add(p + "/trigger/vehicle", "no trip '" + watched + "' under demand.trips (a trigger watches one named trip)");
          }
        }
        VehicleType t = type(tr.type(), types, p + "/type");
        String id = tr.id() != null ? tr.id() : "trip" + i;
        io.v2xsim.core.demand.SpeedProfile profile = speedProfile(tr.speedChanges(), p + "/speedChanges");
        if (route != null && t != null && depart != null) {
          trips.add(new DemandModel.Trip(id, route, depart, t, trigger, profile));
        }
      }
    }
    if (spec.random() != null) {
      for (int i = 0; i < spec.random().size(); i++) {
        RandomDemandSpec r = spec.random().get(i);
        String p = "/demand/random/" + i;
        if (r == null) {
          check.add(p, "expected a mapping with rate");
          continue;
        }
        double rate = check.positive(r.rate(), null, p + "/rate", "vehicles per hour");
        double begin = check.range(r.begin(), 0.0, 0.0, Double.MAX_VALUE, p + "/begin", "seconds");
        double end = check.positive(r.end(), duration, p + "/end", "seconds");
        if (r.end() != null && end <= begin) {
          check.add(p + "/end", "end (" + end + " s) must come after begin (" + begin + " s)");
        }
        VehicleType t = type(r.type(), types, p + "/type");
        if (net.entryRoads().isEmpty() || net.exitRoads().isEmpty()) {
          check.add(p, "random demand needs roads entering and leaving the network at boundary nodes; this network has none");
        }
        if (t != null && rate > 0) {
          random.add(new DemandModel.RandomTraffic("random" + i, rate, begin, end, t));
        }
      }
    }
    return new DemandModel(flows, trips, random);
  }

  /** A trip's speedChanges as a profile; null (none) when absent or when an entry is wrong (each one reported). */
  private io.v2xsim.core.demand.SpeedProfile speedProfile(List<ScenarioSpec.SpeedChangeSpec> changes, String p) {
    if (changes == null || changes.isEmpty()) {
      return null;
    }
    double[] at = new double[changes.size()];
    double[] speed = new double[changes.size()];
    boolean ok = true;
    for (int k = 0; k < changes.size(); k++) {
      String q = p + "/" + k;
      ScenarioSpec.SpeedChangeSpec e = changes.get(k);
      if (e == null) {
        check.add(q, "expected {at: metres along the route, speed: m/s}");
        ok = false;
        continue;
      }
      Double a = check.required(e.at(), q + "/at", "metres along the route where the new speed is aimed for");
      double v = check.positive(e.speed(), null, q + "/speed", "m/s (the speed aimed for from there)");
      if (a == null || !(v > 0)) {
        ok = false;
        continue;
      }
      if (a < 0 || k > 0 && a <= at[k - 1]) {
        check.add(q + "/at", "must be non-negative and larger than the one before (got " + a + ")");
        ok = false;
      }
      at[k] = a;
      speed[k] = v;
    }
    return ok ? new io.v2xsim.core.demand.SpeedProfile(at, speed) : null;
  }

  private VehicleType type(String name, Map<String, VehicleType> types, String p) {
    String n = name == null ? "car" : name;
    VehicleType t = types.get(n);
    if (t == null) {
      check.add(p, "unknown vehicle type '" + n + "' (expected one of " + String.join(", ", types.keySet())
          + ", or a type declared under vehicleTypes)");
    }
    return t;
  }
}
