package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A scripted actor's size, pause and speed change, as the world (and so every sensor and metric) sees them. Hand
 * computed: starts at t = 1 s at y = -10 walking 1 m/s, reaches the kerb 4 m on (y = -6) at t = 5 s, stands
 * until t = 7 s, then runs at 3 m/s over the remaining 16 m (y = 10 at t = 12.3 s) and leaves.
 */
class ActorMotionTest {
  @Test
  void theChildWalksStopsAtTheKerbThenRunsAcross() throws Exception {
    ScenarioLoader loader = new ScenarioLoader();
    Path file = Path.of(ActorMotionTest.class.getResource("/child-pauses-then-runs.yaml").toURI());
    CompiledScenario s = loader.compile(loader.read(file), SpecOverrides.NONE);
    Engine e = new Engine(s.model(), 1);
    double[] y = new double[401];
    double[] v = new double[401];
    double[] len = new double[401];
    java.util.Arrays.fill(y, Double.NaN);
    for (int k = 0; k < 400; k++) {
      e.step();
      GroundTruth g = e.groundTruth();
      for (int i = 0; i < g.count; i++) {
        if (g.objectClass[i] == io.v2xsim.core.sensing.ObjectClass.PEDESTRIAN) {
          int t = (int) Math.round(e.time() / 0.05);
          y[t] = g.y[i];
          v[t] = Math.hypot(g.vx[i], g.vy[i]);
          len[t] = g.length[i];
        }
      }
    }
    assertEquals(-8.0, y(y, 3.0), 0.11, "walking at 1 m/s, 2 s after its start");
    assertEquals(1.0, v[tick(3.0)], 1e-9);
    assertEquals(-6.0, y(y, 5.5), 1e-6, "standing at the kerb");
    assertEquals(-6.0, y(y, 6.9), 1e-6, "still standing");
    assertEquals(0.0, v[tick(6.0)], 1e-9, "its speed is 0 while it pauses: sensors see it stand");
    assertEquals(-6.0 + 3.0 * 2.0, y(y, 9.0), 0.2, "running at 3 m/s since the pause ended at 7 s");
    assertEquals(3.0, v[tick(9.0)], 1e-9);
    assertEquals(0.3, len[tick(9.0)], 1e-9, "the child's own size, not the default pedestrian's 0.5 m");
    assertTrue(Double.isNaN(y(y, 13.0)), "gone at the end of its path (y = 10 at about 12.3 s)");
  }

  private static int tick(double t) {
    return (int) Math.round(t / 0.05);
  }

  private static double y(double[] y, double t) {
    return y[tick(t)];
  }
}
