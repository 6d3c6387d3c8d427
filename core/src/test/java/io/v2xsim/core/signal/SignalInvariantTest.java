package io.v2xsim.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.spec.CompiledScenario;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every controller keeps min/max green, yellow, all-red and conflict-free greens at every tick of whole runs. */
class SignalInvariantTest {
  @ParameterizedTest(name = "{0}, {1} left turns")
  @CsvSource({
      "fixed-time, permissive", "fixed-time, protected",
      "webster, permissive", "webster, protected",
      "actuated, permissive", "actuated, protected",
      "max-pressure, permissive", "max-pressure, protected",
      "sotl, permissive", "sotl, protected"})
  void invariantsHoldOnAGrid(String controller, String leftTurns) {
    CompiledScenario s = SignalScenarios.grid(3, 3, 1800, 600, 0,
        SignalScenarios.defaults(controller, 25, leftTurns, 8.0, 45.0, SignalScenarios.params(300.0)), null);
    SignalTrace t = SignalTrace.run(s, 3, null);
    assertEquals(List.of(), t.violations.stream().limit(10).toList());
    assertTrue(t.greens.size() > 9 * 6, "many complete greens were checked: " + t.greens.size());
    assertTrue(t.result.metric("tripsCompleted") > 100, "traffic flowed: " + t.result.metric("tripsCompleted"));
    assertEquals(0, t.result.metric("redLightViolations"));
  }

  /**
   * V2X-fed control: v2x-max-pressure reads queues from roadside frames and any controller may get emergency
   * priority requests, both of which can be wrong (noise, loss, phantom objects). Whatever they say, the state
   * machine must keep its invariants: here queues are random each tick and priority requests come and go at
   * random, on every junction. (v2x-max-pressure is max-pressure with its queue source replaced, which is what
   * this does; the scenario compiler would refuse it here for want of roadside units.)
   */
  @ParameterizedTest(name = "{0} with arbitrary queues and priority requests")
  @CsvSource({"max-pressure", "fixed-time", "actuated", "sotl"})
  void invariantsHoldWhateverTheV2xInputsSay(String controller) {
    CompiledScenario s = SignalScenarios.grid(3, 3, 1800, 600, 0,
        SignalScenarios.defaults(controller, 25, "protected", 8.0, 45.0, SignalScenarios.params(300.0)), null);
    io.v2xsim.core.random.RandomStream rng = io.v2xsim.core.random.RandomStream.derive(7, "adversary");
    int junctions = s.model().network().junctions().size();
    int[] requested = new int[junctions];
    java.util.Arrays.fill(requested, -1);
    SignalTrace t = SignalTrace.run(s, 3, e -> {
      e.signalInputs().setQueues(new QueueSource() {
        @Override
        public double upstream(int junction, int movement) {
          return rng.nextInt(20);
        }

        @Override
        public double downstream(int junction, int movement) {
          return rng.nextInt(20);
        }
      });
      e.signalInputs().setPriority(j -> requested[j]);
      e.addStage(io.v2xsim.core.engine.TickStage.Stage.MEASUREMENT, eng -> {
        for (int j = 0; j < junctions; j++) {
          int movements = eng.network().junctions().get(j).movements().size();
          if (movements == 0) {
            continue;
          }
          if (requested[j] >= 0 ? rng.nextDouble() < 0.02 : rng.nextDouble() < 0.002) {
            requested[j] = requested[j] >= 0 ? -1 : rng.nextInt(movements);
          }
        }
      });
    }, j -> requested[j] >= 0);
    assertEquals(List.of(), t.violations.stream().limit(10).toList());
    assertTrue(t.greens.stream().anyMatch(SignalTrace.Green::priority), "priority requests were served");
    assertEquals(0, t.result.metric("redLightViolations"));
  }
}
