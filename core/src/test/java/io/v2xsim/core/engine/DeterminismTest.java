package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.v2xsim.core.TestScenarios;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final CompiledScenario GRID = ScenarioCompiler.compile(TestScenarios.grid(3, 3, 1500, 600, 60));

  /** Collects every trajectory sample as text, so equality means byte-identical output. */
  private static final class Recorder implements RunListener {
    final StringBuilder out = new StringBuilder();

    @Override
    public boolean wantsTrajectories() {
      return true;
    }

    @Override
    public void trajectory(double t, String id, double x, double y, double speed, double heading, String lane) {
      out.append(t).append(',').append(id).append(',').append(x).append(',').append(y).append(',')
          .append(speed).append(',').append(heading).append(',').append(lane).append('\n');
    }
  }

  @Test
  void sameSeedSameResultsAndTrajectories() {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    RunResult ra = Simulation.run(GRID, 11, a);
    RunResult rb = Simulation.run(GRID, 11, b);
    assertEquals(ra, rb);
    assertEquals(a.out.toString(), b.out.toString());
  }

  @Test
  void differentSeedsDiffer() {
    RunResult ra = Simulation.run(GRID, 11, RunListener.NONE);
    RunResult rb = Simulation.run(GRID, 12, RunListener.NONE);
    assertNotEquals(ra.metrics(), rb.metrics());
  }

  @Test
  void concurrentRunsEqualSequentialOnes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (long seed = 1; seed <= 4; seed++) {
        long s = seed;
        futures.add(pool.submit(() -> Simulation.run(GRID, s, RunListener.NONE)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(Simulation.run(GRID, i + 1, RunListener.NONE), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
