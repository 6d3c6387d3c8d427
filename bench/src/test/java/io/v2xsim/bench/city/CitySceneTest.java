package io.v2xsim.bench.city;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.coop.ArmRun;
import org.junit.jupiter.api.Test;

class CitySceneTest {
  @Test
  void generatedCityIsAValidCooperativeScenario() {
    CityScene city = CityScene.forVehicles(1000);
    CompiledScenario s = city.compile();
    assertEquals(36, s.cooperation().rsus().size(), "an RSU at every other junction of a 12 x 12 grid");
    assertEquals(1, s.cooperation().arms().size());
    assertTrue(s.cooperation().arms().get(0).useRsu());
    assertEquals(0.1, s.dt(), 1e-12);
  }

  @Test
  void stepperAdvancesTheWholeWiringAndFills() {
    CityScene city = CityScene.forVehicles(1000).withWarmup(10);
    try (ArmRun.Stepper run = city.warmedUp()) {
      assertEquals(10.0, run.engine().time(), 1e-6);
      assertTrue(run.engine().vehicleCount() > 10, "vehicles entered: " + run.engine().vehicleCount());
      assertTrue(run.agents() > 0, "some are automated agents");
      assertEquals(36, run.roadsideUnits());
      long tick = run.engine().tick();
      run.step();
      assertEquals(tick + 1, run.engine().tick());
    }
  }
}
