package io.v2xsim.scenarios.coop;

import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.channel.RadioModel;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.TickStage.Stage;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.experiment.Cooperation;
import io.v2xsim.core.experiment.RsuSite;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.wire.FrameWriter;
import io.v2xsim.roadside.transport.FrameSender;
import io.v2xsim.roadside.transport.RsuBroadcaster;
import io.v2xsim.roadside.unit.RoadsideUnit;
import io.v2xsim.vehicle.agent.AutomatedDriver;
import io.v2xsim.vehicle.transport.FrameReceiver;
import io.v2xsim.wire.v1.PerceptionFrame;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one (scenario, arm, seed): the engine, the roadside units of the scenario (when the arm runs them), the
 * automated vehicles the arm equips, and the real Netty path between them, wired into the stages of the tick.
 *
 * <ol>
 *   <li>SENSING: each RSU sensor and each onboard sensor that is due turns ground truth into detections;
 *   <li>FUSION: RSUs whose cycle is due fuse and, by the generation rules, build a frame;
 *   <li>TRANSPORT: the radio model decides, in simulated time, who receives each frame and when; the frame is
 *       encoded in protobuf wire format ({@link FrameWriter}, no allocation) and written to Netty (in-process or UDP); the tick waits until every transmission
 *       was read or dropped, then hands agents the frames whose delivery time has come;
 *   <li>DECISION: agents decide from their world model (see {@link AutomatedDriver}).
 * </ol>
 * A run is a pure function of its inputs: the wall clock only decides how long it takes.
 */
public final class ArmRun {
  /** An RSU reports signal timing for a signalized junction at most this far from its pole, metres. */
  static final double SPAT_RANGE_M = 60.0;

  static {
    // Netty's leak detector samples one buffer in 128 and records a stack trace for it: the largest steady-state
    // garbage of a cooperative run (about a third of it in the city benchmark). Every buffer on this path is
    // released by construction and the tests run with the detector on (surefire sets the level), so runs keep it
    // off unless asked for with -Dio.netty.leakDetection.level=simple|advanced|paranoid.
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
    }
  }

  private ArmRun() {}

  public static RunResult run(CompiledScenario s, Arm arm, long seed, RunListener listener) {
    return new Wiring(s, arm, seed).run(listener);
  }

  /**
   * The same wiring advanced one tick at a time, for benchmarks that time a single tick of the whole cooperative
   * pipeline. Close it to release the Netty channels and loops.
   */
  public static Stepper open(CompiledScenario s, Arm arm, long seed) {
    return new Stepper(new Wiring(s, arm, seed));
  }

  /** One (scenario, arm, seed) advanced by {@link #step()}; see {@link #open}. */
  public static final class Stepper implements AutoCloseable {
    private final Wiring w;

    private Stepper(Wiring w) {
      this.w = w;
    }

    /** One tick: traffic, sensing, fusion, transport, decisions, measurement. */
    public void step() {
      w.engine.step();
    }

    public Engine engine() {
      return w.engine;
    }

    public int roadsideUnits() {
      return w.rsus.size();
    }

    /** Automated vehicles on the road now. */
    public int agents() {
      return w.agents.size();
    }

    @Override
    public void close() {
      w.close();
    }
  }

  private static final class Wiring {
    private final CompiledScenario s;
    private final Arm arm;
    private final long seed;
    private final Engine engine;
    private final List<RoadsideUnit> rsus = new ArrayList<>();
    private final List<RsuBroadcaster> broadcasters = new ArrayList<>();
    private final Agents agents = new Agents();
    private final CoopMetrics metrics;
    private FrameReceiver receiver;
    /** Signal controllers that receive frames, or null. */
    private final V2xSignalInputs signalV2x;
    private final FrameWriter frame = new FrameWriter();
    private int[] ids = new int[8];
    private double[] xs = new double[8];
    private double[] ys = new double[8];
    /** Hands a delivered frame to its junction controller or agent; one instance, not a lambda per tick. */
    private final io.v2xsim.vehicle.transport.FrameSink sink = this::delivered;
    private long framesBuilt;
    private long bytesBuilt;

    Wiring(CompiledScenario s, Arm arm, long seed) {
      this.s = s;
      this.arm = arm;
      this.seed = seed;
      this.engine = new Engine(s.model(), seed);
      Cooperation coop = s.cooperation();
      List<ActorScript> hazards = s.model().actors();
      // Hazards are the scripted road users: pedestrians and cyclists, and vehicles that are triggered by an ego or
      // break the rules (a red-light runner), each measured against the vehicle its trigger watches (a hazard with
      // no trigger against each automated vehicle it becomes relevant to).
      List<CoopMetrics.Hazard> scripted = new ArrayList<>();
      for (ActorScript a : hazards) {
        scripted.add(CoopMetrics.Hazard.of(a));
      }
      for (io.v2xsim.core.demand.DemandModel.Trip t : s.model().demand().trips()) {
        if (t.trigger() != null || !t.type().compliance().obeys()) {
          scripted.add(new CoopMetrics.Hazard(t.id(), t.trigger() == null ? null : t.trigger().trip()));
        }
      }
      // And vehicles standing in a lane (a breakdown): an obstacle of the vehicle kind, against any automated car.
      for (io.v2xsim.core.actors.StaticScene.Parked p : s.model().scene().parked()) {
        if (p.inLane()) {
          scripted.add(new CoopMetrics.Hazard(p.id(), null));
        }
      }
      this.metrics = new CoopMetrics(engine, scripted, arm);
      if (arm.rsuEnabled()) {
        for (RsuSite site : coop.rsus()) {
          rsus.add(new RoadsideUnit(site, seed, s.dt()));
        }
      }
      boolean agentsUseFrames = arm.useRsu() && !rsus.isEmpty();
      boolean anyAgent = arm.useRsu() || !arm.onboard().isEmpty();
      if (anyAgent) {
        engine.setControllerFactory((id, name, type) -> {
          if (!type.automated()) {
            return null;
          }
          AutomatedDriver d = agents.reuse();
          if (d != null) {
            d.reset(id, name);
          } else {
            d = new AutomatedDriver(id, name, arm.onboard(), agentsUseFrames, arm.policy(), seed, s.dt(),
                AutomatedDriver.DEFAULT_ACTUATION_DELAY, metrics);
          }
          agents.add(d);
          return d;
        });
      }
      signalV2x = V2xSignalInputs.wire(s, engine);
      if ((agentsUseFrames || signalV2x != null) && !rsus.isEmpty()) {
        TransportKind kind = coop.transport().equals("udp") ? TransportKind.UDP : TransportKind.IN_PROCESS;
        receiver = FrameReceiver.open(kind);
        RadioModel radio = new RadioModel(arm.channel(), seed);
        List<SocketAddress> endpoints = List.of(receiver.address());
        for (RoadsideUnit rsu : rsus) {
          FrameSender sender = FrameSender.open(kind, rsu.stationId(), endpoints);
          broadcasters.add(new RsuBroadcaster(sender, radio));
        }
        if (kind == TransportKind.UDP) {
          for (RsuBroadcaster b : broadcasters) {
            b.sender().backpressure(() -> written() - receiver.accounted(), FrameSender.DEFAULT_UDP_WINDOW);
          }
        }
      }
      engine.addStage(Stage.SENSING, e -> sense());
      engine.addStage(Stage.FUSION, e -> fuseAndBroadcast());
      engine.addStage(Stage.TRANSPORT, e -> deliver());
      engine.addStage(Stage.MEASUREMENT, e -> metrics.measure(agents, rsus));
    }

    RunResult run(RunListener listener) {
      try {
        engine.runToEnd(listener);
        RunResult r = engine.result();
        List<MetricValue> all = new ArrayList<>(r.metrics());
        all.addAll(metrics.results(s.duration(), s.warmup(), framesBuilt, bytesBuilt, rsus.size()));
        if (signalV2x != null) {
          all.add(new MetricValue("signalFramesReceived", "1",
              "perception frames received by signal controllers that use V2X", signalV2x.frames()));
        }
        if (receiver != null) {
          WallClock.record(receiver.pathNanos());
        }
        return new RunResult(r.seed(), r.simulatedSeconds(), all, r.trips(), r.collisions(), r.queues(),
            r.conflicts());
      } finally {
        close();
      }
    }

    void close() {
      // Channels first, then loops: with in-process channels each side closes its peer on the peer's loop,
      // which must still be running.
      for (RsuBroadcaster b : broadcasters) {
        b.sender().closeChannels();
      }
      if (receiver != null) {
        receiver.close();
      }
      for (RsuBroadcaster b : broadcasters) {
        b.sender().close();
      }
    }

    private long written() {
      long n = 0;
      for (int k = 0; k < broadcasters.size(); k++) { // indexed: no iterator per tick
        n += broadcasters.get(k).sender().written();
      }
      return n;
    }

    private long transmissions() {
      long n = 0;
      for (int k = 0; k < broadcasters.size(); k++) {
        n += broadcasters.get(k).sender().transmissions();
      }
      return n;
    }

    private void sense() {
      agents.retireAbsent(engine.groundTruth());
      if (rsus.isEmpty() && agents.isEmpty()) {
        return;
      }
      GroundTruth truth = engine.groundTruth();
      Occluders occ = engine.occluders();
      long tick = engine.tick();
      double now = engine.time();
      for (int k = 0; k < rsus.size(); k++) {
        rsus.get(k).sense(tick, s.dt(), now, truth, occ);
      }
      for (int k = 0; k < agents.size(); k++) {
        agents.get(k).sense(tick, s.dt(), now, truth, occ);
      }
    }

    private void fuseAndBroadcast() {
      long tick = engine.tick();
      double now = engine.time();
      for (int r = 0; r < rsus.size(); r++) {
        RoadsideUnit rsu = rsus.get(r);
        if (!rsu.fusionDue(tick)) {
          continue;
        }
        rsu.fuse(now);
        metrics.fused(rsu, now);
        if (broadcasters.isEmpty() || !rsu.writeFrame(now, frame)) {
          continue;
        }
        addSignalTiming(engine, rsu.site().x(), rsu.site().y(), frame);
        framesBuilt++;
        bytesBuilt += frame.length();
        int n = receivers();
        broadcasters.get(r).broadcast(frame.buffer(), frame.length(), rsu.site().x(), rsu.site().y(),
            Math.round(now * 1e6), n, ids, xs, ys);
      }
    }

    /** Agents that use frames, in ascending id, with their positions; then junction controllers that do. */
    private int receivers() {
      GroundTruth truth = engine.groundTruth();
      int n = 0;
      int controllers = signalV2x == null ? 0 : signalV2x.receiverCount();
      for (int k = 0; k < agents.size(); k++) {
        AutomatedDriver a = agents.get(k);
        int i = truth.indexOf(a.objectId());
        if (i < 0 || !a.usesFrames()) {
          continue;
        }
        ensureReceivers(n + 1);
        ids[n] = a.objectId();
        xs[n] = truth.x[i];
        ys[n] = truth.y[i];
        n++;
      }
      for (int k = 0; k < controllers; k++) {
        ensureReceivers(n + 1);
        ids[n] = signalV2x.receiverId(k);
        xs[n] = signalV2x.receiverJunction(k).x();
        ys[n] = signalV2x.receiverJunction(k).y();
        n++;
      }
      return n;
    }

    private void ensureReceivers(int n) {
      if (n > ids.length) {
        ids = java.util.Arrays.copyOf(ids, 2 * n);
        xs = java.util.Arrays.copyOf(xs, 2 * n);
        ys = java.util.Arrays.copyOf(ys, 2 * n);
      }
    }

    private void delivered(int receiverId, io.v2xsim.core.wire.FrameView f, long deliveryUs) {
      if (signalV2x != null && signalV2x.offer(receiverId, f)) {
        return;
      }
      AutomatedDriver a = agents.byId(receiverId);
      if (a != null) {
        a.onFrame(f, deliveryUs / 1e6);
      }
    }

    private void deliver() {
      if (receiver == null) {
        return;
      }
      if (!receiver.awaitQuiescent(transmissions(), 30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("frames lost outside the radio model (transport overloaded): "
            + receiver.accounted() + " of " + transmissions() + " accounted for");
      }
      double now = engine.time();
      receiver.deliverDue(Math.round(now * 1e6), sink);
    }
  }

  /**
   * Signal phase and timing of the signalized junction the RSU stands at (within {@link #SPAT_RANGE_M}), as
   * the roadside unit reads it from the signal controller it is wired to.
   */
  static boolean addSignalTiming(Engine engine, double x, double y, PerceptionFrame.Builder frame) {
    io.v2xsim.core.network.Junction nearest = signalAt(engine, x, y);
    if (nearest == null) {
      return false;
    }
    io.v2xsim.wire.v1.SignalPhaseAndTiming.Builder spat = frame.getSpatBuilder().setJunctionId(nearest.id());
    for (io.v2xsim.core.network.Movement m : nearest.movements()) {
      spat.addMovements(io.v2xsim.wire.v1.MovementState.newBuilder().setFromRoad(m.from().id())
          .setToRoad(m.to().id()).setState(wireState(engine.signalState(nearest, m.index()))));
    }
    return true;
  }

  /** As {@link #addSignalTiming(Engine, double, double, PerceptionFrame.Builder)}, appended to {@code frame}. */
  static boolean addSignalTiming(Engine engine, double x, double y, FrameWriter frame) {
    io.v2xsim.core.network.Junction nearest = signalAt(engine, x, y);
    if (nearest == null) {
      return false;
    }
    frame.beginSpat(nearest.id());
    List<io.v2xsim.core.network.Movement> movements = nearest.movements();
    for (int k = 0; k < movements.size(); k++) { // indexed: no iterator on the frame path
      io.v2xsim.core.network.Movement m = movements.get(k);
      frame.movement(m.from().id(), m.to().id(), wireState(engine.signalState(nearest, m.index())).getNumber(), 0, 0);
    }
    frame.endSpat();
    return true;
  }

  private static io.v2xsim.core.network.Junction signalAt(Engine engine, double x, double y) {
    io.v2xsim.core.network.Junction nearest = null;
    double best = SPAT_RANGE_M;
    List<io.v2xsim.core.network.Junction> junctions = engine.network().junctions();
    for (int k = 0; k < junctions.size(); k++) {
      io.v2xsim.core.network.Junction j = junctions.get(k);
      double d = Math.hypot(j.x() - x, j.y() - y);
      if (j.kind() == io.v2xsim.core.network.JunctionKind.SIGNALIZED && d < best) {
        best = d;
        nearest = j;
      }
    }
    return nearest;
  }

  static io.v2xsim.wire.v1.SignalState wireState(byte s) {
    return switch (s) {
      case io.v2xsim.core.signal.SignalColor.RED -> io.v2xsim.wire.v1.SignalState.SIGNAL_STATE_RED;
      case io.v2xsim.core.signal.SignalColor.YELLOW -> io.v2xsim.wire.v1.SignalState.SIGNAL_STATE_YELLOW;
      case io.v2xsim.core.signal.SignalColor.GREEN -> io.v2xsim.wire.v1.SignalState.SIGNAL_STATE_GREEN_PROTECTED;
      case io.v2xsim.core.signal.SignalColor.PERMISSIVE ->
          io.v2xsim.wire.v1.SignalState.SIGNAL_STATE_GREEN_PERMISSIVE;
      case io.v2xsim.core.signal.SignalColor.STOP -> io.v2xsim.wire.v1.SignalState.SIGNAL_STATE_STOP_THEN_PROCEED;
      default -> io.v2xsim.wire.v1.SignalState.SIGNAL_STATE_UNSPECIFIED;
    };
  }

  /** Onboard sensors of an arm, for hazard visibility. */
  static List<SensorSpec> onboard(Arm arm) {
    return arm.onboard();
  }
}
