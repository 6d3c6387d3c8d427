package io.v2xsim.scenarios.coop;

import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.collections.LongIntMap;
import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.experiment.RsuSite;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.safety.SafetyConfig;
import io.v2xsim.core.metrics.safety.SafetyMonitor;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Neighbours;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.Sensor;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.roadside.fusion.FusedObjects;
import io.v2xsim.roadside.unit.RoadsideUnit;
import io.v2xsim.vehicle.agent.AutomatedDriver;
import io.v2xsim.vehicle.agent.WorldModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Perception, latency and cooperation metrics of one arm run. These compare what agents and RSUs believe with
 * ground truth, so they live here, with the experiment, and never feed back into any decision. Nothing is
 * measured before the scenario's warm-up, as in the engine's metrics. Definitions and sources: docs/metrics.md.
 *
 * <ul>
 *   <li><b>Hazards</b> are the road users the scenario scripts against the traffic ({@link Hazard}: a ground-truth
 *       object by name, of any kind, and the vehicle it is scripted against, if any). A hazard's <i>onset</i> is
 *       the first tick it is physically relevant to its ego: from ground truth alone, their oriented boxes at
 *       constant velocity would touch within the time the ego needs to cover its AASHTO stopping sight distance
 *       ({@link EgoSafety#relevant}). No sensor, RSU or arm setting enters it. A hazard scripted against no
 *       vehicle takes as its ego the first automated vehicle it becomes relevant to. Hazard-to-awareness is the
 *       time from onset until the ego's world model holds an object within {@link #MATCH_M} of the hazard
 *       (negative if it already held it, without a break, before onset); hazard-to-brake until the ego first
 *       brakes for an object within {@link #PHANTOM_M} of it (negative if before onset).
 *   <li><b>Phantom braking</b>: an episode of hazard braking that starts for an object with no road user within
 *       {@link #PHANTOM_M} of where the agent believed it was.
 *   <li><b>Age of information</b> of received objects at decision time, split into the stages the pipeline
 *       timestamps: measurement to frame generation (RSU sensing and fusion), generation to delivery (the
 *       channel) and delivery to decision (waiting). Encoding and decoding take no simulated time and are not
 *       reported; their wall-clock cost is in run-info.json.
 *   <li><b>Latency budgets</b>: the share of received objects whose end-to-end transfer (delivery minus
 *       generation) exceeded each {@link LatencyBudget}.
 *   <li><b>Awareness ratio</b>: every 0.5 s, the share of road users within {@link #AWARE_RANGE_M} of an agent
 *       that its world model holds, in all and by the arm's sources (onboard tracks, received objects).
 *   <li><b>Fused-track accuracy</b> at every fusion cycle of every RSU, against the road users its sensors could
 *       see: MOTA (Bernardin and Stiefelhagen 2008) and OSPA (Schuhmacher, Vo and Vo 2008, cut-off
 *       {@link #OSPA_CUTOFF_M}, order 1); tracks are matched to truth greedily by distance within
 *       {@link #MATCH_M} (an upper bound on the optimal OSPA assignment).
 * </ul>
 */
final class CoopMetrics implements AutomatedDriver.DecisionLog {
  static final double MATCH_M = 2.5;
  static final double PHANTOM_M = 3.0;
  static final double AWARE_RANGE_M = 50.0;
  static final double OSPA_CUTOFF_M = 5.0;
  /** TTC horizon of the ego measures: the safety monitor's, so minTtcEgoTrue and minTtc mean the same. */
  static final double TTC_HORIZON_S = SafetyConfig.defaults().horizon();
  /** Size assumed for a perceived object that matches no road user (a pedestrian's): the smallest there is. */
  static final double UNMATCHED_SIZE_M = 0.5;

  /**
   * A road user scripted against the traffic: the ground-truth object named {@code name} (a pedestrian, a
   * cyclist or, once scenarios script them, a vehicle: the kind does not matter) and the trip of the vehicle it
   * is scripted against, or null for any automated vehicle.
   */
  record Hazard(String name, String egoTrip) {
    static Hazard of(ActorScript a) {
      return new Hazard(a.id(), a.triggerTrip());
    }
  }

  private final Engine engine;
  private final double warmup;
  private final List<Hazard> hazards;
  private final boolean hasOnboard;
  private final boolean usesRsu;
  /** Ground-truth id of each hazard once seen (-1 before); of its ego once known (-1 before). */
  private final int[] hazardId;
  private final int[] egoId;
  private final double[] onset;
  /** Onset fell in the warm-up: the hazard is not counted. */
  private final boolean[] beforeWarmup;
  private final double[] aware;
  private final double[] brake;
  /** Named ego, before onset: since when its world model has held the hazard without a break (NaN if not). */
  private final double[] holdingSince;
  /** Named ego, before onset: when it first braked for the hazard (NaN if not). */
  private final double[] brakeBeforeOnset;
  /** Braking episodes closer than this, ms, are one (see {@link #decided}). */
  static final int EPISODE_GAP_MS = 1000;
  /** Object id of an agent -> model time (ms) of its last decision that braked for a hazard. */
  private final LongIntMap brakingNow = new LongIntMap();
  private int phantomEpisodes;
  private int brakeEpisodes;
  private final ReceivedAges received = new ReceivedAges();
  private double onboardAgeSum;
  private long onboardAgeCount;
  // time to collision of the agents, from ground truth and as they perceived it
  private double minTtcTrue = Double.POSITIVE_INFINITY;
  private double minTtcPerceived = Double.POSITIVE_INFINITY;
  // awareness
  private double awarenessSum;
  private double awarenessOnboardSum;
  private double awarenessRsuSum;
  private long awarenessCount;
  // tracking
  private long gtTotal;
  private long misses;
  private long falsePositives;
  private long idSwitches;
  private double ospaSum;
  private long ospaCount;
  private double sqErr;
  private long matched;
  private final LongIntMap lastTrackOfTruth = new LongIntMap();
  // Reused scratch of measure() and fused(): the metrics stage allocates nothing in steady state.
  private final Neighbours near = new Neighbours(256);
  private final Neighbours sizeNear = new Neighbours(16);
  private int[] visible = new int[64];
  private boolean[] trackUsed = new boolean[64];
  private boolean[] truthUsed = new boolean[64];
  private double[] pairD = new double[64];
  private int[] pairT = new int[64];
  private int[] pairG = new int[64];
  private int[] pairOrder = new int[64];

  /** As ArmRun builds it: the scripted actors are the hazards; RSU sites play no part in any hazard metric. */
  CoopMetrics(Engine engine, List<ActorScript> actors, List<RsuSite> sites, Arm arm) {
    this(engine, actors.stream().map(Hazard::of).toList(), arm);
  }

  CoopMetrics(Engine engine, List<Hazard> hazards, Arm arm) {
    this.engine = engine;
    this.warmup = engine.model().warmup();
    this.hazards = List.copyOf(hazards);
    this.hasOnboard = !arm.onboard().isEmpty();
    this.usesRsu = arm.useRsu() && arm.rsuEnabled();
    int n = this.hazards.size();
    hazardId = new int[n];
    egoId = new int[n];
    onset = new double[n];
    beforeWarmup = new boolean[n];
    aware = new double[n];
    brake = new double[n];
    holdingSince = new double[n];
    brakeBeforeOnset = new double[n];
    Arrays.fill(hazardId, -1);
    Arrays.fill(egoId, -1);
    Arrays.fill(onset, Double.NaN);
    Arrays.fill(aware, Double.NaN);
    Arrays.fill(brake, Double.NaN);
    Arrays.fill(holdingSince, Double.NaN);
    Arrays.fill(brakeBeforeOnset, Double.NaN);
  }

  private boolean measuring(double time) {
    return time >= warmup;
  }

  @Override
  public void decided(AutomatedDriver agent, double time, double commanded, double hazard, double objX, double objY,
      byte source) {
    if (hazard <= 0) {
      return;
    }
    // Braking that stops and resumes within EPISODE_GAP s is one episode: a need hovering at the check's threshold
    // (an object's position noise) switched it on and off every other decision, 27 "episodes" behind one
    // broken-down car.
    int ms = (int) Math.round(time * 1000);
    int last = brakingNow.put(agent.objectId(), ms);
    boolean was = last != LongIntMap.ABSENT && ms - last <= EPISODE_GAP_MS;
    if (!measuring(time)) {
      return;
    }
    GroundTruth truth = engine.groundTruth();
    if (!was) {
      brakeEpisodes++;
      boolean real = false;
      truth.near(objX, objY, PHANTOM_M, near);
      for (int q = 0; q < near.count; q++) {
        int i = near.items[q];
        if (truth.id[i] != agent.objectId() && Math.hypot(truth.x[i] - objX, truth.y[i] - objY) < PHANTOM_M) {
          real = true;
          break;
        }
      }
      if (!real) {
        phantomEpisodes++;
      }
    }
    for (int h = 0; h < hazards.size(); h++) {
      if (!Double.isNaN(brake[h]) || hazardId[h] < 0 || beforeWarmup[h]) {
        continue;
      }
      boolean started = !Double.isNaN(onset[h]);
      boolean ego = started ? egoId[h] == agent.objectId() : agent.name().equals(hazards.get(h).egoTrip());
      if (!ego || !started && !Double.isNaN(brakeBeforeOnset[h])) {
        continue;
      }
      int idx = truth.indexOf(hazardId[h]);
      if (idx >= 0 && Math.hypot(truth.x[idx] - objX, truth.y[idx] - objY) < PHANTOM_M) {
        if (started) {
          brake[h] = time - onset[h];
        } else {
          brakeBeforeOnset[h] = time;
        }
      }
    }
  }

  /** Ground-truth index of the road user named {@code name}, resolving and caching its id in {@code ids[h]}. */
  private int resolve(String name, int[] ids, int h, GroundTruth truth) {
    if (ids[h] >= 0) {
      return truth.indexOf(ids[h]);
    }
    for (int i = 0; i < truth.count; i++) {
      if (engine.objectName(truth.id[i]).equals(name)) {
        ids[h] = truth.id[i];
        return i;
      }
    }
    return -1;
  }

  private AutomatedDriver agentById(Agents agents, int objectId) {
    for (int k = 0; k < agents.size(); k++) {
      if (agents.get(k).objectId() == objectId) {
        return agents.get(k);
      }
    }
    return null;
  }

  private static boolean holds(WorldModel w, double x, double y) {
    for (int k = 0; k < w.count; k++) {
      if (Math.hypot(w.x[k] - x, w.y[k] - y) < MATCH_M) {
        return true;
      }
    }
    return false;
  }

  private void hazards(Agents agents, GroundTruth truth, double now) {
    for (int h = 0; h < hazards.size(); h++) {
      if (beforeWarmup[h]) {
        continue;
      }
      int idx = resolve(hazards.get(h).name(), hazardId, h, truth);
      if (idx < 0) {
        continue;
      }
      String egoTrip = hazards.get(h).egoTrip();
      if (Double.isNaN(onset[h])) {
        if (egoTrip != null) {
          int ego = resolve(egoTrip, egoId, h, truth);
          if (ego < 0) {
            continue;
          }
          AutomatedDriver agent = agentById(agents, egoId[h]);
          boolean held = agent != null && holds(agent.world(), truth.x[idx], truth.y[idx]);
          if (!held) {
            holdingSince[h] = Double.NaN;
          } else if (Double.isNaN(holdingSince[h])) {
            holdingSince[h] = now;
          }
          if (!EgoSafety.relevant(truth, ego, idx)) {
            continue;
          }
        } else {
          for (int k = 0; k < agents.size() && egoId[h] < 0; k++) {
            int me = truth.indexOf(agents.get(k).objectId());
            if (me >= 0 && me != idx && EgoSafety.relevant(truth, me, idx)) {
              egoId[h] = agents.get(k).objectId();
            }
          }
          if (egoId[h] < 0) {
            continue;
          }
        }
        onset[h] = now;
        if (!measuring(now)) {
          beforeWarmup[h] = true;
          continue;
        }
        if (!Double.isNaN(holdingSince[h])) {
          aware[h] = holdingSince[h] - now;
        }
        if (!Double.isNaN(brakeBeforeOnset[h])) {
          brake[h] = brakeBeforeOnset[h] - now;
        }
      }
      if (Double.isNaN(aware[h])) {
        AutomatedDriver agent = agentById(agents, egoId[h]);
        if (agent != null && holds(agent.world(), truth.x[idx], truth.y[idx])) {
          aware[h] = now - onset[h];
        }
      }
    }
  }

  void measure(Agents agents, List<RoadsideUnit> rsus) {
    double now = engine.time();
    GroundTruth truth = engine.groundTruth();
    if (!hazards.isEmpty()) {
      hazards(agents, truth, now);
    }
    if (!measuring(now)) {
      return;
    }
    boolean sampleAwareness = engine.tick() % Math.max(1, Math.round(0.5 / engine.dt())) == 0;
    double vmax2 = 0;
    double maxHalfDiagonal = 0;
    for (int i = 0; i < truth.count; i++) {
      vmax2 = Math.max(vmax2, truth.vx[i] * truth.vx[i] + truth.vy[i] * truth.vy[i]);
      maxHalfDiagonal = Math.max(maxHalfDiagonal, 0.5 * Math.hypot(truth.length[i], truth.width[i]));
    }
    double vmax = Math.sqrt(vmax2);
    for (int ak = 0; ak < agents.size(); ak++) {
      AutomatedDriver a = agents.get(ak);
      WorldModel w = a.world();
      int me = truth.indexOf(a.objectId());
      if (me >= 0) {
        // Only contacts sooner than the running minimum can lower it: a shorter horizon prunes more.
        minTtcTrue = Math.min(minTtcTrue,
            EgoSafety.minTtc(truth, me, Math.min(TTC_HORIZON_S, minTtcTrue), vmax, maxHalfDiagonal, near));
        perceivedTtc(truth, me, w, maxHalfDiagonal);
      }
      for (int k = 0; k < w.count; k++) {
        if (w.source[k] == WorldModel.RSU) {
          received.record(w.age[k], w.rsuDelay[k], w.channelDelay[k]);
        } else {
          onboardAgeSum += w.age[k];
          onboardAgeCount++;
        }
      }
      if (sampleAwareness && me >= 0) {
        awareness(truth, me, w);
      }
    }
  }

  /**
   * The agent's smallest TTC with the objects of its world model: its own true box against each object's
   * perceived position and velocity, with the size and heading of the road user nearest to it within
   * {@link #MATCH_M} (perceived objects carry no size), or a {@link #UNMATCHED_SIZE_M} square for one that
   * matches none. Same boxes and horizon as the ground-truth measure, so the two compare.
   */
  private void perceivedTtc(GroundTruth truth, int me, WorldModel w, double maxHalfDiagonal) {
    double horizon = Math.min(TTC_HORIZON_S, minTtcPerceived);
    double selfSpeed = Math.hypot(truth.vx[me], truth.vy[me]);
    double selfHalf = 0.5 * Math.hypot(truth.length[me], truth.width[me]);
    for (int k = 0; k < w.count; k++) {
      double d = Math.hypot(w.x[k] - truth.x[me], w.y[k] - truth.y[me]);
      if (d - selfHalf - maxHalfDiagonal > (selfSpeed + Math.hypot(w.vx[k], w.vy[k])) * horizon) {
        continue; // cannot touch within the horizon, whatever its size
      }
      truth.near(w.x[k], w.y[k], MATCH_M, sizeNear);
      int match = -1;
      double best = MATCH_M;
      for (int q = 0; q < sizeNear.count; q++) {
        int i = sizeNear.items[q];
        double di = Math.hypot(truth.x[i] - w.x[k], truth.y[i] - w.y[k]);
        if (i != me && di < best) {
          best = di;
          match = i;
        }
      }
      double length = match >= 0 ? truth.length[match] : UNMATCHED_SIZE_M;
      double width = match >= 0 ? truth.width[match] : UNMATCHED_SIZE_M;
      double heading = match >= 0 ? truth.heading[match] : 0;
      double t = SafetyMonitor.timeToContact(truth.x[me], truth.y[me], truth.vx[me], truth.vy[me], truth.heading[me],
          truth.length[me], truth.width[me], w.x[k], w.y[k], w.vx[k], w.vy[k], heading, length, width, horizon);
      if (t > 0 && t < minTtcPerceived) {
        minTtcPerceived = t;
        horizon = t;
      }
    }
  }

  private void awareness(GroundTruth truth, int self, WorldModel w) {
    int relevant = 0;
    int known = 0;
    int knownOnboard = 0;
    int knownRsu = 0;
    truth.near(truth.x[self], truth.y[self], AWARE_RANGE_M, near);
    for (int q = 0; q < near.count; q++) {
      int i = near.items[q];
      if (i == self || Math.hypot(truth.x[i] - truth.x[self], truth.y[i] - truth.y[self]) > AWARE_RANGE_M) {
        continue;
      }
      relevant++;
      boolean onboard = false;
      boolean rsu = false;
      for (int k = 0; k < w.count && !(onboard && rsu); k++) {
        if (Math.hypot(w.x[k] - truth.x[i], w.y[k] - truth.y[i]) < MATCH_M) {
          onboard |= w.source[k] == WorldModel.ONBOARD;
          rsu |= w.source[k] == WorldModel.RSU;
        }
      }
      known += onboard || rsu ? 1 : 0;
      knownOnboard += onboard ? 1 : 0;
      knownRsu += rsu ? 1 : 0;
    }
    if (relevant > 0) {
      awarenessSum += (double) known / relevant;
      awarenessOnboardSum += (double) knownOnboard / relevant;
      awarenessRsuSum += (double) knownRsu / relevant;
      awarenessCount++;
    }
  }

  /** Whether a sensor at (sx, sy) looking along {@code heading} could see road user {@code idx} now. */
  private static boolean sees(double sx, double sy, double heading, SensorSpec spec, int idx, int host,
      GroundTruth truth, Occluders occ) {
    double dx = truth.x[idx] - sx;
    double dy = truth.y[idx] - sy;
    double r = Math.hypot(dx, dy);
    if (r > spec.range()) {
      return false;
    }
    double bearing = Math.abs(Math.IEEEremainder(Math.atan2(dy, dx) - heading, 2 * Math.PI));
    if (bearing > spec.halfFov()) {
      return false;
    }
    return occ.visibleFraction(sx, sy, idx, host) >= Sensor.MIN_VISIBLE_FRACTION;
  }

  /** Tracking accuracy of one RSU's fusion output against the road users its sensors can see. */
  void fused(RoadsideUnit rsu, double now) {
    if (!measuring(now)) {
      return;
    }
    GroundTruth truth = engine.groundTruth();
    Occluders occ = engine.occluders();
    FusedObjects f = rsu.fused();
    List<SensorSpec> sensors = rsu.site().sensors();
    // One query around the sensors' centre that covers every sensor's range; candidates in index order.
    double cx = 0;
    double cy = 0;
    for (int k = 0; k < sensors.size(); k++) {
      cx += sensors.get(k).mountX() / sensors.size();
      cy += sensors.get(k).mountY() / sensors.size();
    }
    double reach = 0;
    for (int k = 0; k < sensors.size(); k++) {
      SensorSpec spec = sensors.get(k);
      reach = Math.max(reach, Math.hypot(spec.mountX() - cx, spec.mountY() - cy) + spec.range());
    }
    int nv = 0;
    if (!sensors.isEmpty()) {
      truth.near(cx, cy, reach + 1e-6, near);
      if (visible.length < near.count) {
        visible = new int[Math.max(near.count, 2 * visible.length)];
      }
      for (int q = 0; q < near.count; q++) {
        int i = near.items[q];
        for (int k = 0; k < sensors.size(); k++) {
          SensorSpec spec = sensors.get(k);
          if (sees(spec.mountX(), spec.mountY(), spec.heading(), spec, i, -1, truth, occ)) {
            visible[nv++] = i;
            break;
          }
        }
      }
    }
    if (trackUsed.length < f.count) {
      trackUsed = new boolean[Math.max(f.count, 2 * trackUsed.length)];
    }
    if (truthUsed.length < nv) {
      truthUsed = new boolean[Math.max(nv, 2 * truthUsed.length)];
    }
    java.util.Arrays.fill(trackUsed, 0, f.count, false);
    java.util.Arrays.fill(truthUsed, 0, nv, false);
    // Greedy matching by increasing distance: collect candidate pairs within the gate.
    int np = 0;
    for (int t = 0; t < f.count; t++) {
      double dt = now - f.time[t];
      double px = f.x[t] + f.vx[t] * dt;
      double py = f.y[t] + f.vy[t] * dt;
      for (int g = 0; g < nv; g++) {
        int i = visible[g];
        double d = Math.hypot(px - truth.x[i], py - truth.y[i]);
        if (d < MATCH_M) {
          if (np == pairD.length) {
            growPairs();
          }
          pairD[np] = d;
          pairT[np] = t;
          pairG[np] = g;
          pairOrder[np] = np;
          np++;
        }
      }
    }
    sortPairs(np);
    double ospa = 0;
    int m = 0;
    for (int x = 0; x < np; x++) {
      int p = pairOrder[x];
      int t = pairT[p];
      int g = pairG[p];
      if (trackUsed[t] || truthUsed[g]) {
        continue;
      }
      trackUsed[t] = true;
      truthUsed[g] = true;
      m++;
      ospa += Math.min(pairD[p], OSPA_CUTOFF_M);
      sqErr += pairD[p] * pairD[p];
      matched++;
      int truthId = truth.id[visible[g]];
      int last = lastTrackOfTruth.put(truthId, f.trackId[t]);
      if (last != LongIntMap.ABSENT && last != f.trackId[t]) {
        idSwitches++;
      }
    }
    gtTotal += nv;
    misses += nv - m;
    falsePositives += f.count - m;
    int n = Math.max(f.count, nv);
    if (n > 0) {
      ospa += OSPA_CUTOFF_M * (n - m);
      ospaSum += ospa / n;
      ospaCount++;
    }
  }

  private void growPairs() {
    int len = 2 * pairD.length;
    pairD = Arrays.copyOf(pairD, len);
    pairT = Arrays.copyOf(pairT, len);
    pairG = Arrays.copyOf(pairG, len);
    pairOrder = Arrays.copyOf(pairOrder, len);
  }

  /** Orders pairOrder[0, n) by (distance, track, truth): a total order, so the greedy matching is unique. */
  private void sortPairs(int n) {
    // Heapsort: no allocation, O(n log n) for scenes where many tracks crowd the gate.
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftPairs(i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      int v = pairOrder[0];
      pairOrder[0] = pairOrder[end];
      pairOrder[end] = v;
      siftPairs(0, end);
    }
  }

  private void siftPairs(int i, int n) {
    int v = pairOrder[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && pairBefore(pairOrder[c], pairOrder[c + 1])) {
        c++;
      }
      if (!pairBefore(v, pairOrder[c])) {
        break;
      }
      pairOrder[i] = pairOrder[c];
      i = c;
    }
    pairOrder[i] = v;
  }

  private boolean pairBefore(int p, int q) {
    if (pairD[p] != pairD[q]) {
      return pairD[p] < pairD[q];
    }
    if (pairT[p] != pairT[q]) {
      return pairT[p] < pairT[q];
    }
    return pairG[p] < pairG[q];
  }

  List<MetricValue> results(double duration, double warmup, long frames, long bytes, int rsuCount) {
    List<MetricValue> out = new ArrayList<>();
    String onsetRule = "from the hazard becoming relevant to its ego (ground truth: their boxes at constant velocity"
        + " would touch within the ego's AASHTO stopping-sight time, 2.5 s + v / (2 * 3.41 m/s^2))";
    out.add(new MetricValue("hazards", "1", "road users scripted against the traffic (any kind) that became"
        + " relevant to their ego after warm-up: their boxes at constant velocity would touch within 2.5 s +"
        + " v / (2 * 3.41 m/s^2) (AASHTO stopping sight distance at the ego's speed v)", countRelevant()));
    out.add(new MetricValue("hazardToAwareness", "s", "mean time " + onsetRule + " to the ego's world model"
        + " holding an object within 2.5 m of it; negative if it already held it, without a break, before",
        mean(aware)));
    out.add(new MetricValue("hazardToBrake", "s", "mean time " + onsetRule + " to the ego first braking for an"
        + " object within 3 m of it; negative if it braked before", mean(brake)));
    out.add(new MetricValue("hazardsNeverBraked", "1", "relevant hazards the ego never braked for",
        countNeverBraked()));
    out.add(new MetricValue("minTtcEgoTrue", "s", "smallest time to collision of automated vehicles with any road"
        + " user, from ground truth: oriented boxes at constant velocity, as the collision detector, within "
        + TTC_HORIZON_S + " s; NaN if none was ever on a collision course",
        Double.isInfinite(minTtcTrue) ? Double.NaN : minTtcTrue));
    out.add(new MetricValue("minTtcEgoPerceived", "s", "the same against the automated vehicles' world models:"
        + " perceived position and velocity, size and heading of the road user within 2.5 m (else a 0.5 m square);"
        + " NaN if none", Double.isInfinite(minTtcPerceived) ? Double.NaN : minTtcPerceived));
    out.add(new MetricValue("phantomBraking", "1", "braking episodes (as hazardBrakingEpisodes) that began for an"
        + " object with no road user within " + PHANTOM_M + " m",
        phantomEpisodes));
    out.add(new MetricValue("hazardBrakingEpisodes", "1", "episodes of braking for a perceived object (braking"
        + " that resumes within " + EPISODE_GAP_MS / 1000.0 + " s continues its episode)",
        brakeEpisodes));
    out.add(new MetricValue("aoiMean", "s", "mean age of received objects at decision time (decision time minus"
        + " the measurement time the frame carries)", received.mean()));
    out.add(new MetricValue("aoiP95", "s", "95th percentile age of received objects at decision time, over all"
        + " samples (log-linear histogram, within 6.25%)",
        received.percentile(0.95)));
    out.add(new MetricValue("aoiSensingFusion", "s", "part of the age from measurement to frame generation, as"
        + " the frame timestamps them: RSU sensor latency, fusion cycle and generation rules together (the"
        + " pipeline does not timestamp the fusion input, so they are not split)",
        received.meanSensingFusion()));
    out.add(new MetricValue("aoiChannel", "s", "part of the age from frame generation to delivery (simulated"
        + " channel)", received.meanChannel()));
    out.add(new MetricValue("aoiWaiting", "s", "part of the age from delivery to decision",
        received.meanWaiting()));
    out.add(new MetricValue("e2eOverBudgetLowerAutomation", "1", "share of received objects whose end-to-end"
        + " transfer (delivery minus frame generation) exceeded "
        + Math.round(LatencyBudget.SENSOR_SHARING_LOWER_AUTOMATION.seconds * 1000) + " ms, the budget of "
        + LatencyBudget.SENSOR_SHARING_LOWER_AUTOMATION.useCase,
        received.overBudget(LatencyBudget.SENSOR_SHARING_LOWER_AUTOMATION)));
    out.add(new MetricValue("e2eOverBudgetHigherAutomation", "1", "share of received objects whose end-to-end"
        + " transfer (delivery minus frame generation) exceeded "
        + Math.round(LatencyBudget.SENSOR_SHARING_HIGHER_AUTOMATION.seconds * 1000) + " ms, the budget of "
        + LatencyBudget.SENSOR_SHARING_HIGHER_AUTOMATION.useCase,
        received.overBudget(LatencyBudget.SENSOR_SHARING_HIGHER_AUTOMATION)));
    out.add(new MetricValue("onboardAge", "s", "mean age of onboard tracks at decision time",
        onboardAgeCount == 0 ? Double.NaN : onboardAgeSum / onboardAgeCount));
    out.add(new MetricValue("awarenessRatio", "1",
        "every 0.5 s, share of road users within 50 m of an agent that its world model holds (within 2.5 m)",
        awarenessCount == 0 ? Double.NaN : awarenessSum / awarenessCount));
    out.add(new MetricValue("awarenessOnboard", "1", "the same, held by an onboard track; NaN in arms without"
        + " onboard sensors", awarenessCount == 0 || !hasOnboard ? Double.NaN : awarenessOnboardSum / awarenessCount));
    out.add(new MetricValue("awarenessRsu", "1", "the same, held by an object received from an RSU; NaN in arms"
        + " that do not use RSU frames",
        awarenessCount == 0 || !usesRsu ? Double.NaN : awarenessRsuSum / awarenessCount));
    out.add(new MetricValue("framesPerSecondPerRsu", "1/s", "perception frames each RSU broadcast per second,"
        + " over the whole run", rsuCount == 0 ? Double.NaN : frames / duration / rsuCount));
    out.add(new MetricValue("bytesPerSecondPerRsu", "B/s", "encoded frame bytes each RSU broadcast per second,"
        + " over the whole run", rsuCount == 0 ? Double.NaN : bytes / duration / rsuCount));
    out.add(new MetricValue("trackMota", "1", "multi-object tracking accuracy of RSU fusion",
        gtTotal == 0 ? Double.NaN : 1.0 - (double) (misses + falsePositives + idSwitches) / gtTotal));
    out.add(new MetricValue("trackOspa", "m", "mean OSPA distance of RSU tracks to visible road users (c = 5 m)",
        ospaCount == 0 ? Double.NaN : ospaSum / ospaCount));
    out.add(new MetricValue("trackRmse", "m", "position RMS error of matched RSU tracks",
        matched == 0 ? Double.NaN : Math.sqrt(sqErr / matched)));
    return out;
  }

  private boolean counted(int h) {
    return !Double.isNaN(onset[h]) && !beforeWarmup[h];
  }

  private int countRelevant() {
    int n = 0;
    for (int h = 0; h < onset.length; h++) {
      n += counted(h) ? 1 : 0;
    }
    return n;
  }

  private int countNeverBraked() {
    int n = 0;
    for (int h = 0; h < onset.length; h++) {
      if (counted(h) && Double.isNaN(brake[h])) {
        n++;
      }
    }
    return n;
  }

  private static double mean(double[] xs) {
    double s = 0;
    int n = 0;
    for (double x : xs) {
      if (!Double.isNaN(x)) {
        s += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
