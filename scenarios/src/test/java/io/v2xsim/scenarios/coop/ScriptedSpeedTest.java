package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoadException;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted vehicle's speed profile: a lead car that drops from the limit to 3 m/s 150 m along its route (a
 * sudden braking in front of an automated car), by hand: before 150 m it drives at the limit, from about 170 m at
 * 3 m/s; the automated car behind it slows too and does not hit it. A wrong profile is reported at its field.
 */
class ScriptedSpeedTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();
  @TempDir Path dir;

  private static String scene(String changes) {
    return """
        name: sudden-braking
        network:
          nodes:
            - {id: W, x: 0, y: 0, type: boundary}
            - {id: E, x: 500, y: 0, type: boundary}
          roads:
            - {id: W-E, from: W, to: E, lanes: 1, speedLimit: 13.89}
        vehicleTypes:
          lead: {vehicleClass: car, speedFactor: 0}
          ego: {vehicleClass: car, automated: true, speedFactor: 0}
        demand:
          trips:
            - {id: lead, depart: 0, from: W-E, to: W-E, type: lead, speedChanges: %s}
            - {id: ego, depart: 3, from: W-E, to: W-E, type: ego}
        arms:
          - {name: vehicle-only, onboard: standard}
        experiment: {duration: 60, dt: 0.05, seeds: 1}
        outputs: {trajectoryInterval: 0.1}
        """.formatted(changes);
  }

  @Test
  void theLeadCarSlowsWhereItsProfileSaysAndTheCarBehindFollowsItDown() throws Exception {
    Path f = dir.resolve("sudden.yaml");
    Files.writeString(f, scene("[{at: 150, speed: 3}]"));
    CompiledScenario s = LOADER.compile(LOADER.read(f), SpecOverrides.NONE);
    double[] before = {Double.POSITIVE_INFINITY};
    double[] after = {0, Double.POSITIVE_INFINITY};
    double[] egoSlowest = {Double.POSITIVE_INFINITY};
    RunListener l = new RunListener() {
      @Override
      public boolean wantsTrajectories() {
        return true;
      }

      @Override
      public void trajectory(double t, String id, double x, double y, double speed, double heading, String lane) {
        // The route starts at the road's start (x = 0); its first metres after the junction trim are near 0.
        if (id.equals("lead") && x > 40 && x < 145) {
          before[0] = Math.min(before[0], speed);
        }
        if (id.equals("lead") && x > 175 && x < 300) {
          after[0] = Math.max(after[0], speed);
          after[1] = Math.min(after[1], speed);
        }
        if (id.equals("ego") && x > 200 && x < 300) {
          egoSlowest[0] = Math.min(egoSlowest[0], speed);
        }
      }
    };
    var r = ArmRun.run(s, s.cooperation().arms().get(0), 1, l);
    assertTrue(before[0] > 13.5, "at the limit before 150 m: " + before[0]);
    assertEquals(3.0, after[0], 0.05, "3 m/s from about 170 m on");
    assertEquals(3.0, after[1], 0.05);
    assertTrue(egoSlowest[0] < 3.5, "the car behind slows to its pace: " + egoSlowest[0]);
    assertEquals(0.0, r.metric("collisions"));
  }

  @Test
  void aProfileGoingBackwardsIsReportedAtItsField() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, scene("[{at: 150, speed: 3}, {at: 120, speed: 10}]"));
    ScenarioLoadException e = assertThrows(ScenarioLoadException.class,
        () -> LOADER.compile(LOADER.read(f), SpecOverrides.NONE));
    assertTrue(e.getMessage().contains("demand.trips[0].speedChanges[1].at"), e.getMessage());
    assertTrue(e.getMessage().contains("larger than the one before"), e.getMessage());
  }
}
