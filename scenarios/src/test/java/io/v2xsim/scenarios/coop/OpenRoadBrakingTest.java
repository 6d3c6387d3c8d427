package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * One automated car on a straight two-way road with 600 veh/h of oncoming traffic and nothing else in its way.
 * Before oncoming cars were predicted to keep their lane, its collision check braked for them about once a second
 * (98 hazard-braking episodes in two minutes); plain human traffic on the same road never brakes hard.
 */
class OpenRoadBrakingTest {
  @Test
  void oncomingTrafficInItsOwnLaneIsNoHazard() throws Exception {
    ScenarioLoader loader = new ScenarioLoader();
    Path file = Path.of(OpenRoadBrakingTest.class.getResource("/oncoming-traffic.yaml").toURI());
    CompiledScenario s = loader.compile(loader.read(file), new SpecOverrides(null, null, null, null));
    double episodes = 0;
    double hard = 0;
    int seeds = 5;
    for (long seed = 1; seed <= seeds; seed++) {
      RunResult r = ArmRun.run(s, s.cooperation().arms().get(0), seed, RunListener.NONE);
      assertEquals(0.0, r.metric("collisions"), "seed " + seed);
      episodes += r.metric("hazardBrakingEpisodes") / seeds;
      hard += r.metric("hardBrakingEvents") / seeds;
    }
    System.out.printf("per 2 min: %.1f hazard-braking episodes, %.1f hard-braking events%n", episodes, hard);
    // Not yet zero (noisy tracks of oncoming cars still drift into the corridor now and then): the bound pins the
    // measured improvement so that it cannot silently come back.
    assertTrue(episodes < 20, "hazard-braking episodes per run: " + episodes);
  }
}
