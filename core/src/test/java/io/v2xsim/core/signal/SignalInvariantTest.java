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
}
