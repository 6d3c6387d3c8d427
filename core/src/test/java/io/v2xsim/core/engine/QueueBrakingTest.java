package io.v2xsim.core.engine;

import static io.v2xsim.core.TestScenarios.node;
import static io.v2xsim.core.TestScenarios.road;
import static io.v2xsim.core.TestScenarios.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hard braking in the engine, at a signal with long queues and a 90 km/h approach (a 3 s yellow makes some
 * vehicles that stop brake beyond 0.4 g): the metric is exactly the episodes of realised deceleration of moving
 * vehicles, recomputed here from the speeds the engine reports after each tick.
 */
class QueueBrakingTest {
  @Test
  void countsEpisodesOfRealisedDecelerationOfMovingVehicles() {
    CompiledScenario s = ScenarioCompiler.compile(spec(
        List.of(node("W", 0, 0, "boundary"), node("J", 600, 0, "signalized"), node("E", 1000, 0, "boundary"),
            node("N", 600, 300, "boundary")),
        List.of(road("W-J", "W", "J", 1, 25.0, 0), road("J-E", "J", "E", 1, 25.0, 0),
            road("N-J", "N", "J", 1, 25.0, 0), road("J-N", "J", "N", 1, 25.0, 0)),
        null,
        new DemandSpec(List.of(new FlowSpec("q", "W-J", "J-E", null, 1500.0, "uniform", 0.0, null, null)), null,
            null),
        new SignalsSpec(null, Map.of("J", new JunctionSignalSpec(null, 0.0, List.of(
            new PhaseSpec(50.0, 3.0, 2.0, List.of("N-J>J-E"), null),
            new PhaseSpec(25.0, 3.0, 2.0, List.of("W-J>J-E"), null))))), 900));
    Engine e = new Engine(s.model(), 7);
    double dt = e.dt();
    Map<Integer, Double> last = new HashMap<>();
    Map<Integer, Boolean> open = new HashMap<>();
    int episodes = 0;
    long standing = 0;
    while (e.time() < 900 - 1e-9) {
      e.step();
      for (int i = 0; i < e.activeCount; i++) {
        Vehicle v = e.active[i];
        if (v.speed < 0.1) {
          standing++;
        }
        Double before = last.put(v.trip, v.speed);
        if (before == null) {
          continue;
        }
        boolean hard = (v.speed - before) / dt < -0.4 * 9.80665;
        if (!hard) {
          open.put(v.trip, false);
        } else if (!open.getOrDefault(v.trip, false) && before >= 5 / 3.6) {
          open.put(v.trip, true);
          episodes++;
        }
      }
    }
    double counted = e.result().metric("hardBrakingEvents");
    assertTrue(standing > 10_000, "the scene should build queues: " + standing);
    assertTrue(episodes > 0, "the scene should have hard braking");
    assertEquals(episodes, counted);
  }
}
