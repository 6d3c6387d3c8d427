package io.v2xsim.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.TestScenarios;
import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.FailureMode;
import io.v2xsim.core.signal.ControllerConfig;
import io.v2xsim.core.signal.Strategy;
import io.v2xsim.core.spec.ScenarioSpec.ControllerParamsSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorFailureSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorsSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The signals section of a scenario: controllers, their parameters and detectors, and located errors. */
class SignalSpecTest {
  private static ScenarioSpec with(SignalsSpec signals) {
    ScenarioSpec g = TestScenarios.grid(2, 2, 600, 600, 0);
    return new ScenarioSpec(g.name(), "", g.network(), null, g.demand(), signals, g.experiment(), null);
  }

  private static Map<String, String> problems(SignalsSpec signals) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioCompiler.compile(with(signals)));
    return e.problems().stream().collect(Collectors.toMap(Problem::path, Problem::message, (a, b) -> a + "; " + b));
  }

  @Test
  void fixedTimeByDefaultWithoutDetectors() {
    CompiledScenario s = ScenarioCompiler.compile(with(null));
    assertTrue(s.model().signalControl().stream().allMatch(c -> c.strategy() == Strategy.FIXED_TIME));
    assertNull(s.model().detectors(), "no detectors unless a controller or the file asks for them");
  }

  @Test
  void defaultsApplyToEveryJunctionAndAJunctionOverridesFieldByField() {
    SignalDefaultsSpec d = new SignalDefaultsSpec("max-pressure", 30.0, 3.0, 2.0, null, null, 7.0, 45.0,
        new ControllerParamsSpec(null, 4.0, null, null, null, null, null, null));
    JunctionSignalSpec j = new JunctionSignalSpec("fixed", 0.0, List.of(
        new PhaseSpec(20.0, null, null, List.of("B_W0-J0_0>J0_0-J0_1"), null)), null, 50.0, null);
    CompiledScenario s = ScenarioCompiler.compile(with(new SignalsSpec(d, Map.of("J0_0", j), null)));
    List<ControllerConfig> c = s.model().signalControl();
    assertEquals(4, c.size());
    int j00 = s.model().network().junction("J0_0").index();
    for (int i = 0; i < c.size(); i++) {
      ControllerConfig cfg = c.get(i);
      boolean explicit = s.model().signalPlans().get(i).junction() == j00;
      assertEquals(explicit ? Strategy.FIXED_TIME : Strategy.MAX_PRESSURE, cfg.strategy());
      assertEquals(7.0, cfg.minGreen());
      assertEquals(explicit ? 50.0 : 45.0, cfg.maxGreen());
      assertEquals(4.0, cfg.decisionInterval());
      assertEquals(ControllerConfig.DEFAULT_PASSAGE, cfg.passage());
    }
    assertNotNull(s.model().detectors(), "adaptive control brings default detectors");
    assertEquals(40.0, s.model().detectors().advanceDistance());
  }

  @Test
  void badValuesAreReportedAtTheirPaths() {
    SignalDefaultsSpec d = new SignalDefaultsSpec("greenwave", 30.0, 3.0, 2.0, null, null, 30.0, 20.0,
        new ControllerParamsSpec(-1.0, null, null, 90.0, 60.0, null, null, -2));
    JunctionSignalSpec j = new JunctionSignalSpec("adaptive", 0.0, List.of(
        new PhaseSpec(20.0, null, null, List.of("B_W0-J0_0>J0_0-J0_1"), null)));
    DetectorsSpec det = new DetectorsSpec(-2.0, null, null, null, null, null, null, List.of(
        new DetectorFailureSpec("broken", "camera", "nolane_0", 1.5, 100.0, 50.0)));
    Map<String, String> p = problems(new SignalsSpec(d, Map.of("J0_0", j), det));
    assertTrue(p.get("/signals/defaults/controller").contains("unknown controller 'greenwave' (expected fixed-time"),
        p.toString());
    assertTrue(p.get("/signals/junctions/J0_0/controller").contains("unknown controller 'adaptive'"), p.toString());
    assertTrue(p.get("/signals/defaults/maxGreen").contains("must not be shorter than minGreen"), p.toString());
    assertTrue(p.get("/signals/defaults/parameters/passage").contains("between"), p.toString());
    assertTrue(p.get("/signals/defaults/parameters/maxCycle").contains("shorter than minCycle"), p.toString());
    assertTrue(p.get("/signals/defaults/parameters/mu").contains("between 0 and 100"), p.toString());
    assertTrue(p.get("/signals/detectors/stopBarLength").contains("between"), p.toString());
    String f = "/signals/detectors/failures/0";
    assertTrue(p.get(f + "/mode").contains("expected stuck-off or stuck-on"), p.toString());
    assertTrue(p.get(f + "/kind").contains("expected stop-bar, advance, queue, near or exit"), p.toString());
    assertTrue(p.get(f + "/lane").contains("no lane 'nolane_0'"), p.toString());
    assertTrue(p.get(f + "/probability").contains("between 0 and 1"), p.toString());
    assertTrue(p.get(f + "/end").contains("must come after start"), p.toString());
  }

  @Test
  void detectorSettingsAndFailuresAreCompiled() {
    DetectorsSpec det = new DetectorsSpec(3.0, 60.0, null, 100.0, null, 80.0, 0.5, List.of(
        new DetectorFailureSpec("stuck-on", "advance", "B_W0-J0_0_1", 0.25, 10.0, null)));
    CompiledScenario s = ScenarioCompiler.compile(with(new SignalsSpec(
        new SignalDefaultsSpec("fixed", 30.0, 3.0, 2.0, null, null), null, det)));
    var l = s.model().detectors();
    assertEquals(List.of(3.0, 60.0, 2.0, 100.0, 25.0, 80.0, 0.5),
        List.of(l.stopBarLength(), l.advanceDistance(), l.advanceLength(), l.queueLength(), l.nearLength(),
            l.exitLength(), l.haltingSpeed()));
    var f = l.failures().get(0);
    assertEquals(FailureMode.STUCK_ON, f.mode());
    assertEquals(DetectorKind.ADVANCE, f.kind());
    assertEquals(0.25, f.probability());
    assertEquals(Double.MAX_VALUE, f.end());
  }
}
