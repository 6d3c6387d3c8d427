package io.v2xsim.core.engine;

import io.v2xsim.core.demand.Departure;
import io.v2xsim.core.detect.Detectors;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.random.RandomStream;
import io.v2xsim.core.signal.MovementQueues;
import io.v2xsim.core.signal.SignalController;
import io.v2xsim.core.signal.SignalControllers;
import io.v2xsim.core.signal.SignalInputs;
import io.v2xsim.core.signal.SignalPlan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * The discrete-time world of one run: the tick of ARCHITECTURE.md (signals, sensing, fusion, transport,
 * decision, dynamics, measurement) over a road network. Not thread-safe; one engine per run.
 *
 * <p>Vehicles are pooled and per-link occupancy lives in arrays indexed by link, so a tick in steady state
 * allocates nothing. All vehicles decide from the same snapshot and then move at once.
 */
public final class Engine {
  private final TrafficModel model;
  private final RoadNetwork network;
  private final double dt;
  private final long seed;
  final LinkOccupancy[] occupancy;
  private final SignalController[] controllers;
  final byte[][] signalStates;
  private final List<Departure> departures;
  private final EnumMap<TickStage.Stage, List<TickStage>> stages = new EnumMap<>(TickStage.Stage.class);
  private final RandomStream driverRng;
  private final DriverModel driver;
  private final HumanHazards humanHazards;
  private final Measurements measurements;
  private final CollisionDetector collisions;
  private final Insertion insertion;
  private final ActorSystem actors;
  private final io.v2xsim.core.metrics.safety.SafetyMonitor safety;
  private boolean measureSafety = true;
  private final io.v2xsim.core.sensing.GroundTruth truth = new io.v2xsim.core.sensing.GroundTruth();
  private long truthVersion = -1;
  /**
   * Counts changes of the world's state within a run: the snapshot is rebuilt when it has changed. The state after
   * a tick's move is the state the next tick's sensing sees, so metrics (after the move) and sensors (at the start
   * of the next tick) share one snapshot, whichever entry point runs the engine.
   */
  private long stateVersion;
  private final EgoState egoState = new EgoState();
  private ControllerFactory controllerFactory;
  private final Detectors detectors;
  private final SignalInputs signalInputs;

  Vehicle[] active = new Vehicle[64];
  int activeCount;
  private final ArrayList<Vehicle> pool = new ArrayList<>();
  private final double[] poseScratch = new double[3];
  long tick;

  public Engine(TrafficModel model, long seed) {
    this.model = model;
    this.network = model.network();
    this.dt = model.dt();
    this.seed = seed;
    List<Link> links = network.links();
    occupancy = new LinkOccupancy[links.size()];
    for (int i = 0; i < occupancy.length; i++) {
      occupancy[i] = new LinkOccupancy();
    }
    controllers = new SignalController[network.junctions().size()];
    signalStates = new byte[network.junctions().size()][];
    for (Junction j : network.junctions()) {
      signalStates[j.index()] = new byte[j.movements().size()];
    }
    if (model.detectors() != null) {
      detectors = new Detectors(network, model.detectors(), seed);
      signalInputs = new SignalInputs(detectors, MovementQueues.fromDetectors(network, detectors));
    } else {
      detectors = null;
      signalInputs = new SignalInputs(null, null);
    }
    for (int i = 0; i < model.signalPlans().size(); i++) {
      SignalPlan p = model.signalPlans().get(i);
      controllers[p.junction()] = SignalControllers.create(p, model.signalControl().get(i),
          network.junctions().get(p.junction()), signalInputs);
    }
    departures = model.demand().departures(network, RandomStream.derive(seed, "demand"), model.duration());
    driverRng = RandomStream.derive(seed, "drivers");
    for (TickStage.Stage s : TickStage.Stage.values()) {
      stages.put(s, new ArrayList<>());
    }
    driver = new DriverModel(this);
    humanHazards = new HumanHazards(this);
    measurements = new Measurements(this, departures);
    collisions = new CollisionDetector(this);
    insertion = new Insertion(this, departures);
    actors = new ActorSystem(this, model.actors(), model.crossings(), RandomStream.derive(seed, "pedestrians"),
        model.duration(), model.scene());
    safety = new io.v2xsim.core.metrics.safety.SafetyMonitor(
        io.v2xsim.core.metrics.safety.SafetyConfig.defaults().withWarmup(model.warmup()), this::objectName);
  }

  /**
   * Puts agents in charge of vehicles: called for every departing vehicle with its id and type; a non-null
   * controller decides that vehicle's acceleration from then on.
   */
  public void setControllerFactory(ControllerFactory factory) {
    this.controllerFactory = factory;
  }

  /**
   * Every road user's true state now (vehicles by trip index, pedestrians and cyclists from 1,000,000): in the
   * sensing stage, the state the previous tick's move left, which is also what that tick's metrics measured. For
   * sensor models and metrics only; never hand it to an agent or a controller.
   */
  public io.v2xsim.core.sensing.GroundTruth groundTruth() {
    if (truthVersion != stateVersion) {
      truth.clear();
      for (int i = 0; i < activeCount; i++) {
        Vehicle v = active[i];
        int k = truth.add(v.bodyId, v.objectClass, v.x, v.y, v.speed * v.cosHeading, v.speed * v.sinHeading,
            v.heading, v.length, v.width);
        // Vehicles cross each other's paths only inside junctions (or while their rear still is in one);
        // pedestrians and cyclists may cross anywhere, so vehicles near them count too.
        truth.crossingArea[k] = v.link instanceof io.v2xsim.core.network.Connector
            || v.pos < v.length + 1.0 || nearActor(v);
      }
      for (int i = 0; i < actors.activeCount; i++) {
        Actor a = actors.active[i];
        truth.add(a.bodyId, a.objectClass, a.x, a.y, a.speed * a.cosHeading, a.speed * a.sinHeading, a.heading,
            a.length, a.width);
      }
      truthVersion = stateVersion;
    }
    return truth;
  }

  private boolean nearActor(Vehicle v) {
    for (int i = 0; i < actors.activeCount; i++) {
      Actor a = actors.active[i];
      double dx = a.x - v.x;
      double dy = a.y - v.y;
      if (dx * dx + dy * dy < 50.0 * 50.0) {
        return true;
      }
    }
    return false;
  }

  /** Display id of a ground-truth object id (trip id or actor id), for reports. */
  public String objectName(int objectId) {
    if (objectId < ActorSystem.ID_BASE) {
      return departures.get(objectId).id();
    }
    for (int i = 0; i < actors.activeCount; i++) {
      if (actors.active[i].bodyId == objectId) {
        return actors.active[i].id;
      }
    }
    return "actor#" + (objectId - ActorSystem.ID_BASE);
  }

  ActorSystem actors() {
    return actors;
  }

  private io.v2xsim.core.sensing.Occluders occluders;
  private long occludersVersion = -1;

  /**
   * What blocks sight this tick: the scene's buildings and parked vehicles, and every road user of
   * {@link #groundTruth()}. For sensor models.
   */
  public io.v2xsim.core.sensing.Occluders occluders() {
    if (occluders == null) {
      occluders = new io.v2xsim.core.sensing.Occluders();
      for (var b : model.scene().buildings()) {
        occluders.addPolygon(b.xs(), b.ys());
      }
      for (var p : model.scene().parked()) {
        if (!p.inLane()) { // one standing in a lane is a road user: it occludes as such, not as scenery
          occluders.addBox(p.x(), p.y(), p.heading(), p.length(), p.width());
        }
      }
    }
    if (occludersVersion != stateVersion) {
      occluders.update(groundTruth());
      occludersVersion = stateVersion;
    }
    return occluders;
  }

  /**
   * Switches the surrogate-safety measurement (TTC, PET, DRAC from ground truth) on or off; on by default.
   * Off only for timing the traffic model alone: it then reports no conflicts.
   */
  public void measureSafety(boolean on) {
    this.measureSafety = on;
  }

  /** Adds work to a stage of the tick; it runs after the engine's own work for that stage. */
  public void addStage(TickStage.Stage stage, TickStage work) {
    stages.get(stage).add(work);
  }

  /** Detector readings of this run, or null when the scenario has no detectors. */
  public Detectors detectors() {
    return detectors;
  }

  /**
   * What this run's controllers read: detectors, queues, priority requests. Replace queues or priority
   * requests here (e.g. with V2X-informed sources) before or during the run.
   */
  public SignalInputs signalInputs() {
    return signalInputs;
  }

  /**
   * Replaces the controller of a signalized junction with one built outside the scenario file (the file's
   * strategies are built by {@link SignalControllers}).
   */
  public void setController(Junction junction, SignalController controller) {
    controllers[junction.index()] = controller;
  }

  public RoadNetwork network() {
    return network;
  }

  public TrafficModel model() {
    return model;
  }

  public long seed() {
    return seed;
  }

  public double dt() {
    return dt;
  }

  public long tick() {
    return tick;
  }

  /** Model time at the start of the current tick, seconds. */
  public double time() {
    return tick * dt;
  }

  /** Vehicles currently on the road. */
  public int vehicleCount() {
    return activeCount;
  }

  /** State of a movement of a junction this tick, see {@link io.v2xsim.core.signal.SignalColor}. */
  public byte signalState(Junction j, int movement) {
    return signalStates[j.index()][movement];
  }

  Measurements measurements() {
    return measurements;
  }

  CollisionDetector collisionDetector() {
    return collisions;
  }

  List<Departure> departures() {
    return departures;
  }

  /** Advances the world by one step. */
  public void step() {
    double time = time();
    for (int j = 0; j < controllers.length; j++) {
      if (controllers[j] != null) {
        controllers[j].update(time, signalStates[j]);
      }
    }
    runStage(TickStage.Stage.SIGNALS);
    runStage(TickStage.Stage.SENSING);
    runStage(TickStage.Stage.FUSION);
    runStage(TickStage.Stage.TRANSPORT);

    actors.step(time, dt);
    insertion.insertDue(time);
    stateVersion++;
    for (int i = 0; i < activeCount; i++) {
      Vehicle v = active[i];
      if (v.controller != null) {
        // An agent's rules run on its own perception; nothing computed from the engine's occupancy reaches it.
        EgoState ego = egoState.bind(this, v);
        v.agentView = v.controller.perceive(ego);
        double rule = driver.acceleration(v, v.agentView);
        double a = v.controller.decide(ego, rule);
        v.accel = Math.max(-v.type.emergencyDecel(), Math.min(v.type.accel(), a));
      } else {
        v.accel = Math.min(driver.acceleration(v, driver.humanView(v)), humanHazards.react(v));
      }
    }
    driver.changeLanes();
    runStage(TickStage.Stage.DECISION);

    move();
    runStage(TickStage.Stage.DYNAMICS);

    for (int i = 0; i < activeCount; i++) {
      updatePose(active[i]);
    }
    stateVersion++;
    if (detectors != null) {
      sense(time + dt);
    }
    measurements.afterMove(time + dt);
    collisions.detect(time + dt);
    if (measureSafety && safety.isDue(time)) {
      safety.observe(groundTruth(), time);
    }
    runStage(TickStage.Stage.MEASUREMENT);
    tick++;
  }

  /** Feeds detectors the vehicles on the lanes that carry them, as they stand at the end of the tick. */
  private void sense(double endTime) {
    detectors.beginTick();
    int[] lanes = detectors.lanes();
    for (int k = 0; k < lanes.length; k++) {
      int li = lanes[k];
      LinkOccupancy o = occupancy[li];
      for (int i = 0; i < o.count; i++) {
        Vehicle v = o.vehicles[i];
        detectors.observe(li, v.pos, v.length, v.speed, v.detLink == li ? v.detPos : Double.NaN);
      }
    }
    detectors.endTick(endTime, dt);
    for (int i = 0; i < activeCount; i++) {
      Vehicle v = active[i];
      v.detLink = v.link.index();
      v.detPos = v.pos;
    }
  }

  /** A vehicle leaves lane {@code li} over its end: loops it jumped over within the step still count it. */
  private void leftLane(Vehicle v, int li) {
    if (detectors != null && v.detLink == li) {
      detectors.passedEnd(li, v.detPos);
    }
  }

  private void runStage(TickStage.Stage s) {
    List<TickStage> list = stages.get(s);
    for (int i = 0; i < list.size(); i++) {
      list.get(i).execute(this);
    }
  }

  /** Ballistic update (Treiber and Kanagaraj 2015): exact for constant acceleration, never reverses. */
  private void move() {
    for (int i = 0; i < activeCount; i++) {
      Vehicle v = active[i];
      double a = v.accel;
      double s;
      if (v.speed + a * dt < 0) {
        s = a < 0 ? -v.speed * v.speed / (2 * a) : 0;
        v.speed = 0;
      } else {
        s = v.speed * dt + 0.5 * a * dt * dt;
        v.speed += a * dt;
      }
      v.pos += s;
      v.travelled += s;
      measurements.addDistance(v, s);
      v.laneChangeCooldown -= dt;
    }
    // Transfer vehicles that passed the end of their link, front first on every link so order is kept.
    for (int li = 0; li < occupancy.length; li++) {
      LinkOccupancy o = occupancy[li];
      while (o.count > 0 && o.vehicles[0].pos >= o.vehicles[0].link.length()) {
        Vehicle v = o.vehicles[0];
        Link next = v.nextLink();
        if (next == null) {
          if (v.onLastRoad()) {
            leftLane(v, li);
            o.remove(v);
            arrive(v);
            continue;
          }
          // Wrong lane at the end of the road: the driver model stops it at the line; numerical overshoot only.
          v.pos = v.link.length() - 1e-6;
          v.speed = 0;
          break;
        }
        double over = v.pos - v.link.length();
        leftLane(v, li);
        o.remove(v);
        if (next instanceof Connector c) {
          measurements.enteredConnector(v, c, signalStates[c.junction().index()][c.movement()]);
          v.forgetYellow(c.index());
          if (v.yellowDecisionFor == c.index()) {
            v.yellowDecisionFor = -1; // a decision taken for a line further on holds until the driver gets there
          }
          v.yellowClearHeld = -1;
          v.yellowSeenFor = -1;
          v.waitingAtLineSinceTick = -1;
          v.stoppedAtLine = false;
        } else {
          v.routeIndex++;
          v.laneChangeCooldown = Math.max(v.laneChangeCooldown, 1.0);
        }
        v.prevLink = v.link;
        v.link = next;
        v.pos = over;
        occupancy[next.index()].insertSorted(v);
      }
      // Vehicles transferred later into this link come with their positions (insertSorted).
      o.syncPositions();
    }
  }

  private void arrive(Vehicle v) {
    measurements.arrived(v, time() + dt);
    if (v.controller != null) {
      v.controller.finished(egoState.bind(this, v));
      v.controller = null;
    }
    for (int i = 0; i < activeCount; i++) {
      if (active[i] == v) {
        // Keep the order of the others: it decides iteration order and so must not depend on removals' timing.
        System.arraycopy(active, i + 1, active, i, activeCount - i - 1);
        activeCount--;
        active[activeCount] = null;
        break;
      }
    }
    v.link = null;
    pool.add(v);
  }

  Vehicle spawn(Departure d, Lane lane, double speed) {
    return spawn(d, lane, speed, 0);
  }

  /** Puts a vehicle on {@code lane} with its front bumper at {@code pos}. */
  Vehicle spawn(Departure d, Lane lane, double speed, double pos) {
    Vehicle v = pool.isEmpty() ? new Vehicle() : pool.remove(pool.size() - 1);
    double factor = 1.0 + d.type().speedDeviation() * driverRng.nextGaussian();
    factor = Math.max(0.8, Math.min(1.2, factor)) * d.type().compliance().speeding();
    v.reset(d.index(), d.type(), factor, d.route());
    v.profile = d.profile();
    v.travelled = 0;
    v.link = lane;
    v.pos = pos;
    v.speed = speed;
    v.halted = speed < Measurements.HALT_SPEED;
    v.laneChangeCooldown = 2.0;
    occupancy[lane.index()].addBack(v);
    if (controllerFactory != null) {
      v.controller = controllerFactory.create(d.index(), d.id(), d.type());
    }
    if (activeCount == active.length) {
      active = java.util.Arrays.copyOf(active, activeCount * 2);
    }
    active[activeCount++] = v;
    updatePose(v);
    return v;
  }

  /** Places the vehicle's middle and heading from its link position ({@link BodyPose}). */
  void updatePose(Vehicle v) {
    BodyPose.place(v.link, v.pos, v.type.length(), v.prevLink, poseScratch);
    v.x = poseScratch[0];
    v.y = poseScratch[1];
    v.setHeading(poseScratch[2]);
  }

  /** Vehicles on a link, front first, for tests and extensions: a copy of ids and positions. */
  public List<double[]> positionsOn(Link link) {
    LinkOccupancy o = occupancy[link.index()];
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < o.count; i++) {
      Vehicle v = o.vehicles[i];
      out.add(new double[] {v.trip, v.pos, v.speed, v.accel});
    }
    return out;
  }

  /** Reroutes a vehicle stuck in a lane that does not lead on, from the first road its lane does lead to. */
  void rerouteFromLane(Vehicle v, Lane lane) {
    if (lane.outgoing().isEmpty()) {
      return;
    }
    Road via = lane.outgoing().get(0).to().road();
    Road dest = v.route.get(v.route.size() - 1);
    List<Road> rest = network.router().route(via, dest);
    List<Road> route = new ArrayList<>(v.route.subList(0, v.routeIndex + 1));
    if (rest != null) {
      route.addAll(rest);
    } else {
      route.add(via);
    }
    v.route = List.copyOf(route);
    measurements.rerouted();
  }

  /** Runs to the end of the scenario, reporting progress about once per simulated second. */
  public void runToEnd(RunListener listener) {
    long ticks = Math.round(model.duration() / dt);
    long perSecond = Math.max(1, Math.round(1.0 / dt));
    long perSample = Math.max(1, Math.round(model.trajectoryInterval() / dt));
    boolean traj = listener.wantsTrajectories();
    while (tick < ticks) {
      step();
      if (traj && tick % perSample == 0) {
        double t = time();
        for (int i = 0; i < activeCount; i++) {
          Vehicle v = active[i];
          listener.trajectory(t, departures.get(v.trip).id(), v.x, v.y, v.speed, v.heading, v.link.id());
        }
        // Pedestrians and cyclists too (on no lane: their path), for the near misses one wants to look at.
        for (int i = 0; i < actors.activeCount; i++) {
          Actor a = actors.active[i];
          if (a.kind != null) {
            listener.trajectory(t, a.id, a.x, a.y, a.speed, a.heading, "path");
          }
        }
      }
      if (tick % perSecond == 0) {
        listener.progress(time());
      }
    }
  }

  /** What the run measured; call after {@link #runToEnd}. */
  public io.v2xsim.core.metrics.RunResult result() {
    io.v2xsim.core.metrics.RunResult r = measurements.result(insertion, collisions);
    java.util.List<io.v2xsim.core.metrics.MetricValue> m = new ArrayList<>(r.metrics());
    m.addAll(safety.metrics());
    return new io.v2xsim.core.metrics.RunResult(r.seed(), r.simulatedSeconds(), m, r.trips(), r.collisions(),
        r.queues(), safety.conflicts());
  }

  /** Number of vehicle-steps done so far: the unit of traffic throughput benchmarks. */
  public long vehicleUpdates() {
    return measurements.vehicleUpdates();
  }

  boolean isSignalized(Junction j) {
    return j.kind() == JunctionKind.SIGNALIZED && controllers[j.index()] != null;
  }
}
