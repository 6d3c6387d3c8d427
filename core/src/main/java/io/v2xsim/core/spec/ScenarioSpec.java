package io.v2xsim.core.spec;

import java.util.List;
import java.util.Map;

/**
 * A scenario as written by a user: the exact shape of a scenario file, with nothing resolved yet.
 *
 * <p>Every field may be {@code null} when absent from the file; {@link ScenarioCompiler} applies the
 * documented defaults and reports every problem with the path of the offending field. Maps keep the
 * order of the file, so compiled scenarios do not depend on hash order.
 */
public record ScenarioSpec(
    String name,
    String description,
    NetworkSpec network,
    Map<String, VehicleTypeSpec> vehicleTypes,
    DemandSpec demand,
    SignalsSpec signals,
    ExperimentSpec experiment,
    OutputsSpec outputs,
    ActorsSpec actors,
    SceneSpec scene,
    InfrastructureSpec infrastructure,
    Map<String, List<SensorSpecYaml>> sensorSuites,
    ChannelYaml channel,
    List<ArmSpec> arms) {

  /** A scenario of traffic alone (no actors, scene, roadside units or arms). */
  public ScenarioSpec(String name, String description, NetworkSpec network, Map<String, VehicleTypeSpec> vehicleTypes,
      DemandSpec demand, SignalsSpec signals, ExperimentSpec experiment, OutputsSpec outputs) {
    this(name, description, network, vehicleTypes, demand, signals, experiment, outputs, null, null, null, null,
        null, null);
  }

  /**
   * Road network: either a generator, or explicit nodes and roads, or one imported from CityFlow or SUMO files, or
   * an OpenStreetMap extract ({@code osm}: the path of an .osm XML file, relative to the scenario file)
   * (resolved by the scenario loader into nodes and roads before compiling).
   */
  public record NetworkSpec(GeneratorSpec generator, List<NodeSpec> nodes, List<RoadSpec> roads,
      CityFlowImportSpec cityflow, SumoImportSpec sumo, String osm) {
    public NetworkSpec(GeneratorSpec generator, List<NodeSpec> nodes, List<RoadSpec> roads) {
      this(generator, nodes, roads, null, null, null);
    }

    public NetworkSpec(GeneratorSpec generator, List<NodeSpec> nodes, List<RoadSpec> roads,
        CityFlowImportSpec cityflow, SumoImportSpec sumo) {
      this(generator, nodes, roads, cityflow, sumo, null);
    }
  }

  /**
   * A CityFlow network ({@code roadnet}) and optionally its demand ({@code flow}); paths relative to the
   * scenario file. Demand and signal plans come from the files unless the scenario gives its own.
   */
  public record CityFlowImportSpec(String roadnet, String flow) {}

  /**
   * A SUMO network ({@code net}, a .net.xml) and optionally its demand ({@code routes}, a .rou.xml); paths
   * relative to the scenario file. Demand and signal plans come from the files unless the scenario gives its own.
   */
  public record SumoImportSpec(String net, String routes) {}

  /**
   * A generated network. {@code type} is one of {@code single-intersection}, {@code corridor}, {@code grid}.
   * Lengths in metres, speeds in m/s.
   */
  public record GeneratorSpec(
      String type,
      Integer rows,
      Integer cols,
      Integer junctions,
      Double blockLength,
      Double approachLength,
      Integer lanes,
      Double laneWidth,
      Double speedLimit,
      Boolean signalized) {}

  /** A junction or a boundary node. {@code type}: signalized, priority, allway-stop or boundary. */
  public record NodeSpec(String id, Double x, Double y, String type) {}

  /**
   * A one-way road from one node to another. {@code shape} is an optional polyline of [x, y] points between
   * the two nodes; {@code laneTurns} lists, from the rightmost lane, the turns each lane allows as letters
   * among {@code l} (left), {@code s} (straight), {@code r} (right) and {@code u} (U-turn); {@code laneLinks}
   * (instead of laneTurns) gives the connectors lane by lane. {@code setbacks} ({@code [atFrom, atTo]}, metres
   * along the road from each node) says where its lanes begin and end, as a source's junction shapes give it;
   * without it the builder trims by its own junction radius.
   */
  public record RoadSpec(
      String id,
      String from,
      String to,
      Integer lanes,
      Double laneWidth,
      Double speedLimit,
      Integer priority,
      List<List<Double>> shape,
      List<String> laneTurns,
      List<LaneLinkSpec> laneLinks,
      List<Double> setbacks) {
    public RoadSpec(String id, String from, String to, Integer lanes, Double laneWidth, Double speedLimit,
        Integer priority, List<List<Double>> shape, List<String> laneTurns) {
      this(id, from, to, lanes, laneWidth, speedLimit, priority, shape, laneTurns, null, null);
    }

    public RoadSpec(String id, String from, String to, Integer lanes, Double laneWidth, Double speedLimit,
        Integer priority, List<List<Double>> shape, List<String> laneTurns, List<LaneLinkSpec> laneLinks) {
      this(id, from, to, lanes, laneWidth, speedLimit, priority, shape, laneTurns, laneLinks, null);
    }
  }

  /**
   * A lane-level connection at the end of a road (imported from SUMO connections or CityFlow laneLinks): lane
   * {@code fromLane} continues into lane {@code toLane} of road {@code to}, both numbered from the rightmost
   * lane, along {@code shape} ([x, y] points through the junction; the builder's own path if absent). A road
   * with lane links gets exactly these connectors, and its lane turns follow from them.
   */
  public record LaneLinkSpec(Integer fromLane, String to, Integer toLane, List<List<Double>> shape) {}

  /**
   * A vehicle type. {@code vehicleClass} is car, bus, truck or emergency and supplies the defaults of every
   * other field. IDM: {@code maxSpeed} v0, {@code accel} a, {@code decel} b (comfortable), {@code headway} T,
   * {@code minGap} s0, {@code delta}; MOBIL: {@code politeness}, {@code changeThreshold}.
   */
  public record VehicleTypeSpec(
      String vehicleClass,
      Double length,
      Double width,
      Double maxSpeed,
      Double accel,
      Double decel,
      Double emergencyDecel,
      Double headway,
      Double minGap,
      Double delta,
      Double politeness,
      Double changeThreshold,
      Double speedFactor,
      Boolean automated,
      ComplianceSpec compliance) {

    /** A type whose drivers keep the rules. */
    public VehicleTypeSpec(String vehicleClass, Double length, Double width, Double maxSpeed, Double accel,
        Double decel, Double emergencyDecel, Double headway, Double minGap, Double delta, Double politeness,
        Double changeThreshold, Double speedFactor, Boolean automated) {
      this(vehicleClass, length, width, maxSpeed, accel, decel, emergencyDecel, headway, minGap, delta, politeness,
          changeThreshold, speedFactor, automated, null);
    }

    /** A type without the automated flag (plain, human-driven traffic). */
    public VehicleTypeSpec(String vehicleClass, Double length, Double width, Double maxSpeed, Double accel,
        Double decel, Double emergencyDecel, Double headway, Double minGap, Double delta, Double politeness,
        Double changeThreshold, Double speedFactor) {
      this(vehicleClass, length, width, maxSpeed, accel, decel, emergencyDecel, headway, minGap, delta, politeness,
          changeThreshold, speedFactor, null, null);
    }
  }
  /**
   * How drivers of a type keep the rules: {@code redLights} obey | run, {@code rightOfWay} obey | ignore,
   * {@code speeding} a factor on the speed limit.
   */
  public record ComplianceSpec(String redLights, String rightOfWay, Double speeding) {}


  /** Demand: flows, single trips and random origin-destination traffic between boundary roads. */
  public record DemandSpec(List<FlowSpec> flows, List<TripSpec> trips, List<RandomDemandSpec> random) {}

  /**
   * A flow of {@code rate} vehicles per hour from road {@code from} to road {@code to} (or along an explicit
   * {@code route} of road ids) between {@code begin} and {@code end} seconds. {@code headways}: poisson or
   * uniform.
   */
  public record FlowSpec(
      String id,
      String from,
      String to,
      List<String> route,
      Double rate,
      String headways,
      Double begin,
      Double end,
      String type) {}

  /** One vehicle departing at {@code depart} seconds. */
  /**
   * A single vehicle; with a {@code trigger} (as scripted pedestrians have) it departs when another vehicle is about
   * to reach a point, no earlier than {@code depart} (default 0).
   */
  public record TripSpec(String id, Double depart, String from, String to, List<String> route, String type,
      TriggerSpec trigger, List<SpeedChangeSpec> speedChanges) {
    public TripSpec(String id, Double depart, String from, String to, List<String> route, String type) {
      this(id, depart, from, to, route, type, null, null);
    }

    public TripSpec(String id, Double depart, String from, String to, List<String> route, String type,
        TriggerSpec trigger) {
      this(id, depart, from, to, route, type, trigger, null);
    }
  }

  /**
   * Random trips between entry and exit roads at the network boundary: {@code rate} vehicles per hour in all,
   * Poisson arrivals, origins and destinations drawn uniformly (a trip never leaves where it came in).
   */
  public record RandomDemandSpec(Double rate, Double begin, Double end, String type) {}

  /**
   * Signal plans and control. {@code defaults} applies to every signalized junction without its own entry in
   * {@code junctions} (keyed by node id); {@code detectors} places the loops and lane-area detectors that
   * adaptive controllers read. {@code priority}: {@code none} (default) or {@code v2x}, emergency vehicles that
   * the roadside units report in their perception frames get green at every signalized junction whose
   * controller receives those frames (needs {@code infrastructure.rsus}).
   */
  public record SignalsSpec(SignalDefaultsSpec defaults, Map<String, JunctionSignalSpec> junctions,
      DetectorsSpec detectors, String priority) {
    public SignalsSpec(SignalDefaultsSpec defaults, Map<String, JunctionSignalSpec> junctions) {
      this(defaults, junctions, null, null);
    }

    public SignalsSpec(SignalDefaultsSpec defaults, Map<String, JunctionSignalSpec> junctions,
        DetectorsSpec detectors) {
      this(defaults, junctions, detectors, null);
    }
  }

  /**
   * How a plan is generated for a signalized junction from its geometry: opposite approaches share a phase;
   * {@code leftTurns} is permissive (left turns yield inside the through phase) or protected (a phase of
   * their own). {@code offsetStep} adds that many seconds of offset per junction along the x axis
   * (a green wave); durations in seconds. {@code controller} is fixed-time (alias fixed), webster, actuated,
   * max-pressure or sotl; adaptive ones keep every green within [{@code minGreen}, {@code maxGreen}].
   */
  public record SignalDefaultsSpec(
      String controller, Double green, Double yellow, Double allRed, String leftTurns, Double offsetStep,
      Double minGreen, Double maxGreen, ControllerParamsSpec parameters) {
    public SignalDefaultsSpec(String controller, Double green, Double yellow, Double allRed, String leftTurns,
        Double offsetStep) {
      this(controller, green, yellow, allRed, leftTurns, offsetStep, null, null, null);
    }
  }

  /** An explicit plan for one junction, and optionally its own controller settings. */
  public record JunctionSignalSpec(String controller, Double offset, List<PhaseSpec> phases, Double minGreen,
      Double maxGreen, ControllerParamsSpec parameters) {
    public JunctionSignalSpec(String controller, Double offset, List<PhaseSpec> phases) {
      this(controller, offset, phases, null, null, null);
    }
  }

  /**
   * Strategy parameters, seconds unless stated: actuated {@code passage} (gap-out time, default 3);
   * max-pressure {@code decisionInterval} (default 5); webster {@code replanInterval} (default 900),
   * {@code minCycle} / {@code maxCycle} (40 / 150) and {@code saturationFlow} (veh/h per lane, 1800); sotl
   * {@code theta} (vehicle-seconds, 40) and {@code mu} (vehicles, 3).
   */
  public record ControllerParamsSpec(Double passage, Double decisionInterval, Double replanInterval, Double minCycle,
      Double maxCycle, Double saturationFlow, Double theta, Integer mu) {}

  /**
   * Detectors on every lane entering or leaving a signalized junction, metres: stop-bar loop length (it ends at
   * the stop line), advance loop distance from the stop line and length, lane-area zones ending at the stop
   * line ({@code queueLength}, {@code nearLength}) and starting where a lane leaves the junction
   * ({@code exitLength}); {@code haltingSpeed} m/s; and failures.
   */
  public record DetectorsSpec(Double stopBarLength, Double advanceDistance, Double advanceLength, Double queueLength,
      Double nearLength, Double exitLength, Double haltingSpeed, List<DetectorFailureSpec> failures) {}

  /**
   * Detectors that fail: {@code mode} stuck-off or stuck-on; those of {@code kind} (stop-bar, advance, queue,
   * near, exit; default any) on {@code lane} (a lane id such as {@code road_0}; default any), each with
   * {@code probability} per run (default 1), from {@code start} to {@code end} seconds (default the whole run).
   */
  public record DetectorFailureSpec(String mode, String kind, String lane, Double probability, Double start,
      Double end) {}

  /**
   * One phase: the movements it serves, each written {@code fromRoad>toRoad}, protected in
   * {@code movements}, permissive (yield to conflicting traffic) in {@code permissive} and stop-then-go (halt at
   * the line, then yield to all; a right turn on red) in {@code stop}; then {@code yellow} and {@code allRed}
   * clearance for the movements that lose their green.
   */
  public record PhaseSpec(Double green, Double yellow, Double allRed, List<String> movements,
      List<String> permissive, List<String> stop) {
    public PhaseSpec(Double green, Double yellow, Double allRed, List<String> movements, List<String> permissive) {
      this(green, yellow, allRed, movements, permissive, null);
    }
  }

  /**
   * Durations in seconds; {@code seeds} runs with seeds {@code seed, seed+1, ...}. {@code transport} carries
   * perception frames: {@code inprocess} (Netty local channels, the default) or {@code udp} (datagrams on the
   * loopback); both give identical results.
   */
  public record ExperimentSpec(Double duration, Double dt, Integer seeds, Long seed, Double warmup,
      String transport) {
    public ExperimentSpec(Double duration, Double dt, Integer seeds, Long seed, Double warmup) {
      this(duration, dt, seeds, seed, warmup, null);
    }
  }

  /** Pedestrians and cyclists: scripted ones and random crossing flows. */
  public record ActorsSpec(List<ScriptedActorSpec> scripted, List<CrossingSpec> crossings) {}

  /**
   * A pedestrian or cyclist ({@code kind}) that follows {@code path} ([x, y] points) at {@code speed} m/s, from
   * {@code start} seconds or when {@code trigger} fires, whichever is first.
   */
  public record ScriptedActorSpec(String id, String kind, List<List<Double>> path, Double speed, Double start,
      TriggerSpec trigger, Double length, Double width, List<PauseSpec> pauses, List<SpeedChangeSpec> speedChanges) {}

  /** The actor stands still for {@code seconds} on reaching {@code at} metres along its path. */
  public record PauseSpec(Double at, Double seconds) {}

  /** The actor moves at {@code speed} m/s from {@code at} metres along its path on. */
  public record SpeedChangeSpec(Double at, Double speed) {}

  /** Fires when the vehicle of trip {@code vehicle} is {@code seconds} or less from point {@code at} ([x, y]). */
  public record TriggerSpec(String vehicle, Double seconds, List<Double> at) {}

  /** Random crossings along {@code path}: {@code rate} per hour, Poisson, between {@code begin} and {@code end}. */
  public record CrossingSpec(String id, String kind, List<List<Double>> path, Double rate, Double speed, Double begin,
      Double end) {}

  /** Static things that block sight: buildings and parked vehicles. */
  public record SceneSpec(List<BuildingSpec> buildings, List<ParkedSpec> parked) {}

  /** A building footprint: corners [x, y] in order. */
  public record BuildingSpec(String id, List<List<Double>> polygon) {}

  /**
   * A parked vehicle (a bus at a stop, a truck unloading): centre, heading in degrees, size in metres. With
   * {@code inLane} true it stands in a lane (broken down): an obstacle that sensors detect and vehicles can hit.
   */
  public record ParkedSpec(String id, Double x, Double y, Double headingDeg, Double length, Double width,
      Boolean inLane) {}

  /** Roadside units. */
  public record InfrastructureSpec(List<RsuSpec> rsus) {}

  /**
   * A roadside unit on a pole at (x, y): its sensors (world-frame mount headings) and the period of its fusion
   * and broadcast cycle, seconds (0.1 to 1).
   */
  public record RsuSpec(String id, Double x, Double y, Double fusionPeriod, List<SensorSpecYaml> sensors) {}

  /**
   * A sensor: {@code type} camera, lidar or radar supplies the defaults of every other field. Mount (x, y) is the
   * world position for an RSU sensor (default: the RSU's) or the offset from the vehicle's centre (forward,
   * left) for an onboard one; {@code headingDeg} the boresight (world for RSUs, relative to the vehicle
   * onboard); {@code fovDeg} the full field of view; {@code range} metres; {@code period} and {@code latencyMs}
   * timing; detection probability {@code detectionNear} at 0 m falling linearly to {@code detectionFar} at full
   * range; noise {@code sigmaAlong} / {@code sigmaAcross} the line of sight, metres; {@code clutter} false alarms
   * per scan.
   */
  public record SensorSpecYaml(String type, Double x, Double y, Double headingDeg, Double fovDeg, Double range,
      Double period, Double latencyMs, Double detectionNear, Double detectionFar, Double sigmaAlong,
      Double sigmaAcross, Double clutter) {}

  /**
   * The radio between RSUs and vehicles. Latencies in ms; {@code loss} independent per-frame loss probability;
   * {@code burst} Gilbert-Elliott bursty loss; {@code outages} [start, end] windows in seconds during which RSUs
   * transmit nothing; {@code ceilingMs} drops frames that would arrive later than that.
   */
  public record ChannelYaml(Double range, Double latencyMs, Double jitterMs, Double loss, BurstSpec burst,
      Double ceilingMs, List<List<Double>> outages) {}

  /** Gilbert-Elliott two-state loss: transition probabilities per frame and loss probability in each state. */
  public record BurstSpec(Double pGoodToBad, Double pBadToGood, Double lossGood, Double lossBad) {}

  /**
   * One arm of the experiment: which onboard sensor suite automated vehicles carry ({@code onboard}, a key of
   * {@code sensorSuites}), whether they use RSU frames ({@code useRsu}), whether the RSUs run at all
   * ({@code rsuEnabled}, default true) and channel settings that override the scenario's.
   */
  public record ArmSpec(String name, String onboard, Boolean useRsu, Boolean rsuEnabled, String policy,
      ChannelYaml channel) {}

  /** What to write besides the summary. {@code trajectoryInterval} in seconds. */
  public record OutputsSpec(Boolean trajectories, Double trajectoryInterval) {}
}
