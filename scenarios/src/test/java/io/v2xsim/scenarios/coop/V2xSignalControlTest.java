package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoadException;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import io.v2xsim.scenarios.run.ExperimentRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signal control fed by roadside perception over V2X: emergency-vehicle priority and v2x-max-pressure, run
 * through the real RSU, frame and Netty path of the catalog scenarios.
 */
class V2xSignalControlTest {
  private static final Path CATALOG = Path.of(System.getProperty("v2xsim.catalog", "catalog"));

  @TempDir
  Path dir;

  static CompiledScenario compile(String name, Double duration, String strategy) {
    ScenarioLoader loader = new ScenarioLoader();
    return loader.compile(loader.read(CATALOG.resolve(name + ".yaml")),
        new SpecOverrides(null, null, duration, null, strategy));
  }

  private static RunResult run(CompiledScenario s, long seed) {
    return ArmRun.run(s, ExperimentRunner.armsOf(s).get(0), seed, RunListener.NONE);
  }

  @Test
  void emergencyPriorityShortensTheEmergencyVehiclesTripsInTheirCatalogScenario() {
    CompiledScenario fixed = compile("emergency-corridor", 1200.0, "fixed");
    CompiledScenario priority = compile("emergency-corridor", 1200.0, "fixed+priority");
    int seeds = 6;
    int better = 0;
    double sumDiff = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      RunResult a = run(fixed, seed);
      RunResult b = run(priority, seed);
      double without = a.metric("emergencyTravelTime");
      double with = b.metric("emergencyTravelTime");
      assertTrue(Double.isFinite(without) && Double.isFinite(with), "seed " + seed);
      assertTrue(Double.isNaN(a.metric("signalFramesReceived")), "no controller listens without priority");
      assertTrue(b.metric("signalFramesReceived") > 100, "controllers receive frames: "
          + b.metric("signalFramesReceived"));
      assertEquals(0, b.collisions().size(), "priority must not cause collisions, seed " + seed);
      better += with < without ? 1 : 0;
      sumDiff += with - without;
    }
    assertTrue(better >= seeds - 1, better + " of " + seeds + " seeds faster with priority");
    assertTrue(sumDiff / seeds < -15, "mean change of the emergency vehicles' time " + sumDiff / seeds + " s");
  }

  @Test
  void v2xMaxPressureActsOnTheFramesItReceives() throws Exception {
    CompiledScenario seeing = compile("v2x-signals-3x3", 900.0, "v2x-max-pressure");
    RunResult withFrames = run(seeing, 1);
    assertTrue(withFrames.metric("signalFramesReceived") > 1000, "frames: "
        + withFrames.metric("signalFramesReceived"));
    // The same controllers with every frame lost: they see empty queues and stop responding to traffic.
    Path lossy = dir.resolve("v2x-signals-3x3-lossy.yaml");
    Files.writeString(lossy, Files.readString(CATALOG.resolve("v2x-signals-3x3.yaml")) + "\nchannel:\n  loss: 1.0\n");
    ScenarioLoader loader = new ScenarioLoader();
    CompiledScenario blind = loader.compile(loader.read(lossy), new SpecOverrides(null, null, 900.0, null,
        "v2x-max-pressure"));
    RunResult withoutFrames = run(blind, 1);
    assertEquals(0, withoutFrames.metric("signalFramesReceived"));
    assertTrue(withoutFrames.metric("avgTravelTime") > withFrames.metric("avgTravelTime") * 1.05,
        "blind " + withoutFrames.metric("avgTravelTime") + " s vs seeing " + withFrames.metric("avgTravelTime")
            + " s");
  }

  @Test
  void v2xMaxPressureWithoutRoadsideUnitsIsABadScenario() throws Exception {
    Path file = Files.writeString(dir.resolve("no-rsus.yaml"), String.join("\n",
        "name: no-rsus",
        "network:",
        "  generator: {type: grid, rows: 2, cols: 2}",
        "signals:",
        "  defaults: {controller: v2x-max-pressure}",
        ""));
    ScenarioLoader loader = new ScenarioLoader();
    ScenarioLoadException e = assertThrows(ScenarioLoadException.class,
        () -> loader.compile(loader.read(file), SpecOverrides.NONE));
    assertTrue(e.getMessage().contains("infrastructure.rsus"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"), e.getMessage());
  }
}
