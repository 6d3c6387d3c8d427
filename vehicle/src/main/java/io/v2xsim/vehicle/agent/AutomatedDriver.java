package io.v2xsim.vehicle.agent;

import io.v2xsim.core.engine.EgoState;
import io.v2xsim.core.engine.VehicleController;
import io.v2xsim.core.random.RandomStream;
import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.Sensor;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.wire.FrameView;
import java.util.List;

/**
 * An automated vehicle in one arm: onboard sensors, a {@link WorldModel} fed by them and (in V2X arms) by
 * received perception frames, and a decision layer on top of the rule-following driver. The decision layer
 * predicts every object it believes in at constant velocity over the next {@link #HORIZON} seconds, and the ego
 * along its own route at its current speed; if an object comes within the ego's corridor it brakes to stop
 * short of the point where they would meet, comfortably if that suffices and up to emergency braking if not.
 * Commands take effect after an actuation delay.
 *
 * <p>Everything it knows of others comes from detections and frames: the only ground truth it is given is
 * what its sensor model needs to generate detections (see {@link Sensor}), never object lists.
 */
public final class AutomatedDriver implements VehicleController {
  /** Seconds of prediction for conflict checks. */
  static final double HORIZON = 4.0;
  static final double STEP = 0.1;
  /** Lateral clearance added to both half widths, metres. */
  static final double MARGIN = 0.6;
  /** Metres short of the meeting point the ego aims to stop. */
  static final double STOP_SHORT = 2.0;
  /** How far ahead along its path the agent looks for a leader, metres. */
  static final double LEADER_RANGE = 80.0;
  static final double ASSUMED_HALF_LENGTH = 2.25;
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
  private final RandomStream[] rngs;
  private final boolean usesFrames;
  private final WorldModel world = new WorldModel();
  private final Detections scan = new Detections(32);
  private final Detections pending = new Detections(64);
  private final double[] commands;
  private int commandHead;
  private final DecisionLog log;
  private final double[] path = new double[3];
  // The ego's path, sampled once per decision and shared by every object's check: pathAhead walks links and
  // evaluates curves, which cost more than the checks themselves when hundreds of objects are believed in.
  private static final int HORIZON_SAMPLES = horizonSamples();
  private final double[] hzAhead = new double[HORIZON_SAMPLES];
  private final double[] hzX = new double[HORIZON_SAMPLES];
  private final double[] hzY = new double[HORIZON_SAMPLES];
  private final double[] hzCos = new double[HORIZON_SAMPLES];
  private final double[] hzSin = new double[HORIZON_SAMPLES];
  private static final int LEADER_SAMPLES = (int) LEADER_RANGE + 1;
  private final double[] ldX = new double[LEADER_SAMPLES];
  private final double[] ldY = new double[LEADER_SAMPLES];
  private final double[] ldCos = new double[LEADER_SAMPLES];
  private final double[] ldSin = new double[LEADER_SAMPLES];
  private int leaderSampled;

  public AutomatedDriver(int objectId, String name, List<SensorSpec> onboard, boolean usesFrames, long runSeed,
      double dt, double actuationDelay, DecisionLog log) {
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
    this.log = log;
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
    int self = truth.indexOf(objectId);
    if (self < 0) {
      return;
    }
    scan.clear();
    for (int i = 0; i < sensors.length; i++) {
      sensors[i].setHostPose(truth.x[self], truth.y[self], truth.heading[self]);
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
  }

  /** A perception frame delivered to this vehicle (V2X arms only; ignored otherwise). */
  public void onFrame(FrameView frame, double deliveredAt) {
    if (usesFrames) {
      world.onFrame(frame, deliveredAt);
    }
  }

  /**
   * Car following on perception: the nearest believed object standing in the ego's lane ahead (within
   * {@link #LEADER_RANGE} m of path) is the leader, at its speed along the path. Objects are assumed
   * {@link #ASSUMED_HALF_LENGTH} m from centre to rear, since detections carry no size.
   */
  private double followPerceivedLeader(EgoState ego, double halfWidth) {
    double best = Double.MAX_VALUE;
    double bestGap = Double.NaN;
    double bestSpeed = 0;
    leaderSampled = 0;
    for (int k = 0; k < world.count; k++) {
      double d0 = Math.hypot(world.x[k] - ego.frontX(), world.y[k] - ego.frontY());
      if (d0 > LEADER_RANGE) {
        continue;
      }
      int q = 0;
      for (double s = 0; s <= Math.min(LEADER_RANGE, d0 + 4); s += 1.0, q++) {
        // Points at 0, 1, 2, ... m, sampled on first need and reused for the next objects.
        while (leaderSampled <= q) {
          ego.pathAhead(leaderSampled, path);
          ldX[leaderSampled] = path[0];
          ldY[leaderSampled] = path[1];
          ldCos[leaderSampled] = Math.cos(path[2]);
          ldSin[leaderSampled] = Math.sin(path[2]);
          leaderSampled++;
        }
        double dx = world.x[k] - ldX[q];
        double dy = world.y[k] - ldY[q];
        double c = ldCos[q];
        double sn = ldSin[q];
        double along = dx * c + dy * sn;
        double across = -dx * sn + dy * c;
        if (Math.abs(along) <= 0.5 && Math.abs(across) < halfWidth + 0.5) {
          if (s < best) {
            best = s;
            bestGap = s - ASSUMED_HALF_LENGTH;
            bestSpeed = Math.max(0, world.vx[k] * c + world.vy[k] * sn);
          }
          break;
        }
      }
    }
    return Double.isNaN(bestGap) ? Double.MAX_VALUE : ego.follow(Math.max(bestGap, 0.05), bestSpeed);
  }

  @Override
  public double decide(EgoState ego, double ruleAcceleration) {
    double now = ego.time();
    world.predict(now, ego.x(), ego.y(), ego.length());
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
    for (int k = 0; k < world.count; k++) {
      // Earliest time the object is inside the ego's corridor where the ego will be.
      int q = 0;
      for (double t = 0; t <= HORIZON + 1e-9; t += STEP, q++) {
        double ahead = hzAhead[q];
        double ox = world.x[k] + world.vx[k] * t;
        double oy = world.y[k] + world.vy[k] * t;
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
    double command = Math.min(ruleAcceleration, followPerceivedLeader(ego, halfWidth));
    if (hazard > 0) {
      double brake = hazard <= ego.comfortableDecel() ? hazard : Math.min(ego.maxDecel(), hazard * 1.2);
      command = Math.min(command, -brake);
    }
    if (log != null) {
      log.decided(this, now, command, hazard, objX, objY, source);
    }
    // Actuation delay: apply the command decided a few ticks ago.
    commands[commandHead] = command;
    commandHead = (commandHead + 1) % commands.length;
    return commands[commandHead];
  }
}
