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

  private record Pending(double time, int order, String id, CrossingFlow flow) {}

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
        arrivals.add(new Pending(t, arrivals.size(), f.id() + "." + n++, f));
      }
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
      start(p.id(), p.flow().kind(), p.flow().path(), p.flow().speed());
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
      a.s += a.speed * dt;
      if (a.speed > 0 && a.s >= a.path.length()) {
        pool.add(a);
        continue;
      }
      if (a.speed > 0) {
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
