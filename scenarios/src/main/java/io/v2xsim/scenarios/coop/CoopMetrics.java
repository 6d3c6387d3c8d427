package io.v2xsim.scenarios.coop;

import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.collections.LongIntMap;
import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.experiment.RsuSite;
import io.v2xsim.core.metrics.MetricValue;
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
 * ground truth, so they live here, with the experiment, and never feed back into any decision.
 *
 * <ul>
 *   <li><b>Hazards</b> are the scripted pedestrians and cyclists. A hazard's onset is the first tick it moves
 *       and some sensor of the scene could see it (inside range and field of view, at least
 *       {@link Sensor#MIN_VISIBLE_FRACTION} of its outline in line of sight): RSU sensors (whether or not the arm
 *       runs them, so onset is the same in every arm) and the onboard sensors of the vehicle its trigger names.
 *       Hazard-to-awareness is the time from onset until that vehicle's world model holds an object within
 *       {@link #MATCH_M} of the hazard; hazard-to-brake until it first brakes for one.
 *   <li><b>Phantom braking</b>: an episode of hazard braking that starts for an object with no road user within
 *       {@link #PHANTOM_M} of where the agent believed it was.
 *   <li><b>Age of information</b> of received objects at decision time, split into RSU sensing and fusion
 *       (generation minus measurement), channel (delivery minus generation) and waiting at the vehicle.
 *   <li><b>Awareness ratio</b>: every 0.5 s, the share of road users within {@link #AWARE_RANGE_M} of an agent
 *       that its world model holds.
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
  static final double AOI_BUDGET_S = 0.1;
  static final int AOI_SAMPLES = 200_000;
  /** Centre distance at which the circle-based TTC counts contact: a car's half length plus a margin. */
  static final double TTC_CONTACT_M = 3.0;

  private final Engine engine;
  private final List<ActorScript> hazards;
  private final List<Sensor> rsuSensors = new ArrayList<>();
  private final List<SensorSpec> onboard;
  private final double sensorLatency;
  private final double[] onset;
  private final double[] aware;
  private final double[] brake;
  private final int[] hazardIndex;
  /** Object id of an agent -> 1 while its last decision braked for a hazard. */
  private final LongIntMap brakingNow = new LongIntMap();
  private int phantomEpisodes;
  private int brakeEpisodes;
  // age of information
  private double aoiSum;
  private double aoiSumSensingFusion;
  private double aoiSumChannel;
  private double aoiSumWaiting;
  private long aoiCount;
  private long aoiOverBudget;
  /** The first {@link #AOI_SAMPLES} ages, for the percentile (primitive: a boxed list allocated per sample). */
  private double[] aoiSamples = new double[1024];
  private int aoiSampleCount;
  private double onboardAgeSum;
  private long onboardAgeCount;
  // time to collision of the agents, from ground truth and as they perceived it
  private double minTtcTrue = Double.POSITIVE_INFINITY;
  private double minTtcPerceived = Double.POSITIVE_INFINITY;
  // awareness
  private double awarenessSum;
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
  private int[] visible = new int[64];
  private boolean[] trackUsed = new boolean[64];
  private boolean[] truthUsed = new boolean[64];
  private double[] pairD = new double[64];
  private int[] pairT = new int[64];
  private int[] pairG = new int[64];
  private int[] pairOrder = new int[64];

  CoopMetrics(Engine engine, List<ActorScript> hazards, List<RsuSite> sites, Arm arm) {
    this.engine = engine;
    this.hazards = hazards;
    this.onboard = arm.onboard();
    for (RsuSite site : sites) {
      for (int i = 0; i < site.sensors().size(); i++) {
        SensorSpec spec = site.sensors().get(i);
        Sensor sensor = new Sensor(i, spec);
        sensor.setPose(spec.mountX(), spec.mountY(), spec.heading());
        rsuSensors.add(sensor);
      }
    }
    double latencySum = 0;
    int latencyCount = 0;
    for (Sensor sensor : rsuSensors) {
      latencySum += sensor.spec().latency();
      latencyCount++;
    }
    sensorLatency = latencyCount == 0 ? 0 : latencySum / latencyCount;
    onset = new double[hazards.size()];
    aware = new double[hazards.size()];
    brake = new double[hazards.size()];
    hazardIndex = new int[hazards.size()];
    Arrays.fill(onset, Double.NaN);
    Arrays.fill(aware, Double.NaN);
    Arrays.fill(brake, Double.NaN);
    Arrays.fill(hazardIndex, -1);
  }

  @Override
  public void decided(AutomatedDriver agent, double time, double commanded, double hazard, double objX, double objY,
      byte source) {
    boolean now = hazard > 0;
    boolean was = brakingNow.put(agent.objectId(), now ? 1 : 0) == 1;
    if (!now) {
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
      if (Double.isNaN(onset[h]) || !Double.isNaN(brake[h]) || !isEgoOf(h, agent)) {
        continue;
      }
      int idx = truthIndexOf(h, truth);
      if (idx >= 0 && Math.hypot(truth.x[idx] - objX, truth.y[idx] - objY) < PHANTOM_M) {
        brake[h] = time - onset[h];
      }
    }
  }

  private boolean isEgoOf(int h, AutomatedDriver agent) {
    String trip = hazards.get(h).triggerTrip();
    return trip == null || trip.equals(agent.name());
  }

  /** Ground-truth index of hazard {@code h} this tick, or -1 if it is not on the road. */
  private int truthIndexOf(int h, GroundTruth truth) {
    if (hazardIndex[h] >= 0) {
      int i = truth.indexOf(hazardIndex[h]);
      return i;
    }
    for (int i = 0; i < truth.count; i++) {
      if (truth.id[i] >= 1_000_000 && engine.objectName(truth.id[i]).equals(hazards.get(h).id())) {
        hazardIndex[h] = truth.id[i];
        return i;
      }
    }
    return -1;
  }

  void measure(Agents agents, List<RoadsideUnit> rsus) {
    double now = engine.time();
    GroundTruth truth = engine.groundTruth();
    if (!hazards.isEmpty()) {
      Occluders occ = engine.occluders();
      for (int h = 0; h < hazards.size(); h++) {
        int idx = truthIndexOf(h, truth);
        if (idx < 0) {
          continue;
        }
        AutomatedDriver ego = egoOf(h, agents);
        if (Double.isNaN(onset[h]) && detectable(idx, ego, truth, occ)) {
          onset[h] = now;
        }
        if (!Double.isNaN(onset[h]) && Double.isNaN(aware[h]) && ego != null) {
          WorldModel w = ego.world();
          for (int k = 0; k < w.count; k++) {
            if (Math.hypot(w.x[k] - truth.x[idx], w.y[k] - truth.y[idx]) < MATCH_M) {
              aware[h] = now - onset[h];
              break;
            }
          }
        }
      }
    }
    boolean sampleAwareness = engine.tick() % Math.max(1, Math.round(0.5 / engine.dt())) == 0;
    double vmax2 = 0;
    for (int i = 0; i < truth.count; i++) {
      vmax2 = Math.max(vmax2, truth.vx[i] * truth.vx[i] + truth.vy[i] * truth.vy[i]);
    }
    double vmax = Math.sqrt(vmax2);
    for (int ak = 0; ak < agents.size(); ak++) {
      AutomatedDriver a = agents.get(ak);
      WorldModel w = a.world();
      int me = truth.indexOf(a.objectId());
      if (me >= 0) {
        // Exact pruning: two road users at distance d close at most 2 vmax, so they cannot come within the
        // contact distance sooner than (d - contact) / (2 vmax); only those nearer than the running minimum
        // allows can lower it.
        double reach = TTC_CONTACT_M + 2 * vmax * minTtcTrue;
        if (Double.isFinite(reach)) {
          truth.near(truth.x[me], truth.y[me], reach * (1 + 1e-9) + 1e-6, near);
          for (int q = 0; q < near.count; q++) {
            int i = near.items[q];
            if (i != me) {
              minTtcTrue = Math.min(minTtcTrue, ttc(truth, me, truth.x[i], truth.y[i], truth.vx[i], truth.vy[i]));
            }
          }
        } else {
          for (int i = 0; i < truth.count; i++) {
            if (i != me) {
              minTtcTrue = Math.min(minTtcTrue, ttc(truth, me, truth.x[i], truth.y[i], truth.vx[i], truth.vy[i]));
            }
          }
        }
        for (int k = 0; k < w.count; k++) {
          minTtcPerceived = Math.min(minTtcPerceived, ttc(truth, me, w.x[k], w.y[k], w.vx[k], w.vy[k]));
        }
      }
      for (int k = 0; k < w.count; k++) {
        if (w.source[k] == WorldModel.RSU) {
          double age = w.age[k];
          aoiSum += age;
          aoiSumSensingFusion += w.rsuDelay[k];
          aoiSumChannel += w.channelDelay[k];
          aoiSumWaiting += age - w.rsuDelay[k] - w.channelDelay[k];
          aoiCount++;
          if (age > AOI_BUDGET_S) {
            aoiOverBudget++;
          }
          if (aoiSampleCount < AOI_SAMPLES) {
            if (aoiSampleCount == aoiSamples.length) {
              aoiSamples = Arrays.copyOf(aoiSamples, Math.min(AOI_SAMPLES, 2 * aoiSampleCount));
            }
            aoiSamples[aoiSampleCount++] = age;
          }
        } else {
          onboardAgeSum += w.age[k];
          onboardAgeCount++;
        }
      }
      if (sampleAwareness) {
        int self = truth.indexOf(a.objectId());
        if (self < 0) {
          continue;
        }
        int relevant = 0;
        int known = 0;
        truth.near(truth.x[self], truth.y[self], AWARE_RANGE_M, near);
        for (int q = 0; q < near.count; q++) {
          int i = near.items[q];
          if (i == self || Math.hypot(truth.x[i] - truth.x[self], truth.y[i] - truth.y[self]) > AWARE_RANGE_M) {
            continue;
          }
          relevant++;
          for (int k = 0; k < w.count; k++) {
            if (Math.hypot(w.x[k] - truth.x[i], w.y[k] - truth.y[i]) < MATCH_M) {
              known++;
              break;
            }
          }
        }
        if (relevant > 0) {
          awarenessSum += (double) known / relevant;
          awarenessCount++;
        }
      }
    }
  }

  /**
   * Time until the agent (truth index {@code me}, its own state being known to it) and an object at (x, y) moving
   * at (vx, vy) come within {@link #TTC_CONTACT_M} of each other at constant velocities; infinite if never.
   * Circles rather than boxes: the perceived objects carry no size, and both measures must be comparable.
   */
  private static double ttc(GroundTruth t, int me, double x, double y, double vx, double vy) {
    double rx = x - t.x[me];
    double ry = y - t.y[me];
    double wx = vx - t.vx[me];
    double wy = vy - t.vy[me];
    double a = wx * wx + wy * wy;
    double b = 2 * (rx * wx + ry * wy);
    double c = rx * rx + ry * ry - TTC_CONTACT_M * TTC_CONTACT_M;
    if (c <= 0) {
      return 0;
    }
    if (a < 1e-9 || b >= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double disc = b * b - 4 * a * c;
    return disc < 0 ? Double.POSITIVE_INFINITY : (-b - Math.sqrt(disc)) / (2 * a);
  }

  private AutomatedDriver egoOf(int h, Agents agents) {
    for (int k = 0; k < agents.size(); k++) {
      if (isEgoOf(h, agents.get(k))) {
        return agents.get(k);
      }
    }
    return null;
  }

  private boolean detectable(int idx, AutomatedDriver ego, GroundTruth truth, Occluders occ) {
    for (Sensor s : rsuSensors) {
      if (sees(s.x(), s.y(), s.heading(), s.spec(), idx, -1, truth, occ)) {
        return true;
      }
    }
    if (ego != null) {
      int host = truth.indexOf(ego.objectId());
      if (host >= 0) {
        double c = Math.cos(truth.heading[host]);
        double sn = Math.sin(truth.heading[host]);
        for (SensorSpec spec : onboard) {
          double sx = truth.x[host] + spec.mountX() * c - spec.mountY() * sn;
          double sy = truth.y[host] + spec.mountX() * sn + spec.mountY() * c;
          if (sees(sx, sy, truth.heading[host] + spec.heading(), spec, idx, host, truth, occ)) {
            return true;
          }
        }
      }
    }
    return false;
  }

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
    out.add(new MetricValue("hazards", "1", "scripted pedestrians and cyclists that became detectable",
        Arrays.stream(onset).filter(d -> !Double.isNaN(d)).count()));
    out.add(new MetricValue("hazardToAwareness", "s",
        "mean time from a hazard becoming detectable to the ego's world model holding it", mean(aware)));
    out.add(new MetricValue("hazardToBrake", "s",
        "mean time from a hazard becoming detectable to the ego braking for it", mean(brake)));
    out.add(new MetricValue("hazardsNeverBraked", "1", "detectable hazards the ego never braked for",
        countNeverBraked()));
    out.add(new MetricValue("minTtcEgoTrue", "s",
        "smallest time to collision of automated vehicles with any road user, from ground truth (circles, 3 m)",
        Double.isInfinite(minTtcTrue) ? Double.NaN : minTtcTrue));
    out.add(new MetricValue("minTtcEgoPerceived", "s",
        "the same as the automated vehicles perceived it, from their world models",
        Double.isInfinite(minTtcPerceived) ? Double.NaN : minTtcPerceived));
    out.add(new MetricValue("phantomBraking", "1", "braking episodes for objects that did not exist",
        phantomEpisodes));
    out.add(new MetricValue("hazardBrakingEpisodes", "1", "episodes of braking for a perceived object",
        brakeEpisodes));
    out.add(new MetricValue("aoiMean", "s", "mean age of received objects at decision time",
        aoiCount == 0 ? Double.NaN : aoiSum / aoiCount));
    out.add(new MetricValue("aoiP95", "s", "95th percentile age of received objects at decision time",
        percentile(Arrays.copyOf(aoiSamples, aoiSampleCount), 0.95)));
    double sensingFusion = aoiCount == 0 ? Double.NaN : aoiSumSensingFusion / aoiCount;
    double sensing = aoiCount == 0 ? Double.NaN : Math.min(sensorLatency, sensingFusion);
    out.add(new MetricValue("aoiSensing", "s",
        "part of the age spent in RSU sensor processing (the sensors' configured latency, mean over RSU sensors)",
        sensing));
    out.add(new MetricValue("aoiFusion", "s",
        "part of the age from the sensor output to the frame (fusion cycle and generation rules)",
        aoiCount == 0 ? Double.NaN : sensingFusion - sensing));
    out.add(new MetricValue("aoiEncoding", "s",
        "part of the age spent encoding, in simulated time (instant in the model; wall clock in run-info.json)",
        aoiCount == 0 ? Double.NaN : 0.0));
    out.add(new MetricValue("aoiChannel", "s", "part of the age spent on the radio channel (simulated)",
        aoiCount == 0 ? Double.NaN : aoiSumChannel / aoiCount));
    out.add(new MetricValue("aoiWaiting", "s", "part of the age between delivery and decision",
        aoiCount == 0 ? Double.NaN : aoiSumWaiting / aoiCount));
    out.add(new MetricValue("aoiDecoding", "s",
        "part of the age spent decoding, in simulated time (instant in the model; wall clock in run-info.json)",
        aoiCount == 0 ? Double.NaN : 0.0));
    out.add(new MetricValue("aoiOverBudget", "1",
        "share of received objects older than the 100 ms that V2X requirements set for shared sensor data",
        aoiCount == 0 ? Double.NaN : (double) aoiOverBudget / aoiCount));
    out.add(new MetricValue("onboardAge", "s", "mean age of onboard tracks at decision time",
        onboardAgeCount == 0 ? Double.NaN : onboardAgeSum / onboardAgeCount));
    out.add(new MetricValue("awarenessRatio", "1",
        "share of road users within 50 m of an agent that its world model holds",
        awarenessCount == 0 ? Double.NaN : awarenessSum / awarenessCount));
    out.add(new MetricValue("framesPerSecondPerRsu", "1/s", "perception frames each RSU broadcast per second",
        rsuCount == 0 ? Double.NaN : frames / duration / rsuCount));
    out.add(new MetricValue("bytesPerSecondPerRsu", "B/s", "encoded frame bytes each RSU broadcast per second",
        rsuCount == 0 ? Double.NaN : bytes / duration / rsuCount));
    out.add(new MetricValue("trackMota", "1", "multi-object tracking accuracy of RSU fusion",
        gtTotal == 0 ? Double.NaN : 1.0 - (double) (misses + falsePositives + idSwitches) / gtTotal));
    out.add(new MetricValue("trackOspa", "m", "mean OSPA distance of RSU tracks to visible road users (c = 5 m)",
        ospaCount == 0 ? Double.NaN : ospaSum / ospaCount));
    out.add(new MetricValue("trackRmse", "m", "position RMS error of matched RSU tracks",
        matched == 0 ? Double.NaN : Math.sqrt(sqErr / matched)));
    return out;
  }

  private int countNeverBraked() {
    int n = 0;
    for (int h = 0; h < onset.length; h++) {
      if (!Double.isNaN(onset[h]) && Double.isNaN(brake[h])) {
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

  private static double percentile(double[] a, double q) {
    if (a.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(a);
    return a[(int) Math.min(a.length - 1, Math.floor(q * a.length))];
  }
}
