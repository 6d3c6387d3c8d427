package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.ImportFixtures.HZ_FLOW;
import static io.v2xsim.core.imports.ImportFixtures.HZ_NET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_ROADNET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_ROUTES;
import static io.v2xsim.core.imports.ImportFixtures.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Hangzhou intersection of the LibSignal benchmark, from its SUMO and its CityFlow files, a whole hour under
 * the files' own plan: every green ends in an amber (neither file has one: SUMO's 5 s clearance phases are all
 * red, CityFlow's phase 0 lets only right turns go), and no driver runs a red or collides, on several seeds.
 */
class HangzhouSignalsTest {
  private static final double HOUR = 3600;

  /** Runs a whole hour, failing at the first tick where a movement goes from green to red without amber. */
  private static RunResult runWatchingSignals(CompiledScenario s, long seed) {
    Engine e = new Engine(s.model(), seed);
    List<Junction> signals = e.network().junctions().stream().filter(j -> j.kind() == JunctionKind.SIGNALIZED)
        .toList();
    assertEquals(1, signals.size());
    Junction j = signals.get(0);
    byte[] before = new byte[j.movements().size()];
    int ambers = 0;
    long ticks = Math.round(HOUR / e.dt());
    while (e.tick() < ticks) {
      e.step();
      for (int m = 0; m < before.length; m++) {
        byte now = e.signalState(j, m);
        if (e.tick() > 1 && SignalColor.isGreen(before[m]) && now == SignalColor.RED) {
          throw new AssertionError("seed " + seed + ": " + j.movements().get(m).label() + " went from green to red "
              + "without amber at t = " + e.time() + " s");
        }
        if (before[m] != SignalColor.YELLOW && now == SignalColor.YELLOW) {
          ambers++;
        }
        before[m] = now;
      }
    }
    // Eight 30 s phases of two movements in a 280 s cycle: about 12.9 cycles, 16 ambers each.
    assertTrue(ambers >= 12 * 16, "seed " + seed + ": " + ambers + " ambers in the hour");
    return e.result();
  }

  private static void assertEveryPhaseEndsInAmber(ImportedScenario s) {
    List<PhaseSpec> plan = s.signals().junctions().get("intersection_1_1").phases();
    assertEquals(8, plan.size());
    for (PhaseSpec p : plan) {
      assertEquals(3.0, p.yellow(), p.toString());
      assertEquals(2.0, p.allRed(), p.toString());
    }
  }

  private static void assertSafe(RunResult r, String what) {
    assertEquals(0, r.collisions().size(), what + ": " + r.collisions());
    assertEquals(0.0, r.metric("redLightViolations"), what);
    assertTrue(r.metric("tripsCompleted") > 1000, what + ": completed " + r.metric("tripsCompleted"));
  }

  @Test
  void sumoFilesGiveEachGreenAnAmberAndNoViolationsOnThreeSeeds() {
    ImportedScenario s = ImportFixtures.sumo(HZ_NET, HZ_ROUTES);
    assertEveryPhaseEndsInAmber(s);
    assertEquals(8, s.notes().stream().filter(n -> n.startsWith("amber inserted: ")).count(), s.notes().toString());
    CompiledScenario c = compile(s, HOUR);
    for (long seed = 1; seed <= 3; seed++) {
      assertSafe(runWatchingSignals(c, seed), "SUMO seed " + seed);
    }
  }

  @Test
  void cityFlowFilesGiveEachGreenAnAmberAndNoViolationsAsGivenAndWithSpreadDrivers() {
    ImportedScenario s = ImportFixtures.cityflow(HZ_ROADNET, HZ_FLOW);
    assertEveryPhaseEndsInAmber(s);
    assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("clearance phase: ")), s.notes().toString());
    // As given, CityFlow's drivers are all alike and its demand fixed: one seed is the whole story.
    assertSafe(runWatchingSignals(compile(s, HOUR), 1), "CityFlow as given");
    // With a 10% spread of desired speed (as the catalog's hangzhou-1x1), seeds are independent replications.
    Map<String, VehicleTypeSpec> spread = new LinkedHashMap<>();
    s.vehicleTypes().forEach((name, t) -> spread.put(name, new VehicleTypeSpec(t.vehicleClass(), t.length(),
        t.width(), t.maxSpeed(), t.accel(), t.decel(), t.emergencyDecel(), t.headway(), t.minGap(), t.delta(),
        t.politeness(), t.changeThreshold(), 0.1)));
    ImportedScenario varied = new ImportedScenario(s.network(), spread, s.demand(), s.signals(), s.notes());
    CompiledScenario c = compile(varied, HOUR);
    for (long seed = 1; seed <= 3; seed++) {
      assertSafe(runWatchingSignals(c, seed), "CityFlow, speed spread, seed " + seed);
    }
  }
}
