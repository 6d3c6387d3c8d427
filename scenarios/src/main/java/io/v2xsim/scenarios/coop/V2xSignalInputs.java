package io.v2xsim.scenarios.coop;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Turn;
import io.v2xsim.core.signal.ControllerConfig;
import io.v2xsim.core.signal.MovementQueues;
import io.v2xsim.core.signal.PriorityRequests;
import io.v2xsim.core.signal.QueueSource;
import io.v2xsim.core.signal.SignalPlan;
import io.v2xsim.core.signal.Strategy;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.wire.FrameView;
import java.util.Arrays;
import java.util.List;

/**
 * Signal controllers fed by V2X: each junction whose controller uses roadside perception (v2x-max-pressure, or
 * emergency-vehicle priority) is a frame receiver at the junction, with a {@link JunctionPerception} of what the
 * frames it got show. Its queues replace the lane-area detectors' for v2x-max-pressure junctions, through the
 * same movement weighting ({@link MovementQueues}); its emergency vehicles become priority requests. Junctions
 * without V2X keep their detectors.
 */
final class V2xSignalInputs {
  /** Receiver ids of junction controllers: above every vehicle and actor id (actors start at 1,000,000). */
  static final int RECEIVER_ID_BASE = 1_500_000_000;

  private final Engine engine;
  private final JunctionPerception[] views;
  private final int[] receivers;

  private V2xSignalInputs(Engine engine, JunctionPerception[] views) {
    this.engine = engine;
    this.views = views;
    this.receivers = java.util.stream.IntStream.range(0, views.length).filter(j -> views[j] != null).toArray();
  }

  /** Wires V2X inputs into the engine's signal inputs, or returns null if no controller of the run uses V2X. */
  static V2xSignalInputs wire(CompiledScenario s, Engine engine) {
    RoadNetwork net = engine.network();
    List<SignalPlan> plans = s.model().signalPlans();
    List<ControllerConfig> control = s.model().signalControl();
    boolean priority = s.cooperation().emergencyPriority();
    double zone = s.model().detectors() != null ? s.model().detectors().queueLength() : 150.0;
    JunctionPerception[] views = new JunctionPerception[net.junctions().size()];
    boolean[] v2xQueues = new boolean[views.length];
    boolean any = false;
    for (int i = 0; i < plans.size(); i++) {
      int j = plans.get(i).junction();
      boolean mp = control.get(i).strategy() == Strategy.V2X_MAX_PRESSURE;
      if (mp || priority) {
        views[j] = new JunctionPerception(net.junctions().get(j), zone);
        v2xQueues[j] = mp;
        any = true;
      }
    }
    if (!any) {
      return null;
    }
    V2xSignalInputs in = new V2xSignalInputs(engine, views);
    var signalInputs = engine.signalInputs();
    QueueSource detectors = signalInputs.queues();
    MovementQueues perceived = new MovementQueues(net, in.laneCounts(net));
    signalInputs.setQueues(new QueueSource() {
      @Override
      public double upstream(int junction, int movement) {
        return v2xQueues[junction] ? perceived.upstream(junction, movement)
            : detectors.upstream(junction, movement);
      }

      @Override
      public double downstream(int junction, int movement) {
        return v2xQueues[junction] ? perceived.downstream(junction, movement)
            : detectors.downstream(junction, movement);
      }
    });
    if (priority) {
      signalInputs.setPriority(in::requested);
    }
    return in;
  }

  /** Lane counts from the view of the junction each lane enters (queued) or leaves (exiting). */
  private MovementQueues.LaneCounts laneCounts(RoadNetwork net) {
    List<Link> links = net.links();
    int[] queuedAt = new int[links.size()];
    int[] queuedIndex = new int[links.size()];
    int[] exitAt = new int[links.size()];
    int[] exitIndex = new int[links.size()];
    Arrays.fill(queuedAt, -1);
    Arrays.fill(exitAt, -1);
    for (int i = 0; i < links.size(); i++) {
      if (!(links.get(i) instanceof Lane lane)) {
        continue;
      }
      JunctionPerception to = views[lane.road().to().index()];
      if (to != null) {
        queuedAt[i] = lane.road().to().index();
        queuedIndex[i] = to.indexOf(lane);
      }
      JunctionPerception from = views[lane.road().from().index()];
      if (from != null) {
        exitAt[i] = lane.road().from().index();
        exitIndex[i] = from.indexOf(lane);
      }
    }
    return new MovementQueues.LaneCounts() {
      @Override
      public double queued(int lane) {
        return queuedAt[lane] < 0 ? 0 : views[queuedAt[lane]].vehicles(queuedIndex[lane], engine.time());
      }

      @Override
      public double exiting(int lane) {
        return exitAt[lane] < 0 ? 0 : views[exitAt[lane]].vehicles(exitIndex[lane], engine.time());
      }
    };
  }

  /**
   * The movement an emergency vehicle on an approach wants: the straight movement of its lane if the lane has
   * one (the frames show where it is, not where it goes), else the lane's first movement.
   */
  private int requested(int junction) {
    JunctionPerception view = views[junction];
    if (view == null) {
      return -1;
    }
    Lane lane = view.emergencyApproach(engine.time());
    if (lane == null) {
      return -1;
    }
    int fallback = -1;
    List<Connector> out = lane.outgoing();
    for (int k = 0; k < out.size(); k++) {
      Connector c = out.get(k);
      if (c.turn() == Turn.STRAIGHT) {
        return c.movement();
      }
      fallback = fallback < 0 ? c.movement() : fallback;
    }
    return fallback;
  }

  /** Junction receivers in ascending id, for the broadcaster. */
  int receiverCount() {
    return receivers.length;
  }

  int receiverId(int k) {
    return RECEIVER_ID_BASE + receivers[k];
  }

  Junction receiverJunction(int k) {
    return views[receivers[k]].junction();
  }

  /** Whether a frame addressed to {@code receiverId} is for a junction controller; if so, takes it. */
  boolean offer(int receiverId, FrameView frame) {
    if (receiverId < RECEIVER_ID_BASE) {
      return false;
    }
    views[receiverId - RECEIVER_ID_BASE].onFrame(frame);
    return true;
  }

  /** Frames received by all junction controllers. */
  long frames() {
    long n = 0;
    for (int j : receivers) {
      n += views[j].frames();
    }
    return n;
  }
}
