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
    OutputsSpec outputs) {

  /** Road network: either a generator or explicit nodes and roads (or a generator plus extra roads). */
  public record NetworkSpec(GeneratorSpec generator, List<NodeSpec> nodes, List<RoadSpec> roads) {}

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
   * among {@code l} (left), {@code s} (straight), {@code r} (right) and {@code u} (U-turn).
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
      List<String> laneTurns) {}

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
      Double speedFactor) {}

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
  public record TripSpec(String id, Double depart, String from, String to, List<String> route, String type) {}

  /**
   * Random trips between entry and exit roads at the network boundary: {@code rate} vehicles per hour in all,
   * Poisson arrivals, origins and destinations drawn uniformly (a trip never leaves where it came in).
   */
  public record RandomDemandSpec(Double rate, Double begin, Double end, String type) {}

  /**
   * Signal plans. {@code defaults} applies to every signalized junction without its own entry in
   * {@code junctions} (keyed by node id).
   */
  public record SignalsSpec(SignalDefaultsSpec defaults, Map<String, JunctionSignalSpec> junctions) {}

  /**
   * How a plan is generated for a signalized junction from its geometry: opposite approaches share a phase;
   * {@code leftTurns} is permissive (left turns yield inside the through phase) or protected (a phase of
   * their own). {@code offsetStep} adds that many seconds of offset per junction along the x axis
   * (a green wave); durations in seconds.
   */
  public record SignalDefaultsSpec(
      String controller, Double green, Double yellow, Double allRed, String leftTurns, Double offsetStep) {}

  /** An explicit plan for one junction. */
  public record JunctionSignalSpec(String controller, Double offset, List<PhaseSpec> phases) {}

  /**
   * One phase: the movements it serves, each written {@code fromRoad>toRoad}, protected in
   * {@code movements} and permissive (yield to conflicting traffic) in {@code permissive}; then
   * {@code yellow} and {@code allRed} clearance.
   */
  public record PhaseSpec(
      Double green, Double yellow, Double allRed, List<String> movements, List<String> permissive) {}

  /** Durations in seconds; {@code seeds} runs with seeds {@code seed, seed+1, ...}. */
  public record ExperimentSpec(Double duration, Double dt, Integer seeds, Long seed, Double warmup) {}

  /** What to write besides the summary. {@code trajectoryInterval} in seconds. */
  public record OutputsSpec(Boolean trajectories, Double trajectoryInterval) {}
}
