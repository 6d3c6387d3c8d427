package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hazard, awareness and age metrics on the occluded-pedestrian scene: the hazard clock comes from ground truth
 * alone, so where an RSU stands cannot move a vehicle-only arm's figures; warm-up is honoured.
 */
class HazardMetricsTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();
  private static final Path FILE =
      Path.of(System.getProperty("v2xsim.catalog", "catalog")).resolve("occluded-pedestrian.yaml");
  private static final List<String> HAZARD_METRICS =
      List.of("hazards", "hazardToAwareness", "hazardToBrake", "hazardsNeverBraked");

  private static CompiledScenario scene(String from, String to) throws IOException {
    String text = Files.readString(FILE);
    assertTrue(text.contains(from), from);
    return LOADER.compile(LOADER.parse(FILE, FILE.toString(), text.replace(from, to)), SpecOverrides.NONE);
  }

  private static Arm arm(CompiledScenario s, String name) {
    return s.cooperation().arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void movingTheRoadsideUnitLeavesTheVehicleOnlyArmsHazardMetricsAlone() throws IOException {
    // The RSU on the opposite kerb, and 60 m back down the road where it sees the pedestrian later: the old
    // clock started when any sensor of the scene, RSUs included, could see her.
    CompiledScenario here = scene("x: 222\n      y: 9", "x: 222\n      y: 9");
    CompiledScenario moved = scene("x: 222\n      y: 9", "x: 160\n      y: 9");
    for (long seed = 1; seed <= 3; seed++) {
      RunResult a = ArmRun.run(here, arm(here, "vehicle-only"), seed, RunListener.NONE);
      RunResult b = ArmRun.run(moved, arm(moved, "vehicle-only"), seed, RunListener.NONE);
      assertEquals(1.0, a.metric("hazards"), "the pedestrian becomes relevant to the ego, seed " + seed);
      for (String m : HAZARD_METRICS) {
        assertEquals(a.metric(m), b.metric(m), m + " seed " + seed);
      }
      assertFalse(Double.isNaN(a.metric("hazardToBrake")), "the car brakes for her, seed " + seed);
      // The V2X arm sees her through the RSU before she steps out, so it is aware earlier than the car alone.
      RunResult v = ArmRun.run(here, arm(here, "v2x"), seed, RunListener.NONE);
      assertEquals(1.0, v.metric("hazards"), "seed " + seed);
      assertTrue(v.metric("hazardToAwareness") < a.metric("hazardToAwareness"), "seed " + seed);
    }
  }

  @Test
  void theVehicleOnlyArmHasNoReceivedObjectsAndNoRsuAwareness() throws IOException {
    CompiledScenario s = scene("warmup: 0", "warmup: 0");
    RunResult a = ArmRun.run(s, arm(s, "vehicle-only"), 1, RunListener.NONE);
    assertTrue(Double.isNaN(a.metric("aoiMean")));
    assertTrue(Double.isNaN(a.metric("awarenessRsu")));
    assertFalse(Double.isNaN(a.metric("awarenessOnboard")));
    assertEquals(a.metric("awarenessRatio"), a.metric("awarenessOnboard"), 1e-12);
    RunResult v = ArmRun.run(s, arm(s, "v2x"), 1, RunListener.NONE);
    for (String m : List.of("aoiMean", "aoiP95", "aoiSensingFusion", "aoiChannel", "aoiWaiting",
        "e2eOverBudgetLowerAutomation", "e2eOverBudgetHigherAutomation", "awarenessRsu")) {
      assertFalse(Double.isNaN(v.metric(m)), m);
    }
    assertEquals(v.metric("aoiMean"), v.metric("aoiSensingFusion") + v.metric("aoiChannel")
        + v.metric("aoiWaiting"), 1e-9, "the stages add up to the age");
    // The channel: 30 ms latency, 20 ms jitter, 100 ms ceiling: never over the 100 ms budget, often over 10 ms.
    assertEquals(0.0, v.metric("e2eOverBudgetLowerAutomation"));
    assertTrue(v.metric("e2eOverBudgetHigherAutomation") > 0.5);
    for (String gone : List.of("aoiSensing", "aoiFusion", "aoiEncoding", "aoiDecoding", "aoiOverBudget")) {
      assertTrue(Double.isNaN(v.metric(gone)), gone + " is no longer reported");
    }
  }

  @Test
  void nothingIsMeasuredBeforeTheWarmUpEnds() throws IOException {
    // The ego departs at 2 s and has left the 400 m road long before 39 s.
    CompiledScenario none = scene("warmup: 0", "warmup: 0");
    CompiledScenario late = scene("warmup: 0", "warmup: 39");
    RunResult a = ArmRun.run(none, arm(none, "v2x"), 1, RunListener.NONE);
    RunResult b = ArmRun.run(late, arm(late, "v2x"), 1, RunListener.NONE);
    assertEquals(1.0, a.metric("hazards"));
    assertFalse(Double.isNaN(a.metric("aoiMean")));
    assertFalse(Double.isNaN(a.metric("awarenessRatio")));
    assertFalse(Double.isNaN(a.metric("hazardToBrake")));
    assertNotEquals(0.0, a.metric("hazardBrakingEpisodes"));
    assertEquals(0.0, b.metric("hazards"));
    for (String m : List.of("aoiMean", "aoiP95", "awarenessRatio", "minTtcEgoTrue", "minTtcEgoPerceived",
        "trackMota", "hazardToBrake")) {
      assertTrue(Double.isNaN(b.metric(m)), m);
    }
    assertEquals(0.0, b.metric("hazardBrakingEpisodes"));
  }
}
