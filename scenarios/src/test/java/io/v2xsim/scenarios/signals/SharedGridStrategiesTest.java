package io.v2xsim.scenarios.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import io.v2xsim.scenarios.load.ScenarioSource;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Max-pressure against the files' own fixed plans on the shared LibSignal 4x4 grid (CityFlow network and demand,
 * imported): an assertion on measured travel times over several seeds.
 *
 * <p>CityFlow's demand and drivers are deterministic, so seeds would all give the same run. Each vehicle here
 * draws its desired speed with a 10% spread (SUMO's default speedDev), which makes seeds independent replications
 * of the same demand. Half an hour keeps the test short; surrogate-safety measurement is off (only travel times
 * are asserted).
 */
class SharedGridStrategiesTest {
  private static final Path CATALOG = Path.of(System.getProperty("v2xsim.catalog", "catalog"));
  private static final double DURATION = 1800;
  private static final int SEEDS = 3;

  private static CompiledScenario compile(String strategy) {
    ScenarioSpec spec = ScenarioSource.fromFile(CATALOG.resolve("syn-4x4.yaml"), DURATION).spec();
    Map<String, VehicleTypeSpec> types = new LinkedHashMap<>();
    spec.vehicleTypes().forEach((name, t) -> types.put(name, new VehicleTypeSpec(t.vehicleClass(), t.length(),
        t.width(), t.maxSpeed(), t.accel(), t.decel(), t.emergencyDecel(), t.headway(), t.minGap(), t.delta(),
        t.politeness(), t.changeThreshold(), 0.1, t.automated())));
    ScenarioSpec varied = new ScenarioSpec(spec.name(), spec.description(), spec.network(), types, spec.demand(),
        spec.signals(), spec.experiment(), spec.outputs(), spec.actors(), spec.scene(), spec.infrastructure(),
        spec.sensorSuites(), spec.channel(), spec.arms());
    return ScenarioCompiler.compile(new SpecOverrides(null, null, DURATION, null, strategy).applyTo(varied));
  }

  private static RunResult run(CompiledScenario s, long seed) {
    Engine engine = new Engine(s.model(), seed);
    engine.measureSafety(false);
    engine.runToEnd(RunListener.NONE);
    return engine.result();
  }

  @Test
  void maxPressureBeatsTheGivenFixedPlanOnEverySeed() throws Exception {
    CompiledScenario fixed = compile("fixed");
    CompiledScenario pressure = compile("max-pressure");
    assertEquals(16, fixed.model().signalPlans().size());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<RunResult>> a = new ArrayList<>();
      List<Future<RunResult>> b = new ArrayList<>();
      for (long seed = 1; seed <= SEEDS; seed++) {
        long s = seed;
        a.add(pool.submit(() -> run(fixed, s)));
        b.add(pool.submit(() -> run(pressure, s)));
      }
      double sumFixed = 0;
      double sumPressure = 0;
      double firstFixed = Double.NaN;
      for (int i = 0; i < SEEDS; i++) {
        RunResult f = a.get(i).get();
        RunResult p = b.get(i).get();
        double tf = f.metric("avgTravelTimeCityFlow");
        double tp = p.metric("avgTravelTimeCityFlow");
        assertTrue(tp < tf, "seed " + (i + 1) + ": max-pressure " + tp + " s vs fixed " + tf + " s");
        assertTrue(p.metric("tripsCompleted") > f.metric("tripsCompleted"), "seed " + (i + 1));
        assertEquals(0, p.metric("redLightViolations"), "seed " + (i + 1));
        assertEquals(0, p.collisions().size(), "seed " + (i + 1));
        assertEquals(0, f.metric("redLightViolations"), "seed " + (i + 1) + ", the files' plan");
        assertEquals(0, f.collisions().size(), "seed " + (i + 1) + ", the files' plan");
        if (i == 0) {
          firstFixed = tf;
        } else {
          assertTrue(tf != firstFixed, "seeds must be independent replications, not copies");
        }
        sumFixed += tf;
        sumPressure += tp;
      }
      assertTrue(sumPressure < 0.9 * sumFixed,
          "max-pressure mean " + sumPressure / SEEDS + " s vs fixed " + sumFixed / SEEDS + " s");
    } finally {
      pool.shutdownNow();
    }
  }
}
