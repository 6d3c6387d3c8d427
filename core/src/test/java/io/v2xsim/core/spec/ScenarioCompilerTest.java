package io.v2xsim.core.spec;

import static io.v2xsim.core.TestScenarios.node;
import static io.v2xsim.core.TestScenarios.road;
import static io.v2xsim.core.TestScenarios.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.TestScenarios;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioCompilerTest {
  private static Map<String, String> problems(ScenarioSpec s) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioCompiler.compile(s));
    return e.problems().stream().collect(Collectors.toMap(Problem::path, Problem::message, (a, b) -> a + "; " + b));
  }

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    ScenarioSpec grid = TestScenarios.grid(2, 2, 600, 600, 0);
    ScenarioSpec bad = new ScenarioSpec(grid.name(), "", grid.network(), null,
        new DemandSpec(List.of(new FlowSpec("f", "nowhere", "J0_0-B_E0", null, -5.0, "bursty", null, null, "tank")),
            null, null),
        grid.signals(), new ExperimentSpec(-10.0, 0.05, 1, 1L, null), null);
    Map<String, String> p = problems(bad);
    assertTrue(p.get("/experiment/duration").contains("positive"), p.toString());
    assertTrue(p.get("/demand/flows/0/from").contains("unknown road 'nowhere'"), p.toString());
    assertTrue(p.get("/demand/flows/0/rate").contains("positive"), p.toString());
    assertTrue(p.get("/demand/flows/0/headways").contains("poisson or uniform"), p.toString());
    assertTrue(p.get("/demand/flows/0/type").contains("unknown vehicle type 'tank'"), p.toString());
  }

  @Test
  void unreachableDestinationIsNamed() {
    ScenarioSpec s = spec(
        List.of(node("A", 0, 0, "boundary"), node("B", 300, 0, "boundary"), node("C", 300, 300, "boundary")),
        List.of(road("A-B", "A", "B", 1, 13.89, 0), road("C-B", "C", "B", 1, 13.89, 0)), null,
        new DemandSpec(List.of(new FlowSpec("f", "A-B", "C-B", null, 100.0, null, null, null, null)), null, null),
        null, 600);
    Map<String, String> p = problems(s);
    assertTrue(p.get("/demand/flows/0/to").contains("no route from road 'A-B' to road 'C-B'"), p.toString());
  }

  @Test
  void conflictingProtectedMovementsAreRejected() {
    ScenarioSpec grid = TestScenarios.grid(1, 1, 600, 600, 0);
    // Through movements of crossing approaches both protected in one phase.
    ScenarioSpec s = new ScenarioSpec("x", "", grid.network(), null, grid.demand(),
        new SignalsSpec(null, Map.of("J0_0", new JunctionSignalSpec(null, 0.0, List.of(
            new PhaseSpec(30.0, null, null, List.of("B_W0-J0_0>J0_0-B_E0", "B_S0-J0_0>J0_0-B_N0"), null))))),
        grid.experiment(), null);
    Map<String, String> p = problems(s);
    assertTrue(p.get("/signals/junctions/J0_0/phases/0/movements").contains("conflicting"), p.toString());
  }

  @Test
  void defaultsApply() {
    CompiledScenario c = ScenarioCompiler.compile(new ScenarioSpec("d", null, TestScenarios.grid(1, 1, 60, 60, 0)
        .network(), null, null, null, null, null));
    assertEquals(3600, c.duration());
    assertEquals(0.05, c.dt());
    assertEquals(1, c.seeds());
    assertEquals(0, c.warmup());
  }
}
