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
 * An automated car reads a signal by camera or, in a V2X arm, from the SPaT its frames carry; never from the
 * engine. A radar-only car (no camera) at a signalized junction: without frames it cannot know the light and
 * waits at the line for the whole run; with them it crosses, and only on its green.
 */
class SpatTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();

  /** When the ego's front first passes the junction centre. */
  private static final class Crossing implements RunListener {
    double at = Double.NaN;

    @Override
    public boolean wantsTrajectories() {
      return true;
    }

    @Override
    public void trajectory(double t, String id, double x, double y, double speed, double heading, String lane) {
      if (id.equals("ego") && Double.isNaN(at) && y > 0) {
        at = t;
      }
    }
  }

  @Test
  void onlyTheCarThatReceivesSpatCrossesAndOnlyOnItsGreen() throws Exception {
    Path file = Path.of(SpatTest.class.getResource("/spat-without-camera.yaml").toURI());
    CompiledScenario s = LOADER.compile(LOADER.read(file), SpecOverrides.NONE);
    for (long seed = 1; seed <= 2; seed++) {
      Crossing blind = new Crossing();
      Crossing told = new Crossing();
      RunResult b = ArmRun.run(s, arm(s, "vehicle-only"), seed, blind);
      RunResult v = ArmRun.run(s, arm(s, "v2x"), seed, told);
      assertTrue(Double.isNaN(blind.at), "a car that cannot read the light does not take it for green");
      assertEquals(0, b.metric("redLightViolations"));
      // Phases: W-J green 0-20 s, yellow to 23, all-red to 25; S-J green 25-45 s.
      assertTrue(told.at > 25 && told.at < 48, "crossed at " + told.at + " s, inside its green (25-45 s)");
      assertEquals(0, v.metric("redLightViolations"));
      assertEquals(0, v.metric("collisions"));
    }
  }

  private static Arm arm(CompiledScenario s, String name) {
    return s.cooperation().arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }
}
