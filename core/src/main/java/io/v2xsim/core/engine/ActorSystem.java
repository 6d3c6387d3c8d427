package io.v2xsim.core.engine;

import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.actors.CrossingFlow;
import io.v2xsim.core.random.RandomStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pedestrians and cyclists: scripted ones wait for their start time or trigger, crossing flows arrive at
 * random (drawn up front from the {@code pedestrians} stream, so every arm of a seed has the same ones).
 * Actors follow their paths at constant speed, or with the pauses and speed changes of their script, and leave
 * at the end.
 */
final class ActorSystem {
  /** Actor object ids start here; vehicles use their trip index below it. */
  static final int ID_BASE = 1_000_000;

  private record Pending(double time, int order, String id, CrossingFlow flow, io.v2xsim.core.geometry.Polyline path) {}

  /**
   * People of a crossing flow walk in {@link #FILES} files across a crossing {@link #FILE_SPACING} m apart, not all
   * on one line: stacked on one spot they hid one another from every driver, and a driver who sees nobody there
   * does not stop.
   */
  private static final int FILES = 5;
  private static final double FILE_SPACING = 0.5;

  private final Engine engine;
  private final List<ActorScript> scripts;
  private final boolean[] scriptStarted;
  private final List<Pending> arrivals = new ArrayList<>();
  private int nextArrival;
  private int nextId;
  Actor[] active = new Actor[8];
  int activeCount;
  private final List<Actor> pool = new ArrayList<>();

  ActorSystem(Engine engine, List<ActorScript> scripts, List<CrossingFlow> flows, RandomStream rng,
      double duration, io.v2xsim.core.actors.StaticScene scene) {
    this.engine = engine;
    // Vehicles standing in a lane never move: they are actors with speed 0 for their whole life.
    for (io.v2xsim.core.actors.StaticScene.Parked p : scene.parked()) {
      if (p.inLane()) {
        Actor a = new Actor();
        a.id = p.id();
        a.kind = null;
        a.path = io.v2xsim.core.geometry.Polyline.of(p.x(), p.y(), p.x() + Math.cos(p.heading()),
            p.y() + Math.sin(p.heading()));
        a.speed = 0;
        a.s = 0;
        a.bodyId = ID_BASE + nextId++;
        a.objectClass = io.v2xsim.core.sensing.ObjectClass.CAR;
        a.length = p.length();
        a.width = p.width();
        place(a);
        add(a);
      }
    }
    this.scripts = scripts;
    this.scriptStarted = new boolean[scripts.size()];
    for (CrossingFlow f : flows) {
      double mean = 3600.0 / f.ratePerHour();
      double end = Math.min(f.end(), duration);
      int n = 0;
      for (double t = f.begin() + rng.nextExponential(mean); t < end; t += rng.nextExponential(mean)) {
        arrivals.add(new Pending(t, arrivals.size(), f.id() + "." + n++, f, null));
      }
    }
    // Files drawn after every arrival time, so adding them left the arrival times of a seed as they were.
    java.util.Map<CrossingFlow, io.v2xsim.core.geometry.Polyline[]> files = new java.util.IdentityHashMap<>();
    for (int i = 0; i < arrivals.size(); i++) {
      Pending p = arrivals.get(i);
      io.v2xsim.core.geometry.Polyline[] paths = files.computeIfAbsent(p.flow(), f -> {
        io.v2xsim.core.geometry.Polyline[] out = new io.v2xsim.core.geometry.Polyline[FILES];
        for (int k = 0; k < FILES; k++) {
          double offset = (k - (FILES - 1) / 2.0) * FILE_SPACING;
          out[k] = offset == 0 ? f.path() : f.path().offsetRight(offset);
        }
        return out;
      });
      arrivals.set(i, new Pending(p.time(), p.order(), p.id(), p.flow(), paths[rng.nextInt(FILES)]));
    }
    arrivals.sort(Comparator.comparingDouble(Pending::time).thenComparingInt(Pending::order));
  }

  void step(double time, double dt) {
    for (int i = 0; i < scripts.size(); i++) {
      if (!scriptStarted[i] && shouldStart(scripts.get(i), time)) {
        scriptStarted[i] = true;
        ActorScript s = scripts.get(i);
        Actor a = start(s.id(), s.kind(), s.path(), s.speed());
        a.length = s.length();
        a.width = s.width();
        if (!s.motion().isConstant()) {
          a.motion = s.motion();
          a.pausedUntil = Double.NEGATIVE_INFINITY;
          a.nextPause = 0;
          a.nextChange = 0;
          a.cruise = s.speed();
        }
      }
    }
    while (nextArrival < arrivals.size() && arrivals.get(nextArrival).time() <= time + 1e-9) {
      Pending p = arrivals.get(nextArrival++);
      Actor a = start(p.id(), p.flow().kind(), p.path(), p.flow().speed());
      a.yieldsToBodies = true;
    }
    int w = 0;
    for (int i = 0; i < activeCount; i++) {
      Actor a = active[i];
      if (a.motion != null) {
        if (scripted(a, time, dt)) {
          pool.add(a);
          continue;
        }
        active[w++] = a;
        continue;
      }
      if (a.yieldsToBodies) {
        a.speed = (vehicleInTheWay(a) || cannotStopFor(a)) && mayWaitHere(a) ? 0 : a.cruise;
      }
      a.s += a.speed * dt;
      if (a.cruise > 0 && a.s >= a.path.length()) {
        pool.add(a);
        continue;
      }
      if (a.speed > 0 || a.yieldsToBodies) {
        place(a);
      }
      active[w++] = a;
    }
    Arrays.fill(active, w, activeCount, null);
    activeCount = w;
  }

  /**
   * Moves an actor with a scripted motion over one step; true when it has reached the end of its path. While it
   * pauses its speed is 0, so sensors, metrics and drivers see it standing.
   */
  private boolean scripted(Actor a, double time, double dt) {
    io.v2xsim.core.actors.Motion m = a.motion;
    if (time + 1e-9 < a.pausedUntil) {
      a.speed = 0;
      return false;
    }
    a.speed = a.cruise;
    double step = a.cruise * dt;
    while (a.nextChange < m.changeAt().length && m.changeAt()[a.nextChange] <= a.s + 1e-9) {
      a.cruise = m.newSpeed()[a.nextChange++];
      a.speed = a.cruise;
      step = a.cruise * dt;
    }
    double target = a.s + step;
    if (a.nextPause < m.pauseAt().length && m.pauseAt()[a.nextPause] <= target + 1e-9) {
      target = Math.max(a.s, m.pauseAt()[a.nextPause]);
      a.pausedUntil = time + dt + m.pauseSeconds()[a.nextPause++];
    }
    a.s = target;
    if (a.s >= a.path.length()) {
      a.motion = null;
      return true;
    }
    place(a);
    return false;
  }

  /**
   * Whether a vehicle's body stands, or will within {@link #LOOK_AHEAD} s at its speed, on the stretch of path the
   * pedestrian walks in that time: people crossing at random step out in front of approaching cars (that is the
   * hazard), but they do not walk into the side of one passing right in front of them, nor into one that has
   * stopped for them. Vehicles are where they were after the last move, as the pedestrian sees them.
   */
  private boolean vehicleInTheWay(Actor a) {
    double reach = a.cruise * LOOK_AHEAD + 0.5 * a.length;
    for (int k = 1; k <= 2; k++) {
      a.path.pose(Math.min(a.s + reach * k / 2, a.path.length()), pose);
      if (bodyNear(pose[0], pose[1], 0.5 * a.width + BODY_CLEARANCE)) {
        return true;
      }
    }
    return false;
  }

  private boolean bodyNear(double px, double py, double clear) {
    for (int i = 0; i < engine.activeCount; i++) {
      Vehicle v = engine.active[i];
      for (double t = 0; t <= LOOK_AHEAD + 1e-9; t += LOOK_AHEAD / 2) {
        double cx = v.x + v.cosHeading * v.speed * t;
        double cy = v.y + v.sinHeading * v.speed * t;
        double dx = px - cx;
        double dy = py - cy;
        double along = Math.abs(dx * v.cosHeading + dy * v.sinHeading);
        double across = Math.abs(-dx * v.sinHeading + dy * v.cosHeading);
        // A car standing still is passed as close as people pass one (no clearance): it has stopped for them.
        double margin = v.speed < 0.1 ? clear - BODY_CLEARANCE : clear;
        if (along <= 0.5 * v.length + margin && across <= 0.5 * v.width + margin) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Gap acceptance at the kerb: whether some vehicle that could no longer stop would be at a point of the crossing
   * ahead while this road user is there. People crossing at random do step out in front of cars, but in front of
   * ones that can still stop: a pedestrian who walks into a car that cannot is a scripted hazard, not traffic.
   * The stopping distance is a driver's, with {@link HumanHazards#REACTION_TIME} s to react and braking at
   * {@link JunctionRules#RED_STOP_DECEL} m/s^2; the crossing is judged up to where the path leaves the carriageway.
   */
  private boolean cannotStopFor(Actor a) {
    double front = a.s + 0.5 * a.length;
    boolean entered = false;
    for (double d = 0; d <= GAP_REACH && front + d <= a.path.length(); d += GAP_STEP) {
      if (!carriagewayAt(a, front + d)) {
        if (entered) {
          return false;
        }
        continue;
      }
      entered = true;
      a.path.pose(front + d, pose);
      if (unstoppableAt(pose[0], pose[1], d / a.cruise, a.width)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a vehicle that could no longer stop for it (a driver's reaction and firm braking) would be at this
   * point within {@link #GAP_MARGIN_S} s of the given time.
   */
  private boolean unstoppableAt(double px, double py, double arrive, double bodyWidth) {
    for (int i = 0; i < engine.activeCount; i++) {
      Vehicle v = engine.active[i];
      if (v.speed < 0.5) {
        continue;
      }
      double dx = px - v.x;
      double dy = py - v.y;
      double along = dx * v.cosHeading + dy * v.sinHeading;
      double across = Math.abs(-dx * v.sinHeading + dy * v.cosHeading);
      if (across > 0.5 * (v.width + bodyWidth) + BODY_CLEARANCE || along < -0.5 * v.length - bodyWidth) {
        continue;
      }
      double ahead = along - 0.5 * v.length;
      double stop = v.speed * HumanHazards.REACTION_TIME + v.speed * v.speed / (2 * JunctionRules.RED_STOP_DECEL);
      if (ahead > stop + GAP_MARGIN_M) {
        continue;
      }
      double frontAt = ahead / v.speed;
      double rearAt = (ahead + v.length + bodyWidth) / v.speed;
      if (frontAt < arrive + GAP_MARGIN_S && rearAt > arrive - GAP_MARGIN_S) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a road user may stand and wait: off the carriageway, or on it where no vehicle that cannot stop is
   * coming (in front of a car that has stopped for it, at the line to the next lane). There it looks again before
   * each lane, as people do who cross in front of a stopped car: the driver in the next lane may not see them.
   */
  private boolean mayWaitHere(Actor a) {
    if (!onCarriageway(a)) {
      return true;
    }
    a.path.pose(a.s, pose);
    return !unstoppableAt(pose[0], pose[1], 0, a.width);
  }

  private boolean carriagewayAt(Actor a, double s) {
    boolean[] road = carriageway.computeIfAbsent(a.path, alongPath);
    int k = (int) (s / ROAD_SAMPLE);
    return road[Math.max(0, Math.min(road.length - 1, k))];
  }

  /** How far along its path a road user at the kerb judges the crossing, m, and in steps of, m. */
  private static final double GAP_REACH = 25;
  private static final double GAP_STEP = 1.0;
  /** Safety margins of the gap a pedestrian accepts: metres beyond a driver's stopping distance, seconds either side. */
  private static final double GAP_MARGIN_M = 2.0;
  private static final double GAP_MARGIN_S = 1.0;

  /** Whether the front of the actor's body is over a lane or a junction connector. */
  private boolean onCarriageway(Actor a) {
    return carriagewayAt(a, a.s + 0.5 * a.length);
  }

  /** For a path, every {@link #ROAD_SAMPLE} metres: whether that point lies within a lane's width of one. */
  private boolean[] carriagewayAlong(io.v2xsim.core.geometry.Polyline path) {
    boolean[] out = new boolean[(int) (path.length() / ROAD_SAMPLE) + 1];
    double[] proj = new double[2];
    for (int k = 0; k < out.length; k++) {
      path.pose(Math.min(k * ROAD_SAMPLE, path.length()), pose);
      for (io.v2xsim.core.network.Link l : engine.network().links()) {
        double half = 0.5 * (l instanceof io.v2xsim.core.network.Lane lane ? lane.road().laneWidth()
            : ((io.v2xsim.core.network.Connector) l).from().road().laneWidth());
        if (!l.shape().nearBox(pose[0], pose[1], half)) {
          continue;
        }
        l.shape().project(pose[0], pose[1], proj);
        if (Math.abs(proj[1]) <= half && proj[0] > 0 && proj[0] < l.shape().length()) {
          out[k] = true;
          break;
        }
      }
    }
    return out;
  }

  private final java.util.IdentityHashMap<io.v2xsim.core.geometry.Polyline, boolean[]> carriageway =
      new java.util.IdentityHashMap<>();
  private static final double ROAD_SAMPLE = 0.25;
  // One function object for the cache, not a new method reference per lookup (per actor per tick).
  private final java.util.function.Function<io.v2xsim.core.geometry.Polyline, boolean[]> alongPath =
      this::carriagewayAlong;

  /** Seconds ahead a crossing pedestrian or cyclist checks for a vehicle in its way. */
  static final double LOOK_AHEAD = 1.0;
  /** Metres kept between such a road user and a vehicle's body. */
  static final double BODY_CLEARANCE = 0.3;

  private boolean shouldStart(ActorScript s, double time) {
    if (!Double.isNaN(s.startTime()) && time >= s.startTime()) {
      return true;
    }
    if (s.triggerTrip() == null) {
      return false;
    }
    return Triggers.reached(engine, s.triggerTrip(), s.triggerX(), s.triggerY(), s.triggerSeconds());
  }

  private Actor start(String id, io.v2xsim.core.actors.ActorKind kind, io.v2xsim.core.geometry.Polyline path,
      double speed) {
    Actor a = pool.isEmpty() ? new Actor() : pool.remove(pool.size() - 1);
    a.motion = null;
    a.yieldsToBodies = false;
    a.cruise = speed;
    a.id = id;
    a.kind = kind;
    a.path = path;
    a.speed = speed;
    a.s = 0;
    a.bodyId = ID_BASE + nextId++;
    a.objectClass = kind.objectClass();
    a.length = kind.length();
    a.width = kind.width();
    place(a);
    add(a);
    return a;
  }

  private void add(Actor a) {
    if (activeCount == active.length) {
      active = Arrays.copyOf(active, activeCount * 2);
    }
    active[activeCount++] = a;
  }

  private final double[] pose = new double[3];

  private void place(Actor a) {
    a.path.pose(a.s, pose);
    a.x = pose[0];
    a.y = pose[1];
    a.setHeading(pose[2]);
  }
}
