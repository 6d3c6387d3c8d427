package io.v2xsim.core.engine;

import static io.v2xsim.core.TestScenarios.node;
import static io.v2xsim.core.TestScenarios.road;
import static io.v2xsim.core.TestScenarios.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.TripRecord;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.RoadSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Right of way at an unsignalized junction and lane changes a route needs. */
class JunctionBehaviourTest {

  /** A crossroads where the east-west road has priority {@code ew} and the north-south one {@code ns}. */
  private static RunResult crossroads(int ew, int ns) {
    List<RoadSpec> roads = List.of(
        road("W-J", "W", "J", 1, 13.89, ew), road("J-E", "J", "E", 1, 13.89, ew),
        road("E-J", "E", "J", 1, 13.89, ew), road("J-W", "J", "W", 1, 13.89, ew),
        road("S-J", "S", "J", 1, 13.89, ns), road("J-N", "J", "N", 1, 13.89, ns),
        road("N-J", "N", "J", 1, 13.89, ns), road("J-S", "J", "S", 1, 13.89, ns));
    List<FlowSpec> flows = List.of(
        new FlowSpec("we", "W-J", "J-E", null, 450.0, "poisson", 0.0, null, "car"),
        new FlowSpec("ew", "E-J", "J-W", null, 450.0, "poisson", 0.0, null, "car"),
        new FlowSpec("sn", "S-J", "J-N", null, 450.0, "poisson", 0.0, null, "car"),
        new FlowSpec("ns", "N-J", "J-S", null, 450.0, "poisson", 0.0, null, "car"));
    CompiledScenario s = ScenarioCompiler.compile(spec(
        List.of(node("W", 0, 0, "boundary"), node("E", 600, 0, "boundary"), node("S", 300, -300, "boundary"),
            node("N", 300, 300, "boundary"), node("J", 300, 0, "priority")),
        roads, null, new DemandSpec(flows, null, null), null, 1800));
    return Simulation.run(s, 3, RunListener.NONE);
  }

  private static double meanWaiting(RunResult r, String prefix) {
    return r.trips().stream().filter(t -> t.id().startsWith(prefix) && !Double.isNaN(t.arrival()))
        .mapToDouble(TripRecord::waitingTime).average().orElseThrow();
  }

  @Test
  void minorRoadYieldsToMajorRoad() {
    RunResult r = crossroads(1, 0);
    double major = (meanWaiting(r, "we.") + meanWaiting(r, "ew.")) / 2;
    double minor = (meanWaiting(r, "sn.") + meanWaiting(r, "ns.")) / 2;
    System.out.printf("mean waiting: major %.2f s, minor %.2f s%n", major, minor);
    assertEquals(0, r.collisions().size(), "collisions: " + r.collisions());
    assertTrue(minor > 1.0, "minor road traffic should wait for gaps, waited " + minor);
    assertTrue(major < 0.5, "major road traffic should not wait, waited " + major);

    RunResult swapped = crossroads(0, 1);
    double majorNow = (meanWaiting(swapped, "sn.") + meanWaiting(swapped, "ns.")) / 2;
    double minorNow = (meanWaiting(swapped, "we.") + meanWaiting(swapped, "ew.")) / 2;
    assertEquals(0, swapped.collisions().size());
    assertTrue(minorNow > majorNow + 1.0, "who waits follows priority: " + minorNow + " vs " + majorNow);
  }

  @Test
  void changesLaneToReachTurnLane() {
    // Road A-J1 (two lanes, straight only) feeds J1-J2 whose left lane alone may turn left at J2.
    // Inserted in the right lane, the vehicle must move left within J1-J2 to follow its route north.
    List<RoadSpec> roads = List.of(
        road("A-J1", "A", "J1", 2, 13.89, 1),
        new RoadSpec("J1-J2", "J1", "J2", 2, null, 13.89, 1, null, List.of("sr", "l")),
        road("J2-B", "J2", "B", 2, 13.89, 1), road("J2-N", "J2", "N", 1, 13.89, 0),
        road("S1-J1", "S1", "J1", 1, 13.89, 0), road("J1-S1", "J1", "S1", 1, 13.89, 0));
    List<TripSpec> trips = List.of(
        new TripSpec("turner", 0.0, null, null, List.of("A-J1", "J1-J2", "J2-N"), "car"));
    CompiledScenario s = ScenarioCompiler.compile(spec(
        List.of(node("A", 0, 0, "boundary"), node("J1", 200, 0, "priority"), node("J2", 500, 0, "priority"),
            node("B", 800, 0, "boundary"), node("N", 500, 200, "boundary"), node("S1", 200, -200, "boundary")),
        roads, null, new DemandSpec(null, trips, null), null, 300));
    Engine e = new Engine(s.model(), 1);
    var rightLane = s.model().network().road("J1-J2").lanes().get(0);
    var leftLane = s.model().network().road("J1-J2").lanes().get(1);
    boolean wasRight = false;
    boolean wasLeft = false;
    while (e.time() < 300) {
      e.step();
      wasRight |= !e.positionsOn(rightLane).isEmpty();
      wasLeft |= !e.positionsOn(leftLane).isEmpty();
    }
    RunResult r = e.result();
    TripRecord t = r.trips().get(0);
    assertTrue(wasRight, "entered J1-J2 in the right lane");
    assertTrue(wasLeft, "moved to the left-turn lane");
    assertFalse(Double.isNaN(t.arrival()), "reached J2-N");
    assertEquals(0.0, r.metric("reroutes"));
    assertTrue(r.metric("laneChanges") >= 1);
  }
}
