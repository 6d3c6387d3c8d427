package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * More perception is never worse, on a junction where a hidden vehicle really threatens the ego: a side-street
 * driver who ignores the give-way line, hidden by a corner building, meets an automated car on the main road in
 * every seed. With the same (naive) policy, the arms differ only in what the car perceives.
 */
class MorePerceptionTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();

  @Test
  void noSensorsIsNoSaferThanOnboardWhichIsNoSaferThanOnboardWithTheRoadside() throws Exception {
    Path file = Path.of(MorePerceptionTest.class.getResource("/hidden-right-of-way-violator.yaml").toURI());
    CompiledScenario s = LOADER.compile(LOADER.read(file), SpecOverrides.NONE);
    int seeds = 6;
    int[] hits = new int[3];
    int widerWithRsu = 0;
    String[] arms = {"no-sensors", "onboard", "onboard-rsu"};
    for (long seed = 1; seed <= seeds; seed++) {
      double[] ttc = new double[3];
      for (int a = 0; a < 3; a++) {
        RunResult r = ArmRun.run(s, arm(s, arms[a]), seed, RunListener.NONE);
        hits[a] += r.metric("collisions") > 0 ? 1 : 0;
        ttc[a] = r.metric("minTtcEgoTrue");
      }
      System.out.printf("seed %d min TTC onboard %.3f, onboard + RSU %.3f%n", seed, ttc[1], ttc[2]);
      if (Double.isNaN(ttc[2]) || ttc[2] > ttc[1]) { // NaN: never on a collision course at all
        widerWithRsu++;
      }
    }
    System.out.printf("seeds with a collision: no sensors %d, onboard %d, onboard + RSU %d of %d%n", hits[0],
        hits[1], hits[2], seeds);
    assertTrue(hits[0] >= seeds - 1, "a car that perceives nothing is hit by the violator it cannot see");
    assertTrue(hits[0] >= hits[1] && hits[1] >= hits[2], "more perception is never worse");
    assertEquals(0, hits[2], "told by the roadside unit, the car stops for the violator every time");
    assertEquals(seeds, widerWithRsu, "the roadside view widens the smallest time to collision (or removes the\n"
        + "conflict) on every seed");
  }

  private static Arm arm(CompiledScenario s, String name) {
    return s.cooperation().arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }
}
