package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import io.v2xsim.vehicle.agent.AutomatedDriver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Braking episodes by hand: decisions every 0.05 s that brake for an object, stop, and brake again. A pause of
 * 0.5 s continues the episode; one of 1.45 s starts a new one. The object is where no road user is, so each
 * episode is also a phantom braking.
 */
class BrakingEpisodesTest {
  @Test
  void brakingThatResumesWithinASecondIsOneEpisode() throws Exception {
    ScenarioLoader loader = new ScenarioLoader();
    Path file = Path.of(BrakingEpisodesTest.class.getResource("/random-crossings.yaml").toURI());
    CompiledScenario s = loader.compile(loader.read(file), SpecOverrides.NONE);
    Engine engine = new Engine(s.model(), 1);
    Arm arm = s.cooperation().arms().get(0);
    CoopMetrics m = new CoopMetrics(engine, List.of(), arm);
    AutomatedDriver agent = new AutomatedDriver(7, "ego", List.of(), false, 1, 0.05, 0.1, m);
    double[] braking = {1.00, 1.05, 1.10, /* 0.5 s pause */ 1.60, 1.65, /* 1.45 s pause */ 3.10, 3.15};
    for (int tick = 20; tick <= 70; tick++) {
      double t = tick * 0.05;
      boolean brakes = false;
      for (double b : braking) {
        brakes |= Math.abs(b - t) < 1e-9;
      }
      m.decided(agent, t, brakes ? -3 : 0, brakes ? 3 : 0, 1e4, 1e4, (byte) 1);
    }
    List<MetricValue> out = m.results(10, 0, 0, 0, 0);
    assertEquals(2.0, value(out, "hazardBrakingEpisodes"));
    assertEquals(2.0, value(out, "phantomBraking"));
  }

  private static double value(List<MetricValue> out, String name) {
    return out.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().value();
  }
}
