package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.channel.ChannelSpec;
import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.experiment.DrivingPolicy;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * The occluded-pedestrian scene end to end, with real sensing, fusion, protobuf frames and Netty. The effect
 * must come from what the sensors can see: the same world with the RSU switched off, or with every frame
 * lost, must drive exactly like vehicle-only.
 */
class CooperativePerceptionTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();

  private static CompiledScenario scene(String transport) {
    Path file = Path.of(System.getProperty("v2xsim.catalog", "catalog")).resolve("occluded-pedestrian.yaml");
    return LOADER.compile(LOADER.read(file), new SpecOverrides(null, null, null, transport));
  }

  private static Arm arm(CompiledScenario s, String name) {
    return s.cooperation().arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  private static Arm naive(Arm a) {
    return new Arm(a.name() + "-naive", a.onboardSuite(), a.onboard(), a.useRsu(), a.rsuEnabled(),
        DrivingPolicy.NAIVE, a.channel());
  }

  /** With the naive policy (unseen space taken as empty) the scene shows what the RSU's view is worth. */
  @Test
  void roadsideUnitPreventsCollisionsThatNaiveOnboardSensingCannot() {
    CompiledScenario s = scene(null);
    Arm vehicleOnly = naive(arm(s, "vehicle-only"));
    Arm v2x = naive(arm(s, "v2x"));
    int seeds = 30;
    int onlyVehicleOnly = 0;
    int onlyV2x = 0;
    int vehicleOnlyCollisions = 0;
    int v2xCollisions = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      boolean a = ArmRun.run(s, vehicleOnly, seed, RunListener.NONE).metric("collisionsPedestrian") > 0;
      boolean b = ArmRun.run(s, v2x, seed, RunListener.NONE).metric("collisionsPedestrian") > 0;
      vehicleOnlyCollisions += a ? 1 : 0;
      v2xCollisions += b ? 1 : 0;
      onlyVehicleOnly += a && !b ? 1 : 0;
      onlyV2x += b && !a ? 1 : 0;
    }
    // Exact sign test on the discordant seeds (McNemar's test for paired binary outcomes).
    int discordant = onlyVehicleOnly + onlyV2x;
    double p = discordant == 0 ? 1.0
        : 1.0 - new BinomialDistribution(discordant, 0.5).cumulativeProbability(onlyVehicleOnly - 1);
    System.out.printf("collisions in %d seeds: vehicle-only %d, v2x %d; exact McNemar p = %.2g%n", seeds,
        vehicleOnlyCollisions, v2xCollisions, p);
    assertTrue(vehicleOnlyCollisions >= seeds / 3, "vehicle-only should collide in a clear share of seeds");
    assertTrue(v2xCollisions < vehicleOnlyCollisions / 2, "v2x should collide far less often");
    assertTrue(p < 0.01, "difference should be significant, p = " + p);
  }

  /**
   * The cautious vehicle-only agent slows where the bus hides the kerb, so it stops in time where the naive one
   * cannot, and it pays for that in travel time; the V2X agent, told what is behind the bus, is no less safe.
   */
  @Test
  void cautiousVehicleOnlyIsSafeButSlowerThanNaive() {
    CompiledScenario s = scene(null);
    Arm cautious = arm(s, "vehicle-only");
    assertEquals(DrivingPolicy.CAUTIOUS, cautious.policy(), "the catalog's arms use the default policy");
    Arm naive = naive(cautious);
    Arm v2x = arm(s, "v2x");
    int seeds = 10;
    int cautiousHits = 0;
    int naiveHits = 0;
    int v2xHits = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      RunResult c = ArmRun.run(s, cautious, seed, RunListener.NONE);
      RunResult n = ArmRun.run(s, naive, seed, RunListener.NONE);
      RunResult v = ArmRun.run(s, v2x, seed, RunListener.NONE);
      cautiousHits += c.metric("collisionsPedestrian") > 0 ? 1 : 0;
      naiveHits += n.metric("collisionsPedestrian") > 0 ? 1 : 0;
      v2xHits += v.metric("collisionsPedestrian") > 0 ? 1 : 0;
      assertTrue(c.metric("avgTravelTimeCityFlow") > n.metric("avgTravelTimeCityFlow") + 1.0,
          "caution costs time near the bus, seed " + seed);
    }
    assertEquals(0, cautiousHits, "the cautious agent can stop for whoever steps out");
    assertTrue(naiveHits >= seeds / 2, "the naive agent cannot: " + naiveHits);
    assertTrue(v2xHits <= cautiousHits, "more information is never worse");
  }

  @Test
  void withoutFramesTheV2xArmDrivesExactlyLikeVehicleOnly() {
    CompiledScenario s = scene(null);
    Arm vehicleOnly = arm(s, "vehicle-only");
    Arm v2x = arm(s, "v2x");
    Arm rsuOff = new Arm("rsu-off", v2x.onboardSuite(), v2x.onboard(), true, false, v2x.channel());
    ChannelSpec c = v2x.channel();
    Arm allLost = new Arm("all-lost", v2x.onboardSuite(), v2x.onboard(), true, true,
        new ChannelSpec(c.rangeM(), c.baseLatencyMs(), c.jitterMs(), c.jitter(), 1.0, c.pGoodToBad(),
            c.pBadToGood(), c.lossInGood(), c.lossInBad(), c.ceilingMs(), c.outages()));
    for (long seed = 1; seed <= 3; seed++) {
      RunResult base = ArmRun.run(s, vehicleOnly, seed, RunListener.NONE);
      for (Arm arm : List.of(rsuOff, allLost)) {
        RunResult r = ArmRun.run(s, arm, seed, RunListener.NONE);
        assertEquals(base.trips(), r.trips(), arm.name() + " seed " + seed);
        assertEquals(base.collisions(), r.collisions(), arm.name() + " seed " + seed);
        for (String m : List.of("hardBrakingEvents", "hazardToAwareness", "hazardToBrake", "phantomBraking",
            "awarenessRatio", "onboardAge", "collisionsPedestrian")) {
          assertEquals(base.metric(m), r.metric(m), arm.name() + " seed " + seed + " " + m);
        }
      }
    }
  }

  @Test
  void udpGivesTheSameResultsAsInProcess() {
    CompiledScenario inProcess = scene("inprocess");
    CompiledScenario udp = scene("udp");
    for (long seed = 1; seed <= 2; seed++) {
      RunResult a = ArmRun.run(inProcess, arm(inProcess, "v2x"), seed, RunListener.NONE);
      RunResult b = ArmRun.run(udp, arm(udp, "v2x"), seed, RunListener.NONE);
      assertTrue(a.metric("framesPerSecondPerRsu") > 0, "frames flowed");
      assertEquals(a, b, "seed " + seed);
    }
  }
}
