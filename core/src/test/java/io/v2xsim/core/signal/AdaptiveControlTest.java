package io.v2xsim.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioSpec.ControllerParamsSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each strategy does with the demand it measures, asserted on measured results. */
class AdaptiveControlTest {
  /** Index of the phase that gives west-to-east through traffic green at the crossroads. */
  private static int eastWestPhase(CompiledScenario s) {
    RoadNetwork net = s.model().network();
    Junction j = net.junction("J0_0");
    Movement we = j.movement(net.road("B_W0-J0_0"), net.road("J0_0-B_E0"));
    SignalPlan plan = s.model().signalPlans().get(0);
    for (int p = 0; p < plan.phases().size(); p++) {
      if (SignalColor.isGreen(plan.phases().get(p).states()[we.index()])) {
        return p;
      }
    }
    throw new AssertionError("no phase serves west to east");
  }

  @Test
  void websterBeatsAnEqualSplitLongCyclePlanOnUnbalancedDemand() {
    // 700 veh/h each way east-west against 100 north-south; the bad plan gives both 70 s of a 150 s cycle.
    CompiledScenario bad = SignalScenarios.crossroads(700, 100, 1500, 300,
        SignalScenarios.defaults("fixed-time", 70, "permissive", null, null, null), null, null);
    CompiledScenario webster = SignalScenarios.crossroads(700, 100, 1500, 300,
        SignalScenarios.defaults("webster", 70, "permissive", null, 70.0, SignalScenarios.params(300.0)), null, null);
    double sumBad = 0;
    double sumWebster = 0;
    for (long seed = 1; seed <= 3; seed++) {
      double b = Simulation.run(bad, seed, RunListener.NONE).metric("avgTravelTime");
      double w = Simulation.run(webster, seed, RunListener.NONE).metric("avgTravelTime");
      assertTrue(w < b, "seed " + seed + ": webster " + w + " s vs bad fixed plan " + b + " s");
      sumBad += b;
      sumWebster += w;
    }
    assertTrue(sumWebster < 0.85 * sumBad, "webster mean " + sumWebster / 3 + " s vs bad plan " + sumBad / 3 + " s");
  }

  @Test
  void websterReplansAShortCycleFavouringTheLoadedApproach() {
    CompiledScenario s = SignalScenarios.crossroads(700, 100, 1200, 0,
        SignalScenarios.defaults("webster", 60, "permissive", null, null, SignalScenarios.params(300.0)), null, null);
    SignalTrace t = SignalTrace.run(s, 1, null);
    int ew = eastWestPhase(s);
    double late = 700; // after the first re-plan at 300 s (and at 600 s)
    double ewGreen = t.greens.stream().filter(g -> g.start() > late && g.phase() == ew)
        .mapToDouble(SignalTrace.Green::duration).average().orElseThrow();
    double nsGreen = t.greens.stream().filter(g -> g.start() > late && g.phase() != ew)
        .mapToDouble(SignalTrace.Green::duration).average().orElseThrow();
    assertTrue(ewGreen > 1.5 * nsGreen, "east-west " + ewGreen + " s vs north-south " + nsGreen + " s");
    assertTrue(ewGreen + nsGreen + 10 < 60, "cycle shorter than the initial 120 s: " + (ewGreen + nsGreen + 10));
    assertEquals(10.0, nsGreen, 1e-6, "the light approach gets min green");
  }

  @Test
  void actuatedGapsOutUnderLightDemand() {
    CompiledScenario s = SignalScenarios.crossroads(100, 100, 900, 0,
        SignalScenarios.defaults("actuated", 30, "permissive", 8.0, 40.0, null), null, null);
    SignalTrace t = SignalTrace.run(s, 1, null);
    assertEquals(List.of(), t.violations);
    double mean = t.greens.stream().mapToDouble(SignalTrace.Green::duration).average().orElseThrow();
    long maxOuts = t.greens.stream().filter(g -> g.duration() >= 40 - 1e-6).count();
    assertTrue(mean < 20, "greens end by gap-out, well before max green: mean " + mean + " s");
    assertTrue(maxOuts * 10 < t.greens.size(), maxOuts + " of " + t.greens.size() + " greens maxed out");
  }

  @Test
  void actuatedMaxesOutUnderSaturation() {
    CompiledScenario s = SignalScenarios.crossroads(1800, 1800, 900, 0,
        SignalScenarios.defaults("actuated", 30, "permissive", 8.0, 40.0, null), null, null);
    SignalTrace t = SignalTrace.run(s, 1, null);
    assertEquals(List.of(), t.violations);
    long late = t.greens.stream().filter(g -> g.start() > 200).count();
    long maxOuts = t.greens.stream().filter(g -> g.start() > 200 && g.duration() >= 40 - 1e-6).count();
    assertTrue(late > 5 && maxOuts == late, maxOuts + " of " + late + " greens after 200 s maxed out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"max-pressure", "actuated", "sotl", "webster"})
  void theLoadedApproachGetsMoreGreen(String controller) {
    ControllerParamsSpec p = SignalScenarios.params(300.0);
    CompiledScenario s = SignalScenarios.crossroads(600, 120, 1200, 0,
        SignalScenarios.defaults(controller, 30, "permissive", 8.0, 50.0, p), null, null);
    SignalTrace t = SignalTrace.run(s, 2, null);
    assertEquals(List.of(), t.violations);
    int ew = eastWestPhase(s);
    double loaded = t.totalGreen(0, ew);
    double light = t.totalGreen(0, 1 - ew);
    assertTrue(loaded > 1.5 * light, controller + ": loaded approach " + loaded + " s of green, light one " + light);
  }

  @Test
  void maxPressureIsDeterministic() {
    CompiledScenario s = SignalScenarios.grid(3, 3, 1800, 400, 60,
        SignalScenarios.defaults("max-pressure", 30, "permissive", null, null, null), null);
    RunResult a = Simulation.run(s, 5, RunListener.NONE);
    RunResult b = Simulation.run(s, 5, RunListener.NONE);
    assertEquals(a, b);
    assertNotEquals(a.metrics(), Simulation.run(s, 6, RunListener.NONE).metrics());
  }
}
