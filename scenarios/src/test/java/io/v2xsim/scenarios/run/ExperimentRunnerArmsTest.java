package io.v2xsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Arms x seeds with a fake arm runner: order of results, pairing of seeds, progress, failures. */
class ExperimentRunnerArmsTest {
  private static final List<Arm> ARMS = List.of(arm("vehicle-only"), arm("v2x"), arm("lossy"));
  private static final List<Long> SEEDS = List.of(11L, 12L, 13L, 14L, 15L);

  /** Any scenario: the fake runner ignores it, the runner reads its duration for progress. */
  private static final CompiledScenario SCENARIO = scenario();

  private static CompiledScenario scenario() {
    ScenarioLoader loader = new ScenarioLoader();
    return loader.compile(loader.read(Path.of(System.getProperty("v2xsim.catalog"), "single-intersection.yaml")),
        new SpecOverrides(null, null, 300.0));
  }

  private static Arm arm(String name) {
    return new Arm(name, "none", List.of(), false, false, null);
  }

  /** A result that says which (arm, seed) produced it; later seeds finish first to shuffle completion. */
  private static RunResult fake(Arm arm, long seed, RunListener listener) {
    try {
      Thread.sleep(20 - seed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listener.progress(30);
    return new RunResult(seed, 60, List.of(new MetricValue("arm", "1", "arm index", ARMS.indexOf(arm))),
        List.of(), List.of(), List.of());
  }

  @Test
  void everySeedRunsInEveryArmAndResultsComeBackInArmThenSeedOrder() throws InterruptedException {
    ConcurrentHashMap<String, Integer> calls = new ConcurrentHashMap<>();
    ProgressMeter progress = new ProgressMeter(new PrintWriter(new StringWriter()), false,
        ARMS.size() * SEEDS.size(), 60, new AtomicLong()::get);
    List<ArmResults> results = new ExperimentRunner(4).run(SCENARIO, ARMS, SEEDS, (s, arm, seed, l) -> {
      calls.merge(arm.name() + "/" + seed, 1, Integer::sum);
      return fake(arm, seed, l);
    }, (arm, seed) -> RunListener.NONE, progress);
    assertEquals(ARMS.size() * SEEDS.size(), calls.size());
    calls.values().forEach(n -> assertEquals(1, n));
    assertEquals(ARMS.size(), results.size());
    for (int a = 0; a < ARMS.size(); a++) {
      assertEquals(ARMS.get(a), results.get(a).arm());
      assertEquals(SEEDS, results.get(a).results().stream().map(RunResult::seed).toList());
      for (RunResult r : results.get(a).results()) {
        assertEquals(a, r.metric("arm"));
      }
    }
    assertEquals(1.0, progress.fractionDone(), 1e-12, "every run counted as done");
  }

  @Test
  void aFailingRunFailsTheExperiment() {
    assertThrows(IllegalStateException.class, () -> new ExperimentRunner(2).run(SCENARIO, ARMS, SEEDS,
        (s, arm, seed, l) -> {
          if (arm.name().equals("v2x") && seed == 13) {
            throw new IllegalStateException("boom");
          }
          return fake(arm, seed, l);
        }, (arm, seed) -> RunListener.NONE, null));
  }
}
