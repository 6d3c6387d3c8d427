package io.v2xsim.core.engine;

import io.v2xsim.core.demand.Departure;
import io.v2xsim.core.metrics.ApproachQueue;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.TripRecord;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.signal.SignalColor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-trip and per-run traffic measurements. Trip state lives in arrays sized by the run's departures, known
 * up front, so measuring allocates nothing during the run.
 */
final class Measurements {
  /** Below this speed a vehicle counts as halted (as in SUMO's waiting time). */
  static final double HALT_SPEED = 0.1;

  private final Engine engine;
  private final List<Departure> departures;
  private final double[] departTime;
  private final double[] arrivalTime;
  private final double[] distance;
  private final double[] waiting;
  private final int[] stops;
  private final double warmup;
  private long vehicleUpdates;
  private final HardBraking hardBraking;
  private int redLightViolations;
  private int laneChanges;
  private int reroutes;
  // queues: per road ending at a junction
  private final Road[] approaches;
  private final int[] approachOfRoad;
  private final long[] queueSum;
  private final int[] queueMax;
  private final int[] queueNow;
  private long queueSamples;
  private final long ticksPerSample;

  Measurements(Engine engine, List<Departure> departures) {
    this.engine = engine;
    this.departures = departures;
    int n = departures.size();
    departTime = new double[n];
    arrivalTime = new double[n];
    Arrays.fill(departTime, Double.NaN);
    Arrays.fill(arrivalTime, Double.NaN);
    distance = new double[n];
    waiting = new double[n];
    stops = new int[n];
    hardBraking = new HardBraking(n);
    warmup = engine.model().warmup();
    List<Road> roads = engine.network().roads();
    approachOfRoad = new int[roads.size()];
    List<Road> ap = new ArrayList<>();
    for (Road r : roads) {
      if (r.to().kind() != JunctionKind.BOUNDARY) {
        approachOfRoad[r.index()] = ap.size();
        ap.add(r);
      } else {
        approachOfRoad[r.index()] = -1;
      }
    }
    approaches = ap.toArray(new Road[0]);
    queueSum = new long[approaches.length];
    queueMax = new int[approaches.length];
    queueNow = new int[approaches.length];
    ticksPerSample = Math.max(1, Math.round(1.0 / engine.dt()));
  }

  void departed(Vehicle v, double time) {
    departTime[v.trip] = time;
  }

  void arrived(Vehicle v, double time) {
    arrivalTime[v.trip] = time;
  }

  void addDistance(Vehicle v, double s) {
    distance[v.trip] += s;
  }

  void enteredConnector(Vehicle v, Connector c, byte state) {
    // Entering on red, or on stop-then-go without having halted at the line, is a violation. (The metric's
    // description stays "on red": stop-then-go is a red with leave to turn after a halt, and the text is part
    // of every summary.json, whose digest GoldenDigestTest pins.)
    if ((state == SignalColor.RED || (state == SignalColor.STOP && !v.stoppedAtLine))
        && engine.isSignalized(c.junction())) {
      redLightViolations++;
    }
  }

  void laneChanged() {
    laneChanges++;
  }

  void rerouted() {
    reroutes++;
  }

  long vehicleUpdates() {
    return vehicleUpdates;
  }

  /** Per-vehicle bookkeeping after the move of a tick that ends at {@code time}. */
  void afterMove(double time) {
    double dt = engine.dt();
    boolean sample = time > warmup && engine.tick % ticksPerSample == 0;
    if (sample) {
      Arrays.fill(queueNow, 0);
    }
    for (int i = 0; i < engine.activeCount; i++) {
      Vehicle v = engine.active[i];
      vehicleUpdates++;
      boolean halted = v.speed < HALT_SPEED;
      if (halted) {
        waiting[v.trip] += dt;
        if (!v.halted) {
          stops[v.trip]++;
        }
        if (sample && v.link instanceof Lane lane) {
          int a = approachOfRoad[lane.road().index()];
          if (a >= 0) {
            queueNow[a]++;
          }
        }
      }
      v.halted = halted;
      hardBraking.observe(v.trip, v.speed, dt, time > warmup);
    }
    if (sample) {
      queueSamples++;
      for (int a = 0; a < approaches.length; a++) {
        queueSum[a] += queueNow[a];
        queueMax[a] = Math.max(queueMax[a], queueNow[a]);
      }
    }
  }

  /** The run's result; trips due before warm-up are left out of trip metrics. */
  RunResult result(Insertion insertion, CollisionDetector collisions) {
    double end = engine.model().duration();
    List<TripRecord> trips = new ArrayList<>();
    double sumTt = 0;
    double sumLoss = 0;
    double sumStops = 0;
    double sumWait = 0;
    double sumDelay = 0;
    double sumCityFlow = 0;
    int completed = 0;
    int inserted = 0;
    int counted = 0;
    int blocked = 0;
    int unfinished = 0;
    int arrivalsAfterWarmup = 0;
    int emergencyTrips = 0;
    double sumEmergency = 0;
    for (Departure d : departures) {
      int i = d.index();
      if (!Double.isNaN(arrivalTime[i]) && arrivalTime[i] > warmup) {
        arrivalsAfterWarmup++;
      }
      if (d.time() < warmup) {
        continue;
      }
      counted++;
      double depart = departTime[i];
      double arrival = arrivalTime[i];
      double ff = freeFlowSeconds(d);
      double tt = arrival - depart;
      trips.add(new TripRecord(d.id(), d.type().name(), d.route().get(0).id(), d.route().get(d.route().size() - 1).id(),
          d.time(), depart, arrival, distance[i], tt, ff, tt - ff, stops[i], waiting[i]));
      sumCityFlow += (Double.isNaN(arrival) ? end : arrival) - d.time();
      if (d.type().vehicleClass() == io.v2xsim.core.traffic.VehicleClass.EMERGENCY) {
        emergencyTrips++;
        sumEmergency += (Double.isNaN(arrival) ? end : arrival) - d.time();
      }
      if (!Double.isNaN(depart)) {
        inserted++;
        sumDelay += depart - d.time();
        if (depart - d.time() > 1.0) {
          blocked++;
        }
      } else {
        blocked++;
      }
      if (!Double.isNaN(arrival)) {
        completed++;
        sumTt += tt;
        sumLoss += tt - ff;
        sumStops += stops[i];
        sumWait += waiting[i];
      } else if (!Double.isNaN(depart)) {
        unfinished++;
      }
    }
    double measured = Math.max(1e-9, end - warmup);
    double meanQueueAll = 0;
    int maxQueueAll = 0;
    List<ApproachQueue> queues = new ArrayList<>();
    for (int a = 0; a < approaches.length; a++) {
      double mean = queueSamples == 0 ? 0 : (double) queueSum[a] / queueSamples;
      meanQueueAll += mean;
      maxQueueAll = Math.max(maxQueueAll, queueMax[a]);
      Junction j = approaches[a].to();
      queues.add(new ApproachQueue(j.id(), approaches[a].id(), mean, queueMax[a]));
    }
    meanQueueAll = approaches.length == 0 ? 0 : meanQueueAll / approaches.length;
    List<MetricValue> m = new ArrayList<>();
    m.add(new MetricValue("vehiclesDue", "veh", "vehicles demand scheduled to depart after warm-up", counted));
    m.add(new MetricValue("tripsCompleted", "veh", "of those, trips that reached the end of their route", completed));
    m.add(new MetricValue("avgTravelTime", "s",
        "mean of arrival minus actual departure over completed trips (SUMO tripinfo 'duration')",
        completed == 0 ? Double.NaN : sumTt / completed));
    m.add(new MetricValue("avgTravelTimeCityFlow", "s",
        "mean over all vehicles due of (arrival, or end of run if unfinished) minus scheduled departure,"
            + " as CityFlow's average travel time", counted == 0 ? Double.NaN : sumCityFlow / counted));
    if (emergencyTrips > 0) {
      // From the call (scheduled departure) to arrival: an emergency vehicle held at the entry is late too.
      m.add(new MetricValue("emergencyTravelTime", "s",
          "mean over emergency vehicles due of (arrival, or end of run if unfinished) minus scheduled departure",
          sumEmergency / emergencyTrips));
    }
    m.add(new MetricValue("avgTimeLoss", "s", "mean travel time minus free-flow time over completed trips",
        completed == 0 ? Double.NaN : sumLoss / completed));
    m.add(new MetricValue("avgWaitingTime", "s", "mean seconds below 0.1 m/s over completed trips",
        completed == 0 ? Double.NaN : sumWait / completed));
    m.add(new MetricValue("avgStops", "1", "mean number of halts over completed trips",
        completed == 0 ? Double.NaN : sumStops / completed));
    m.add(new MetricValue("avgDepartDelay", "s", "mean wait for a safe gap to enter, over inserted vehicles",
        inserted == 0 ? Double.NaN : sumDelay / inserted));
    m.add(new MetricValue("throughput", "veh/h", "arrivals per hour after warm-up", arrivalsAfterWarmup * 3600.0 / measured));
    m.add(new MetricValue("meanQueue", "veh", "mean halted vehicles per junction approach, sampled each second",
        meanQueueAll));
    m.add(new MetricValue("maxQueue", "veh", "largest halted queue seen on any approach", maxQueueAll));
    m.add(new MetricValue("blockedDepartures", "veh",
        "vehicles that waited over 1 s for a safe gap to enter, or never entered", blocked));
    m.add(new MetricValue("unfinishedTrips", "veh", "vehicles still on the road at the end", unfinished));
    m.add(new MetricValue("collisions", "1", "pairs of road users whose oriented boxes overlapped",
        collisions.records().size()));
    long withPedestrians = collisions.records().stream().filter(c -> c.type().contains("pedestrian")).count();
    long withCyclists = collisions.records().stream().filter(c -> c.type().contains("cyclist")).count();
    long withObstacles = collisions.records().stream().filter(c -> c.type().contains("obstacle")).count();
    m.add(new MetricValue("collisionsVehicle", "1", "collisions between two vehicles",
        collisions.records().size() - withPedestrians - withCyclists - withObstacles));
    m.add(new MetricValue("collisionsObstacle", "1", "collisions with a vehicle standing in a lane", withObstacles));
    m.add(new MetricValue("collisionsPedestrian", "1", "collisions involving a pedestrian", withPedestrians));
    m.add(new MetricValue("collisionsCyclist", "1", "collisions involving a cyclist", withCyclists));
    m.add(new MetricValue("hardBrakingEvents", "1", "episodes, starting after warm-up, in which a vehicle moving"
        + " at 5 km/h or more had a realised deceleration (speed change over a tick) beyond 0.4 g = 3.92 m/s^2;"
        + " an episode ends when the deceleration falls back below that", hardBraking.episodes()));
    m.add(new MetricValue("redLightViolations", "1", "vehicles that entered a junction on red", redLightViolations));
    m.add(new MetricValue("laneChanges", "1", "lane changes made", laneChanges));
    m.add(new MetricValue("reroutes", "1", "vehicles that took another way after being stuck in a lane", reroutes));
    m.add(new MetricValue("vehicleUpdates", "1", "vehicle-steps simulated (work done, for throughput figures)",
        vehicleUpdates));
    return new RunResult(engine.seed(), end, m, trips, collisions.records(), queues);
  }

  /** Free-flow time of a route: each road and connector at the lower of its limit and the vehicle's maximum. */
  private static double freeFlowSeconds(Departure d) {
    double t = 0;
    List<Road> route = d.route();
    double vmax = d.type().maxSpeed();
    for (int k = 0; k < route.size(); k++) {
      Road r = route.get(k);
      t += r.length() / Math.min(r.speedLimit(), vmax);
      if (k + 1 < route.size()) {
        Connector c = connector(r, route.get(k + 1));
        if (c != null) {
          t += c.length() / Math.min(c.speedLimit(), vmax);
        }
      }
    }
    return t;
  }

  private static Connector connector(Road from, Road to) {
    for (Lane l : from.lanes()) {
      Connector c = l.connectorTo(to);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

}
