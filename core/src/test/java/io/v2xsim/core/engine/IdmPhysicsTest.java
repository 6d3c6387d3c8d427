package io.v2xsim.core.engine;

import static io.v2xsim.core.TestScenarios.node;
import static io.v2xsim.core.TestScenarios.road;
import static io.v2xsim.core.TestScenarios.spec;
import static io.v2xsim.core.TestScenarios.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import io.v2xsim.core.traffic.Idm;
import io.v2xsim.core.traffic.VehicleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Car following on the engine itself: equilibrium gaps, no collisions, comfortable stops. */
class IdmPhysicsTest {

  @Test
  void platoonSettlesAtEquilibriumGapAndNeverCollides() {
    // A slow leader (10 m/s) and eight cars that want 40 m/s: the cars must settle behind it at the IDM
    // equilibrium gap, which for v << v0 is s0 + vT.
    List<TripSpec> trips = new ArrayList<>();
    trips.add(new TripSpec("leader", 0.0, "A-B", "A-B", null, "slow"));
    for (int i = 1; i <= 8; i++) {
      trips.add(new TripSpec("car" + i, 2.0 * i, "A-B", "A-B", null, "steady"));
    }
    CompiledScenario s = ScenarioCompiler.compile(spec(
        List.of(node("A", 0, 0, "boundary"), node("B", 20_000, 0, "boundary")),
        List.of(road("A-B", "A", "B", 1, 40.0, 0)),
        Map.of("slow", type("car", 10.0, 0.0), "steady", type("car", 50.0, 0.0)),
        new DemandSpec(null, trips, null), null, 600));
    Engine e = new Engine(s.model(), 1);
    Link lane = s.model().network().road("A-B").lanes().get(0);
    double minGap = Double.MAX_VALUE;
    while (e.time() < 400) {
      e.step();
      List<double[]> vs = e.positionsOn(lane);
      for (int i = 1; i < vs.size(); i++) {
        minGap = Math.min(minGap, vs.get(i - 1)[1] - 4.5 - vs.get(i)[1]);
      }
    }
    VehicleType car = s.model().vehicleTypes().get("steady");
    double v = 10.0;
    double idmEquilibrium = Idm.equilibriumGap(car, v) / Math.sqrt(1 - Math.pow(v / 40.0, 4));
    List<double[]> vs = e.positionsOn(lane);
    assertEquals(9, vs.size());
    for (int i = 1; i < vs.size(); i++) {
      double gap = vs.get(i - 1)[1] - 4.5 - vs.get(i)[1];
      assertEquals(v, vs.get(i)[2], 0.05, "speed of follower " + i);
      assertEquals(idmEquilibrium, gap, 0.2, "gap behind vehicle " + (i - 1));
      assertEquals(car.minGap() + v * car.headway(), gap, 0.3, "s0 + vT");
    }
    assertTrue(minGap > car.minGap() * 0.5, "closest approach " + minGap + " m");
    assertEquals(0, e.result().collisions().size());
  }

  @Test
  void stopsBehindStoppedVehicleWithinComfortableDeceleration() {
    // The leader waits at a red light that never turns green for it; a car approaching at the speed limit
    // must come to rest behind it, braking no harder than its comfortable deceleration b (IDM's
    // "intelligent" braking keeps the kinematic deceleration near b in such approaches).
    List<TripSpec> trips = List.of(
        new TripSpec("leader", 0.0, null, null, List.of("A-J", "J-B"), "car"),
        new TripSpec("follower", 60.0, null, null, List.of("A-J", "J-B"), "steady"));
    CompiledScenario s = ScenarioCompiler.compile(spec(
        List.of(node("A", 0, 0, "boundary"), node("J", 1500, 0, "signalized"), node("B", 1700, 0, "boundary"),
            node("C", 1500, 200, "boundary")),
        List.of(road("A-J", "A", "J", 1, 13.89, 0), road("J-B", "J", "B", 1, 13.89, 0),
            road("C-J", "C", "J", 1, 13.89, 0), road("J-C", "J", "C", 1, 13.89, 0)),
        Map.of("steady", type("car", null, 0.0)),
        new DemandSpec(null, trips, null),
        new SignalsSpec(null, Map.of("J", new JunctionSignalSpec(null, 0.0,
            List.of(new PhaseSpec(3000.0, 3.0, 2.0, List.of("C-J>J-B"), null))))), 600));
    Engine e = new Engine(s.model(), 1);
    Lane lane = s.model().network().road("A-J").lanes().get(0);
    double minAccel = 0;
    double[] follower = null;
    while (e.time() < 400) {
      e.step();
      List<double[]> vs = e.positionsOn(lane);
      if (vs.size() == 2) {
        follower = vs.get(1);
        if (follower[2] > 0.5 || follower[1] > 100) {
          minAccel = Math.min(minAccel, follower[3]);
        }
      }
    }
    VehicleType car = s.model().vehicleTypes().get("steady");
    List<double[]> vs = e.positionsOn(lane);
    assertEquals(2, vs.size());
    double gap = vs.get(0)[1] - 4.5 - vs.get(1)[1];
    assertEquals(0.0, vs.get(1)[2], 1e-6, "follower at rest");
    assertEquals(car.minGap(), gap, 0.3, "stopped one minimum gap behind");
    System.out.printf("hardest braking on approach: %.2f m/s^2 (b = %.2f)%n", -minAccel, car.decel());
    assertTrue(-minAccel <= car.decel() * 1.05, "braked at " + (-minAccel) + " m/s^2, comfortable is " + car.decel());
  }
}
