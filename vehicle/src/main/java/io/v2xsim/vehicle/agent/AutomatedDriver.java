package io.v2xsim.vehicle.agent;

import io.v2xsim.core.engine.EgoState;
import io.v2xsim.core.engine.VehicleController;
import io.v2xsim.core.random.RandomStream;
import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.Sensor;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.sensing.SensorType;
import io.v2xsim.core.experiment.DrivingPolicy;
import io.v2xsim.core.wire.FrameView;
import java.util.List;

/**
 * An automated vehicle in one arm: onboard sensors, a {@link WorldModel} fed by them and (in V2X arms) by
 * received perception frames, the driving rules run on that world model ({@link PerceivedView}: car following,
 * right of way, signals as its camera reads them, lane changes where its side and rear sensors see), and a
 * collision check on top. The check predicts every object it believes in at constant velocity over the next
 * {@link #HORIZON} seconds, and the ego along its own route at its current speed; if an object comes within the
 * ego's corridor it brakes to stop short of the point where they would meet, comfortably if that suffices and up
 * to emergency braking if not. Commands take effect after an actuation delay.
 *
 * <p>With the {@link DrivingPolicy#CAUTIOUS cautious} policy it also limits its speed where it cannot see: along
 * the path ahead, a point of the path itself that no sensor of its own (nor, in V2X arms, a roadside unit whose
 * coverage it has received) sees past buildings and parked vehicles may hold a standing obstacle, and points
 * {@link #EMERGE_OFFSET} m outside its corridor that none sees are where a pedestrian could step out; it keeps a
 * speed at which it can stop, after {@link #REACTION} s, with {@link #CAUTION_DECEL} short of the nearest. This is the "limited visibility" speed bound of Tas and Stiller,
 * "Limited visibility and uncertainty aware motion planning for automated driving", IEEE IV 2018, with the
 * emergence points of RSS's occlusion rules (Shalev-Shwartz, Shammah and Shashua, "On a formal model of safe and
 * scalable self-driving cars", 2017) reduced to a fixed lateral offset.
 *
 * <p>Everything it knows of others comes from detections and frames: the only ground truth it is given is
 * what its sensor model needs to generate detections and to say what space its sensors cover (see
 * {@link Sensor}), never object lists.
 */
public final class AutomatedDriver implements VehicleController {
  /** Seconds of prediction for conflict checks. */
  static final double HORIZON = 4.0;
  static final double STEP = 0.1;
  /** Objects faster than this (m/s) heading within {@link #PARALLEL_ANGLE} of the ego's direction keep their lane. */
  static final double PARALLEL_MIN_SPEED = 2.0;
  static final double PARALLEL_ANGLE = Math.toRadians(20);
  private static final double COS_PARALLEL = Math.cos(PARALLEL_ANGLE);
  /**
   * A perceived vehicle beside the corridor moving sideways slower than this (m/s) is predicted to keep its lane: the
   * onboard tracker's sideways velocity of a slow vehicle is noise of this order; lane changes are slower (about 1
   * m/s), and a vehicle that does come across is caught once it is in the corridor. Crossing traffic at junctions
   * is faster.
   */
  static final double VEHICLE_SIDEWAYS_NOISE = 4.0;
  /** Lateral clearance added to both half widths, metres. */
  static final double MARGIN = 0.6;
  /** Metres short of the meeting point the ego aims to stop. */
  static final double STOP_SHORT = 2.0;
  /** Cautious policy: lateral distance from the corridor's edge at which a pedestrian may stand unseen, metres. */
  static final double EMERGE_OFFSET = 1.5;
  /**
   * Cautious policy: seconds a pedestrian needs from {@link #EMERGE_OFFSET} beside the corridor into it, at 1.5 m/s
   * (the mean walking speed of younger pedestrians, Knoblauch, Pietrucha and Nitzburg, "Field studies of pedestrian
   * walking speed and start-up time", Transportation Research Record 1538, 1996: 1.51 m/s).
   */
  static final double EMERGE_TIME = EMERGE_OFFSET / 1.5;
  /** Cautious policy: spacing of the points checked along the path, metres, and how far ahead at most. */
  static final double EMERGE_STEP = 2.0;
  static final double EMERGE_MAX = 80.0;
  /**
   * Cautious policy: the deceleration the speed bound plans to stop with, m/s^2: the caution parameter (smaller is
   * slower and safer). 4 m/s^2 is a firm stop on dry asphalt, above AASHTO's 3.4 m/s^2 stopping-sight design value
   * (which most drivers exceed when they must) and well under the 6-8 m/s^2 of emergency braking that the
   * collision check keeps in reserve. Following the bound down to an occlusion decelerates at about this value,
   * which the 0.4 g hard-braking metric counts as one episode.
   */
  static final double CAUTION_DECEL = 4.0;
  /**
   * Cautious policy: the deceleration with which the agent slows ahead of time toward an occlusion it sees coming,
   * m/s^2, so that it arrives at {@link #CRAWL_SPEED} instead of following the firm bound down: 2 m/s^2 is the
   * comfortable deceleration of everyday driving (about half of ISO 15622's 3.5 m/s^2 limit for adaptive cruise
   * control; drivers' normal stops average 2-3 m/s^2).
   */
  static final double COMFORT_DECEL = 2.0;
  /**
   * Cautious policy: the speed the comfortable approach aims for where an occlusion begins, m/s; about the firm
   * bound at {@link #EMERGE_STEP} m of room, the speed at which the agent passes beside a row of parked cars.
   */
  static final double CRAWL_SPEED = 2.5;
  /**
   * Cautious policy: a perceived pedestrian or cyclist up to this many metres beyond the emergence offset from the
   * path binds the speed as an unseen emergence point does, if it stands (slower than
   * {@link #KNOWN_VRU_STANDING} m/s) or moves toward the path (faster than {@link #KNOWN_VRU_APPROACH} m/s).
   */
  static final double KNOWN_VRU_BAND = 1.0;
  static final double KNOWN_VRU_STANDING = 0.5;
  static final double KNOWN_VRU_APPROACH = 0.2;
  /** Cautious policy: how far beside the path an approaching pedestrian or cyclist is considered, metres. */
  static final double KNOWN_VRU_REACH = 15.0;
  /** Cautious policy: seconds of slack on an approaching pedestrian's or cyclist's time to reach the corridor. */
  static final double KNOWN_VRU_SLACK = 1.0;
  /** Cautious policy: metres short of an unseen point the bound plans to stop. */
  static final double OCCLUSION_MARGIN = 0.5;
  /** Cautious policy: below the bound by less than this (m/s) the agent holds its speed instead of accelerating. */
  static final double BOUND_HYSTERESIS = 0.5;
  /** Cautious policy: perception and actuation delay the speed bound allows for, seconds. */
  static final double REACTION = 0.3;
  /** Cautious policy: how far back a crossing approach must be seen, in seconds at its speed limit. */
  static final double CROSSING_HORIZON = 4.0;
  /** Roadside coverage is trusted for this long after the frame that reported it, seconds. */
  static final double COVERAGE_MAX_AGE = 1.0;
  /** Directions (rad, host frame) a sensor must cover for the agent to see a follower in the lane beside it. */
  static final double REAR_SIDE = Math.toRadians(165);
  /**
   * How fast commanded braking may be released, m/s^3. Our choice, of the order of the comfort limits on jerk in
   * adaptive cruise control (ISO 15622 bounds the rate of change of automatic deceleration at 2.5 m/s^3 averaged
   * over 1 s); applying the brakes is never limited.
   */
  static final double RELEASE_JERK = 5.0;
  /** Default actuation delay (brake-system response), seconds. */
  public static final double DEFAULT_ACTUATION_DELAY = 0.1;

  /** What the agent decided, for metrics (latencies, phantom braking, age of information). */
  public interface DecisionLog {
    /**
     * @param hazardAccel the braking the hazard check asked for (0 if none)
     * @param objX position of the object it reacted to (NaN if none)
     * @param source {@link WorldModel#ONBOARD} or {@link WorldModel#RSU}, 0 if none
     */
    void decided(AutomatedDriver agent, double time, double commanded, double hazardAccel, double objX,
        double objY, byte source);
  }

  private String name;
  private int objectId;
  private final long runSeed;
  private final Sensor[] sensors;
  private final boolean cautious;
  private final double signalRange;
  private final double leftRearRange;
  private final double rightRearRange;
  private final PerceivedView view = new PerceivedView();
  // The scenery this tick's scan saw past: it tells which space the sensors cover, nothing else.
  private Occluders occluders;
  private double coverageTime;
  private long cappedDecisions;
  private final RandomStream[] rngs;
  private final boolean usesFrames;
  private final WorldModel world = new WorldModel();
  private final Detections scan = new Detections(32);
  private final Detections pending = new Detections(64);
  private final double[] commands;
  private int commandHead;
  private final double dt;
  private double lastCommand;
  private final DecisionLog log;
  private final double[] path = new double[3];
  private final double[] crossingPose = new double[3];
  private int[] vru = new int[8];
  private final TrafficShadows shadows = new TrafficShadows();
  // The ego's path, sampled once per decision and shared by every object's check: pathAhead walks links and
  // evaluates curves, which cost more than the checks themselves when hundreds of objects are believed in.
  private static final int HORIZON_SAMPLES = horizonSamples();
  private final double[] hzAhead = new double[HORIZON_SAMPLES];
  private final double[] hzX = new double[HORIZON_SAMPLES];
  private final double[] hzY = new double[HORIZON_SAMPLES];
  private final double[] hzCos = new double[HORIZON_SAMPLES];
  private final double[] hzSin = new double[HORIZON_SAMPLES];

  public AutomatedDriver(int objectId, String name, List<SensorSpec> onboard, boolean usesFrames, long runSeed,
      double dt, double actuationDelay, DecisionLog log) {
    this(objectId, name, onboard, usesFrames, DrivingPolicy.CAUTIOUS, runSeed, dt, actuationDelay, log);
  }

  public AutomatedDriver(int objectId, String name, List<SensorSpec> onboard, boolean usesFrames,
      DrivingPolicy policy, long runSeed, double dt, double actuationDelay, DecisionLog log) {
    this.cautious = policy == DrivingPolicy.CAUTIOUS;
    this.objectId = objectId;
    this.name = name;
    this.runSeed = runSeed;
    this.usesFrames = usesFrames;
    this.sensors = new Sensor[onboard.size()];
    this.rngs = new RandomStream[onboard.size()];
    for (int i = 0; i < onboard.size(); i++) {
      sensors[i] = new Sensor(i, onboard.get(i));
      rngs[i] = RandomStream.derive(runSeed, "onboard/" + name + "/" + i);
    }
    this.commands = new double[Math.max(1, (int) Math.round(actuationDelay / dt)) + 1];
    this.dt = dt;
    this.log = log;
    double cam = 0;
    double left = 0;
    double right = 0;
    for (SensorSpec spec : onboard) {
      if (spec.type() == SensorType.CAMERA) {
        cam = Math.max(cam, spec.range()); // a camera also reads the signal heads ahead
      }
      if (coversDirection(spec, REAR_SIDE)) {
        left = Math.max(left, spec.range());
      }
      if (coversDirection(spec, -REAR_SIDE)) {
        right = Math.max(right, spec.range());
      }
    }
    this.signalRange = cam;
    this.leftRearRange = left;
    this.rightRearRange = right;
  }

  private static boolean coversDirection(SensorSpec spec, double direction) {
    double d = Math.abs(Math.IEEEremainder(direction - spec.heading(), 2 * Math.PI));
    return d <= spec.halfFov();
  }

  /**
   * Makes this agent exactly what the constructor would for another vehicle with the same sensors, frames setting,
   * seed, step and delay (its streams re-derived from the new name), keeping its arrays: agents of vehicles that
   * have left are reused for vehicles that enter, so a run allocates no agents in steady state.
   */
  public void reset(int newObjectId, String newName) {
    this.objectId = newObjectId;
    this.name = newName;
    for (int i = 0; i < rngs.length; i++) {
      rngs[i].reset(runSeed, "onboard/", newName, i);
    }
    world.reset();
    scan.clear();
    pending.clear();
    java.util.Arrays.fill(commands, 0);
    commandHead = 0;
    lastCommand = 0;
    occluders = null;
  }

  private static int horizonSamples() {
    int q = 0;
    for (double t = 0; t <= HORIZON + 1e-9; t += STEP) { // the decision loop's own sequence of times
      q++;
    }
    return q;
  }

  public String name() {
    return name;
  }

  public int objectId() {
    return objectId;
  }

  public boolean usesFrames() {
    return usesFrames;
  }

  public WorldModel world() {
    return world;
  }

  /** Scans with the onboard sensors that are due, and folds scans whose processing finished into the world model. */
  public void sense(long tick, double dt, double time, GroundTruth truth, Occluders occluders) {
    this.occluders = null;
    scan.clear();
    for (int i = 0; i < sensors.length; i++) {
      if (!sensors[i].mountOn(truth, objectId)) {
        return;
      }
      if (sensors[i].due(tick, dt)) {
        sensors[i].sense(time, truth, occluders, rngs[i], scan, objectId);
      }
    }
    pending.appendAll(scan);
    // Fold in every complete scan that is ready, oldest first; keep the rest.
    int w = 0;
    int i = 0;
    while (i < pending.count) {
      int j = i + 1;
      while (j < pending.count && pending.sensorId[j] == pending.sensorId[i] && pending.time[j] == pending.time[i]) {
        j++;
      }
      if (pending.readyTime[i] <= time + 1e-9) {
        world.onboardScan(pending, i, j);
      } else {
        for (int k = i; k < j; k++) {
          pending.move(k, w++);
        }
      }
      i = j;
    }
    pending.count = w;
    world.expire(time);
    this.occluders = occluders;
  }

  /**
   * Whether anything the agent perceives with covers the point: one of its own sensors, or a roadside sensor whose
   * coverage it received lately. False when it has not sensed this tick (it then knows nothing of the space).
   */
  private boolean covered(double px, double py) {
    if (occluders == null) {
      return false;
    }
    for (int i = 0; i < sensors.length; i++) {
      if (sensors[i].sweeps(px, py, occluders)) {
        return true;
      }
    }
    return usesFrames && world.roadsideCovers(px, py, coverageTime, COVERAGE_MAX_AGE, occluders);
  }

  /**
   * As {@link #covered}, for space beside the path and on crossing approaches: an own sensor's view of it must also
   * pass no perceived vehicle ({@link TrafficShadows}). Not for the path itself: what a leader hides in the ego's
   * lane, the leader meets first, and car following keeps the ego behind it.
   */
  private boolean coveredPastTraffic(double px, double py) {
    if (occluders == null) {
      return false;
    }
    for (int i = 0; i < sensors.length; i++) {
      if (sensors[i].sweeps(px, py, occluders) && !shadows.hides(sensors[i].x(), sensors[i].y(), px, py)) {
        return true;
      }
    }
    return usesFrames && world.roadsideCovers(px, py, coverageTime, COVERAGE_MAX_AGE, occluders);
  }

  /**
   * Blind junctions: the distance along the path to the first conflict point of the next junction whose crossing
   * approach has unseen space within {@link #CROSSING_HORIZON} s at its speed limit of the stop line, or NaN. Whoever
   * could come out of that space (a vehicle or cyclist ignoring right of way included) reaches the crossing about
   * when the ego does, so the ego keeps a speed at which it can stop short of it; right of way does not make a
   * hidden road user go away. Inside the junction, and where the crossing approach is seen, nothing applies.
   */
  private double unseenCrossing(EgoState ego, double reach) {
    io.v2xsim.core.network.Connector c = ego.nextConnector();
    double toLine = ego.distanceToLine();
    if (c == null || toLine < 0 || toLine > reach) {
      return Double.NaN;
    }
    double best = Double.NaN;
    for (int i = 0, nc = c.conflictCount(); i < nc; i++) {
      io.v2xsim.core.network.Conflict conf = c.conflict(i);
      double at = toLine + conf.at();
      if (conf.merge() || (!Double.isNaN(best) && at >= best)) {
        continue;
      }
      io.v2xsim.core.network.Lane approach = conf.other().from();
      if (approachHasUnseenSpace(approach)) {
        best = at;
      }
    }
    return best;
  }

  /** Collects into {@link #vru} the pedestrians and cyclists the agent believes in within {@code range}; their count. */
  private int vulnerableNear(EgoState ego, double range) {
    int n = 0;
    for (int k = 0; k < world.count; k++) {
      byte cls = world.objectClass[k];
      if ((cls == io.v2xsim.core.sensing.ObjectClass.PEDESTRIAN || cls == io.v2xsim.core.sensing.ObjectClass.CYCLIST)
          && Math.hypot(world.x[k] - ego.x(), world.y[k] - ego.y()) <= range) {
        if (n == vru.length) {
          vru = java.util.Arrays.copyOf(vru, 2 * n);
        }
        vru[n++] = k;
      }
    }
    return n;
  }

  /**
   * Whether a pedestrian or cyclist the agent perceives beside its path near the path point (x, y) with heading
   * (c, sn) could be in the corridor when the ego gets there ({@code egoTime} s): standing within {@code band}
   * metres of the path's centre, or walking toward it fast enough to reach the corridor by then (plus
   * {@link #KNOWN_VRU_SLACK}). A road user one sees heading for the kerb is at least as likely to step out as one
   * who might stand unseen there: the same bound applies, in every arm.
   */
  private boolean mayStepIn(int n, double x, double y, double c, double sn, double corridor, double band,
      double egoTime) {
    for (int i = 0; i < n; i++) {
      int k = vru[i];
      double dx = world.x[k] - x;
      double dy = world.y[k] - y;
      double along = dx * c + dy * sn;
      double across = -dx * sn + dy * c;
      double off = Math.abs(across);
      if (Math.abs(along) > EMERGE_STEP || off <= corridor || off > KNOWN_VRU_REACH) {
        continue;
      }
      double toward = -Math.signum(across) * (-world.vx[k] * sn + world.vy[k] * c);
      boolean standing = Math.hypot(world.vx[k], world.vy[k]) < KNOWN_VRU_STANDING;
      if (standing && off <= band
          || toward > KNOWN_VRU_APPROACH && (off - corridor) / toward <= egoTime + KNOWN_VRU_SLACK) {
        return true;
      }
    }
    return false;
  }

  private boolean approachHasUnseenSpace(io.v2xsim.core.network.Lane lane) {
    double len = lane.length();
    double horizon = Math.min(len, lane.speedLimit() * CROSSING_HORIZON);
    double scale = lane.shapeScale();
    for (double back = 0; back <= horizon; back += EMERGE_STEP * 2) {
      lane.shape().pose((len - back) * scale, crossingPose);
      if (!coveredPastTraffic(crossingPose[0], crossingPose[1])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a road user could step into the corridor from the point {@code lateral} metres to one side (unit
   * normal nx, ny) of the path point (x, y): nothing the agent perceives with sees the point, and nothing solid
   * stands between it and the corridor (a point inside a parked bus is not one anyone steps out of).
   */
  private boolean mayEmerge(double x, double y, double nx, double ny, double lateral) {
    double px = x + nx * lateral;
    double py = y + ny * lateral;
    if (coveredPastTraffic(px, py)) {
      return false;
    }
    double edge = lateral - EMERGE_OFFSET;
    return occluders != null && occluders.staticLineOfSight(px, py, x + nx * edge, y + ny * edge);
  }

  /** Decisions in which the cautious policy's speed bound was the binding limit. */
  public long cappedDecisions() {
    return cappedDecisions;
  }

  @Override
  public io.v2xsim.core.engine.Surroundings perceive(EgoState ego) {
    double now = ego.time();
    world.predict(now, ego.x(), ego.y(), ego.heading(), ego.length(), ego.width());
    coverageTime = now;
    return view.bind(ego, world, signalRange, leftRearRange, rightRearRange);
  }

  /**
   * The speed bound of the cautious policy as an acceleration: MAX_VALUE where the path ahead is seen on both
   * sides up to stopping distance.
   */
  private double occlusionLimit(EgoState ego) {
    if (occluders == null) {
      // Entered the network this tick, before its first scan: it was driving (and seeing) before it came in.
      return Double.MAX_VALUE;
    }
    double v = Math.max(ego.speed(), 0.0);
    double b = CAUTION_DECEL;
    double firmReach = v * REACTION + v * v / (2 * b) + 2 * STOP_SHORT + EMERGE_STEP;
    double comfortReach = v * REACTION + Math.max(0, v * v - CRAWL_SPEED * CRAWL_SPEED) / (2 * COMFORT_DECEL)
        + 2 * STOP_SHORT + EMERGE_STEP;
    double reach = Math.min(EMERGE_MAX, Math.max(firmReach, comfortReach));
    double lateral = 0.5 * ego.width() + MARGIN + EMERGE_OFFSET;
    double corridor = 0.5 * ego.width() + MARGIN;
    int vrus = vulnerableNear(ego, reach + EMERGE_STEP);
    // Far enough for the crossing approaches too (their speed limit times CROSSING_HORIZON back from the line).
    shadows.collect(world, ego.x(), ego.y(), ego.heading(), reach + EMERGE_STEP + lateral + 60);
    double nearest = Double.NaN;
    // Points within the firm stopping distance every EMERGE_STEP; beyond it, where only comfort is at stake, every
    // other one.
    for (double d = EMERGE_STEP; d <= reach; d += d < firmReach ? EMERGE_STEP : 2 * EMERGE_STEP) {
      if (!ego.pathAhead(d, path)) {
        break;
      }
      double c = Math.cos(path[2]);
      double sn = Math.sin(path[2]);
      // Its own lane beyond the sight line (round a bend, over a crest of buildings) may hold anything that stands
      // still; beside the path, someone may step out.
      // Someone stepping out beside the path reaches it only after EMERGE_TIME: points the ego passes sooner bind
      // nothing.
      boolean sideMatters = d >= v * EMERGE_TIME;
      if (!covered(path[0], path[1]) || sideMatters && (mayEmerge(path[0], path[1], -sn, c, lateral)
          || mayEmerge(path[0], path[1], sn, -c, lateral)
          || mayStepIn(vrus, path[0], path[1], c, sn, corridor, lateral + KNOWN_VRU_BAND, d / Math.max(v, 1.0)))) {
        nearest = d;
        break;
      }
    }
    double crossing = unseenCrossing(ego, reach);
    if (!Double.isNaN(crossing) && (Double.isNaN(nearest) || crossing < nearest)) {
      nearest = crossing;
    }
    if (Double.isNaN(nearest)) {
      return Double.MAX_VALUE;
    }
    double room = Math.max(0, nearest - OCCLUSION_MARGIN);
    double vmax = -b * REACTION + Math.sqrt(b * b * REACTION * REACTION + 2 * b * room);
    // Seen coming: slow down comfortably to the crawl speed by the time it is reached, rather than follow the firm
    // bound down at CAUTION_DECEL (which would be a hard braking for every parked bus).
    double vComfort = Math.sqrt(CRAWL_SPEED * CRAWL_SPEED + 2 * COMFORT_DECEL * Math.max(0, room - v * REACTION));
    if (v <= vmax && v > vComfort) {
      return Math.max(-CAUTION_DECEL, -COMFORT_DECEL - (v - vComfort));
    }
    if (v <= vmax - BOUND_HYSTERESIS) {
      return Double.MAX_VALUE;
    }
    if (v <= vmax) {
      return 0; // just under the bound: hold, so as not to accelerate into it and brake again (chatter)
    }
    // Track the bound: it falls at about CAUTION_DECEL while the occlusion comes closer; any excess over it is taken
    // off at twice that rate per m/s of excess.
    return Math.max(-ego.maxDecel(), -b - 2 * (v - vmax));
  }

  /** A perception frame delivered to this vehicle (V2X arms only; ignored otherwise). */
  public void onFrame(FrameView frame, double deliveredAt) {
    if (usesFrames) {
      world.onFrame(frame, deliveredAt);
    }
  }

  @Override
  public double decide(EgoState ego, double ruleAcceleration) {
    double now = ego.time();
    double hazard = 0;
    double objX = Double.NaN;
    double objY = Double.NaN;
    byte source = 0;
    double v = Math.max(ego.speed(), 0.0);
    double halfWidth = 0.5 * ego.width();
    if (world.count > 0) {
      int q = 0;
      for (double t = 0; t <= HORIZON + 1e-9; t += STEP, q++) {
        double ahead = v * t;
        ego.pathAhead(ahead, path);
        hzAhead[q] = ahead;
        hzX[q] = path[0];
        hzY[q] = path[1];
        hzCos[q] = Math.cos(path[2]);
        hzSin[q] = Math.sin(path[2]);
      }
    }
    double hc = Math.cos(ego.heading());
    double hs = Math.sin(ego.heading());
    for (int k = 0; k < world.count; k++) {
      // Traffic moving along the ego's direction (either way) beside its corridor keeps its lane: predicting it in a
      // straight line with the noise of a camera's lateral velocity (0.8 m/s) drifted oncoming cars into the corridor
      // within the horizon, and the car braked hard about five times a minute on an open road.
      double pvx = world.vx[k];
      double pvy = world.vy[k];
      double sp = Math.hypot(pvx, pvy);
      boolean vehicle = io.v2xsim.core.sensing.ObjectClass.isVehicle(world.objectClass[k]);
      // So does a vehicle beside it that moves sideways slower than VEHICLE_SIDEWAYS_NOISE, whatever its speed: at
      // walking pace the tracker's velocity is mostly noise (1-4 m/s sideways at 10 Hz), and buses crawling the other
      // way at 1 m/s were predicted across the car's path.
      if (sp > PARALLEL_MIN_SPEED || vehicle) {
        double along = pvx * hc + pvy * hs;
        double sideways = Math.abs(-pvx * hs + pvy * hc);
        double rx = world.x[k] - ego.x();
        double ry = world.y[k] - ego.y();
        double lateral = Math.abs(-rx * hs + ry * hc);
        if ((Math.abs(along) > sp * COS_PARALLEL || vehicle && sideways < VEHICLE_SIDEWAYS_NOISE)
            && lateral > halfWidth + MARGIN + 0.5) {
          pvx = along * hc;
          pvy = along * hs;
        }
      }
      // Earliest time the object is inside the ego's corridor where the ego will be.
      int q = 0;
      for (double t = 0; t <= HORIZON + 1e-9; t += STEP, q++) {
        double ahead = hzAhead[q];
        double ox = world.x[k] + pvx * t;
        double oy = world.y[k] + pvy * t;
        double dx = ox - hzX[q];
        double dy = oy - hzY[q];
        double along = dx * hzCos[q] + dy * hzSin[q];
        double across = -dx * hzSin[q] + dy * hzCos[q];
        if (Math.abs(across) < halfWidth + MARGIN + 0.5 && along > -ego.length() && along < 4.0) {
          double dist = ahead + along - STOP_SHORT;
          double need = v * v / (2 * Math.max(dist, 0.3));
          if (need > 0.5 && need > hazard) {
            hazard = need;
            objX = world.x[k];
            objY = world.y[k];
            source = world.source[k];
          }
          break;
        }
      }
    }
    double command = ruleAcceleration;
    if (cautious) {
      double cap = occlusionLimit(ego);
      if (cap < command) {
        command = cap;
        cappedDecisions++;
      }
    }
    if (hazard > 0) {
      // A tenth more than the stop needs, continuously: switching between the need and 1.2 times it above the
      // comfortable rate made the braking pulse (measured: 8-9 m/s^2 every other sample), each pulse a hard-braking
      // episode.
      double brake = Math.min(ego.maxDecel(), hazard * 1.1);
      command = Math.min(command, -brake);
    }
    // Brakes go on at once but come off at most RELEASE_JERK: a perceived obstacle that flickers in and out of the
    // lane (noisy positions at its edge) otherwise made the brakes pulse at twice the actuation delay.
    if (command > lastCommand + RELEASE_JERK * dt) {
      command = lastCommand + RELEASE_JERK * dt;
    }
    lastCommand = command;
    if (log != null) {
      log.decided(this, now, command, hazard, objX, objY, source);
    }
    // Actuation delay: apply the command decided a few ticks ago.
    commands[commandHead] = command;
    commandHead = (commandHead + 1) % commands.length;
    return commands[commandHead];
  }
}
