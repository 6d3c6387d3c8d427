package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.v2xsim.core.TestScenarios;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import org.junit.jupiter.api.Test;

class GridSmokeTest {
  @Test
  void gridRuns() {
    CompiledScenario s = ScenarioCompiler.compile(TestScenarios.grid(4, 4, 1800, 1200, 0));
    long t0 = System.nanoTime();
    RunResult r = Simulation.run(s, 1, RunListener.NONE);
    double secs = (System.nanoTime() - t0) / 1e9;
    for (MetricValue m : r.metrics()) {
      System.out.println(m.name() + " = " + m.value());
    }
    System.out.println("wall " + secs + " s; updates/s " + r.metric("vehicleUpdates") / secs);
    r.collisions().stream().limit(10).forEach(System.out::println);
    assertEquals(0, r.collisions().size());
  }
}
