package io.v2xsim.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Turn;
import io.v2xsim.core.spec.CompiledScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Actuated control against scripted loop readings: phases without calls are skipped. */
class ActuatedControllerTest {
  /** Loops pulse every 2 s on the rightmost lanes of the west and south approaches; nothing else is seen. */
  private static final class Pulses implements DetectorReadings {
    final Set<Integer> active;
    double time;

    Pulses(Set<Integer> activeLanes) {
      this.active = activeLanes;
    }

    @Override
    public int detector(int lane, DetectorKind kind) {
      return lane * 8 + kind.ordinal();
    }

    private boolean on(int d) {
      return active.contains(d / 8) && Math.floorMod((long) Math.floor(time * 10), 20) < 3;
    }

    @Override
    public boolean occupied(int d) {
      return on(d);
    }

    @Override
    public long count(int d) {
      return active.contains(d / 8) ? (long) (time / 2) : 0;
    }

    @Override
    public double occupiedSeconds(int d) {
      return 0;
    }

    @Override
    public double gap(int d, double t) {
      return active.contains(d / 8) ? (on(d) ? 0 : Math.floorMod((long) Math.floor(t * 10), 20) / 10.0) : 1e9;
    }

    @Override
    public int vehicles(int d) {
      return on(d) ? 1 : 0;
    }

    @Override
    public int halting(int d) {
      return 0;
    }
  }

  @Test
  void phasesWithoutCallsAreSkippedAndCalledOnesMaxOutUnderContinuousActuation() {
    CompiledScenario s = SignalScenarios.crossroads(100, 100, 60, 0,
        SignalScenarios.defaults("actuated", 30, "protected", 5.0, 20.0, null), null, null);
    RoadNetwork net = s.model().network();
    Junction j = net.junction("J0_0");
    SignalPlan plan = s.model().signalPlans().get(0);
    assertEquals(4, plan.phases().size(), "through and left-turn phases for both directions");
    Pulses p = new Pulses(Set.of(net.road("B_W0-J0_0").lanes().get(0).index(),
        net.road("B_S0-J0_0").lanes().get(0).index()));
    ActuatedController c = new ActuatedController(plan, j,
        new ControllerConfig(Strategy.ACTUATED, 5, 20, 3, 5, 900, 40, 150, 1800, 40, 3), new SignalInputs(p, null));
    byte[] states = new byte[j.movements().size()];
    List<Integer> served = new ArrayList<>();
    List<Double> starts = new ArrayList<>();
    for (int k = 0; k < 3000; k++) {
      p.time = k * 0.1;
      c.update(p.time, states);
      if (c.interval() == PhasedController.Interval.GREEN && (served.isEmpty() || served.get(served.size() - 1) != c.phase())) {
        served.add(c.phase());
        starts.add(p.time);
      }
    }
    for (int ph : served) {
      boolean leftOnly = true;
      for (int m = 0; m < states.length; m++) {
        if (SignalColor.isGreen(plan.phases().get(ph).states()[m])) {
          Turn t = j.movements().get(m).turn();
          leftOnly &= t == Turn.LEFT || t == Turn.UTURN;
        }
      }
      assertTrue(!leftOnly, "left-turn phase " + ph + " has no call and must be skipped: " + served);
    }
    assertTrue(served.size() > 8, "through phases alternate: " + served);
    for (int i = 1; i + 1 < starts.size(); i++) {
      assertEquals(20 + 3 + 2, starts.get(i + 1) - starts.get(i), 1e-6, "each green maxes out at 20 s");
    }
  }
}
