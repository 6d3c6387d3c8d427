package io.v2xsim.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.detect.Detectors;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Detectors and every controller run a tick without allocating, as the engine's hot path requires. */
class ControllerAllocationTest {
  @Test
  void detectorUpdateAndControllerTicksAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    CompiledScenario s = SignalScenarios.crossroads(600, 600, 600, 0,
        SignalScenarios.defaults("fixed-time", 30, "permissive", 5.0, 20.0, SignalScenarios.params(30.0)), null, null);
    RoadNetwork net = s.model().network();
    Detectors det = new Detectors(net, s.model().detectors() != null ? s.model().detectors()
        : io.v2xsim.core.detect.DetectorLayout.defaults(), 1);
    SignalInputs in = new SignalInputs(det, MovementQueues.fromDetectors(net, det));
    SignalPlan plan = s.model().signalPlans().get(0);
    SignalController[] cs = new SignalController[Strategy.values().length];
    for (Strategy st : Strategy.values()) {
      cs[st.ordinal()] = SignalControllers.create(plan, new ControllerConfig(st, 5, 20, 3, 5, 30, 40, 150, 1800, 40, 3),
          net.junctions().get(plan.junction()), in);
    }
    byte[] states = new byte[net.junctions().get(plan.junction()).movements().size()];
    Road w = net.road("B_W0-J0_0");
    Lane lane = w.lanes().get(0);
    double dt = 0.1;
    long before = 0;
    int changes = 0;
    byte last = -1;
    for (int k = 0; k < 6000; k++) {
      if (k == 3000) {
        before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      }
      double t = k * dt;
      // a vehicle every 4 s driving along the lane at 10 m/s, looping over its length
      det.beginTick();
      for (int v = 0; v < 5; v++) {
        double pos = (t * 10 + v * 40) % lane.length();
        det.observe(lane.index(), pos, 4.5, k % 50 < 25 ? 0 : 10, Math.max(0, pos - 1));
      }
      det.endTick(t + dt, dt);
      for (SignalController c : cs) {
        c.update(t, states);
        c.secondsToNextChange(t);
      }
      if (states[0] != last) {
        changes++;
        last = states[0];
      }
    }
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertTrue(changes > 10, "the signals changed: " + changes);
    assertEquals(0, allocated, "bytes allocated by 3000 ticks in steady state");
  }
}
