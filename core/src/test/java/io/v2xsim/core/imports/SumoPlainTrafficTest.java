package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's central invariant on networks v2xsim did not generate: no collision in plain traffic. The
 * netgenerate grids of data/sumo (see docs/sumo-parity.md), with and without turnarounds, and its spider
 * network (8 arms, 6 rings, acute junctions at the centre; and without its centre junction) and its random network ({@code rand}: 2-lane roads
 * meeting at any angle), their duarouter demand, the first 300 s (about 830 trips depart) of each over several
 * seeds. And netconvert's {@code hcmc-small} (an OpenStreetMap extract of Ho Chi Minh City), 600 s over three
 * seeds, below.
 */
class SumoPlainTrafficTest {
  private static final Path SUMO = Path.of(System.getProperty("v2xsim.data", "../data"), "sumo");
  private static final double SECONDS = 300;

  @ParameterizedTest(name = "{0}, seed {1}")
  @CsvSource({"grid10-no-turnarounds, 1", "grid10-no-turnarounds, 2", "grid10-no-turnarounds, 3",
      "grid10, 1", "grid10, 2", "grid10, 3", "spider, 1", "spider, 2", "spider, 3", "rand, 1", "rand, 2",
      "rand, 3", "spider-no-centre, 1", "spider-no-centre, 2", "spider-no-centre, 3"})
  void noCollisionInPlainTraffic(String name, long seed) {
    ImportedScenario imported = SumoImporter.read(SUMO.resolve(name).resolve(name + ".net.xml"),
        SUMO.resolve(name).resolve(name + ".rou.xml"), p -> p.getFileName().toString(), SECONDS);
    CompiledScenario s = ImportFixtures.compile(imported, SECONDS);
    RunResult r = Simulation.run(s, seed, RunListener.NONE);
    // Each record names both vehicles, the time, the place (x, y) and the links they were on.
    assertEquals(0, r.collisions().size(), r.collisions().size() + " collision(s): " + r.collisions());
    assertTrue(r.metric("tripsCompleted") > 150, "completed " + r.metric("tripsCompleted"));
  }

  /**
   * The same networks under the lighter demand of the parity table (a trip a second, {@code NAME.light.rou.xml}),
   * 600 s: fewer queues, so more drivers reach junctions at speed and turn at once from both sides. The tangent-laid
   * bodies of two such right turns touched on spider without its centre (t = 588.5 s, seed 1) until bodies were
   * laid along the chord of their path ({@code BodyPose}).
   */
  @ParameterizedTest(name = "{0}, a trip a second, seed {1}")
  @CsvSource({"grid10-no-turnarounds, 1", "grid10, 2", "spider, 1", "rand, 1", "spider-no-centre, 1",
      "spider-no-centre, 2", "hcmc-small, 1"})
  void noCollisionNorRedLightRunningUnderLightDemand(String name, long seed) {
    double seconds = 600;
    ImportedScenario imported = SumoImporter.read(SUMO.resolve(name).resolve(name + ".net.xml"),
        SUMO.resolve(name).resolve(name + ".light.rou.xml"), p -> p.getFileName().toString(), seconds);
    RunResult r = Simulation.run(ImportFixtures.compile(imported, seconds), seed, RunListener.NONE);
    assertEquals(0, r.collisions().size(), r.collisions().size() + " collision(s): " + r.collisions());
    assertEquals(0, r.metric("redLightViolations"), "red-light violations");
    assertTrue(r.metric("tripsCompleted") > 200, "completed " + r.metric("tripsCompleted"));
  }

  /**
   * netconvert's OpenStreetMap network (clustered junctions 1-25 m apart, a 0.2 m lane between two of them, a
   * U-turn behind a 17 m lane at 100 km/h, two dead ends 3.7 m apart), 600 s: no collision, and no driver able to
   * stop runs a red light. Seeds 1-3 saw 15, 6 and 9 collisions (2026-12-03, morning) until paths of neighbouring
   * junctions that turn back or cross conflicted, dead ends kept netconvert's turnaround and median U-turns the
   * builder's, drivers giving way looked up the approach past short lanes, followed across diverges beyond them and
   * looked at lines past those they could no longer stop at, and vehicles entered short lanes only behind the rears
   * and ahead of the traffic of the junctions around them. Seed 3's one red-light violation (a driver off an 84 m
   * connector at 23 m/s into a 24 m lane that did not lead its way, the lane it needed decided two short roads
   * before) went once lane choice looked past short roads ({@code RouteReach}) and drivers braked for a lane
   * further on that runs out.
   */
  @ParameterizedTest(name = "hcmc-small, seed {0}")
  @CsvSource({"1", "2", "3"})
  void netconvertsClusteredJunctionsGiveNoCollisionAndNoRedLightRunning(long seed) {
    RunResult r = hcmcSmall(seed);
    assertEquals(0, r.collisions().size(), r.collisions().size() + " collision(s): " + r.collisions());
    assertEquals(0, r.metric("redLightViolations"), "red-light violations");
    assertTrue(r.metric("tripsCompleted") > 200, "completed " + r.metric("tripsCompleted"));
  }

  private static RunResult hcmcSmall(long seed) {
    double seconds = 600;
    ImportedScenario imported = SumoImporter.read(SUMO.resolve("hcmc-small/hcmc-small.net.xml"),
        SUMO.resolve("hcmc-small/hcmc-small.rou.xml"), p -> p.getFileName().toString(), seconds);
    return Simulation.run(ImportFixtures.compile(imported, seconds), seed, RunListener.NONE);
  }
}
