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
 * Actors follow their paths at constant speed and leave at the end.
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
        start(s.id(), s.kind(), s.path(), s.speed());
      }
    }
    while (nextArrival < arrivals.size() && arrivals.get(nextArrival).time() <= time + 1e-9) {
      Pending p = arrivals.get(nextArrival++);
      start(p.id(), p.flow().kind(), p.flow().path(), p.flow().speed());
    }
    int w = 0;
    for (int i = 0; i < activeCount; i++) {
      Actor a = active[i];
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

  private boolean shouldStart(ActorScript s, double time) {
    if (!Double.isNaN(s.startTime()) && time >= s.startTime()) {
      return true;
    }
    if (s.triggerTrip() == null) {
      return false;
    }
    return Triggers.reached(engine, s.triggerTrip(), s.triggerX(), s.triggerY(), s.triggerSeconds());
  }

  private void start(String id, io.v2xsim.core.actors.ActorKind kind, io.v2xsim.core.geometry.Polyline path,
      double speed) {
    Actor a = pool.isEmpty() ? new Actor() : pool.remove(pool.size() - 1);
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
