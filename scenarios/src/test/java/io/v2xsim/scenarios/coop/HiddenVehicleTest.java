package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A car on the main road that a corner building hides from an automated car which must give way to it. What the
 * agent knows decides whether it gives way: without sight of the main road (and with the naive policy, which takes
 * unseen space as empty) it goes first; told by the roadside unit, it waits for the car.
 */
class HiddenVehicleTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();

  private static CompiledScenario scene() throws URISyntaxException {
    Path file = Path.of(HiddenVehicleTest.class.getResource("/hidden-vehicle-yield.yaml").toURI());
    return LOADER.compile(LOADER.read(file), new SpecOverrides(null, null, null, null));
  }

  private static Arm arm(CompiledScenario s, String name) {
    return s.cooperation().arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }

  /** When the ego's front first crosses the main road's centre line, and when the hidden car's crosses the side road's. */
  private static final class Crossings implements RunListener {
    double ego = Double.NaN;
    double hidden = Double.NaN;

    @Override
    public boolean wantsTrajectories() {
      return true;
    }

    @Override
    public void trajectory(double t, String id, double x, double y, double speed, double heading, String lane) {
      if (id.equals("ego") && Double.isNaN(ego) && x > 0) {
        ego = t;
      }
      if (id.equals("hidden") && Double.isNaN(hidden) && y > 0) {
        hidden = t;
      }
    }

    boolean egoFirst() {
      return ego < hidden;
    }
  }

  @Test
  void onlyTheAgentThatIsToldOfTheHiddenCarGivesWay() throws Exception {
    CompiledScenario s = scene();
    int seeds = 8;
    int naiveFirst = 0;
    int v2xFirst = 0;
    int blindFirst = 0;
    int naiveHits = 0;
    int blindHits = 0;
    int v2xHits = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Crossings naive = new Crossings();
      Crossings v2x = new Crossings();
      Crossings blind = new Crossings();
      RunResult n = ArmRun.run(s, arm(s, "vehicle-only-naive"), seed, naive);
      RunResult v = ArmRun.run(s, arm(s, "v2x-naive"), seed, v2x);
      RunResult b = ArmRun.run(s, arm(s, "no-sensors-naive"), seed, blind);
      naiveFirst += naive.egoFirst() ? 1 : 0;
      v2xFirst += v2x.egoFirst() ? 1 : 0;
      blindFirst += blind.egoFirst() ? 1 : 0;
      naiveHits += n.metric("collisions") > 0 ? 1 : 0;
      v2xHits += v.metric("collisions") > 0 ? 1 : 0;
      blindHits += b.metric("collisions") > 0 ? 1 : 0;
    }
    System.out.printf("ego crossed first: vehicle-only-naive %d, v2x-naive %d, no-sensors %d of %d; "
        + "collisions %d, %d, %d%n", naiveFirst, v2xFirst, blindFirst, seeds, naiveHits, v2xHits, blindHits);
    assertTrue(naiveFirst >= seeds / 2, "the hidden car is not yielded to by an agent that cannot see it");
    assertTrue(v2xFirst == 0, "the agent that receives it gives way every time");
    assertTrue(blindHits >= naiveHits && naiveHits >= v2xHits, "more perception is never worse");
  }
}
