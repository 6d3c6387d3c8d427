package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.LaneLinkSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.NodeSpec;
import io.v2xsim.core.spec.ScenarioSpec.RoadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lane-level connections: a one-lane road S-J1 whose lane links lead into both lanes of J1-J2; at J2 the right
 * lane turns right (to R) and the left lane turns left (to L). Drivers pick the target lane at J1 by the turn
 * after it, so both links are used and no one needs a lane change.
 */
class LaneLinksTest {
  private static CompiledScenario scenario(double seconds) {
    List<NodeSpec> nodes = List.of(new NodeSpec("S", 0.0, -300.0, "boundary"), new NodeSpec("J1", 0.0, 0.0, "priority"),
        new NodeSpec("J2", 0.0, 300.0, "priority"), new NodeSpec("R", 300.0, 300.0, "boundary"),
        new NodeSpec("L", -300.0, 300.0, "boundary"));
    List<RoadSpec> roads = List.of(
        road("S-J1", "S", "J1", 1, List.of(new LaneLinkSpec(0, "J1-J2", 0, null), new LaneLinkSpec(0, "J1-J2", 1, null))),
        road("J1-J2", "J1", "J2", 2, List.of(new LaneLinkSpec(0, "J2-R", 0, null), new LaneLinkSpec(1, "J2-L", 0, null))),
        road("J2-R", "J2", "R", 1, null), road("J2-L", "J2", "L", 1, null));
    DemandSpec demand = new DemandSpec(List.of(
        new FlowSpec("right", null, null, List.of("S-J1", "J1-J2", "J2-R"), 300.0, null, 0.0, null, null),
        new FlowSpec("left", null, null, List.of("S-J1", "J1-J2", "J2-L"), 300.0, null, 0.0, null, null)),
        null, null);
    return ScenarioCompiler.compile(new ScenarioSpec("lane-links", null, new NetworkSpec(null, nodes, roads), Map.of(),
        demand, null, new ExperimentSpec(seconds, 0.1, 1, 1L, null), null));
  }

  private static RoadSpec road(String id, String from, String to, int lanes, List<LaneLinkSpec> links) {
    return new RoadSpec(id, from, to, lanes, 3.2, 13.89, null, null, null, links);
  }

  @Test
  void eachLaneLinkIsItsOwnConnectorAndTheRouteChoosesAmongThem() {
    RoadNetwork n = scenario(60).model().network();
    Lane in = n.road("S-J1").lanes().get(0);
    Road mid = n.road("J1-J2");
    assertEquals(2, in.outgoing().size(), "one connector per lane link: " + in.outgoing());
    assertEquals(mid.lanes().get(0), in.outgoing().get(0).to());
    assertEquals(mid.lanes().get(1), in.outgoing().get(1).to());
    assertEquals(mid.lanes().get(0), in.connectorTo(mid, n.road("J2-R"), 1).to(), "right next: the right lane");
    assertEquals(mid.lanes().get(1), in.connectorTo(mid, n.road("J2-L"), 0).to(), "left next: the left lane");
    // Where both serve (no turn after), drivers are spread over them by trip number.
    assertNotEquals(in.connectorTo(mid, null, 0), in.connectorTo(mid, null, 1));
    assertNotNull(in.connectorTo(mid, null, 7));
  }

  @Test
  void bothTargetLanesAreUsedAndNoDriverChangesLane() {
    CompiledScenario s = scenario(600);
    Lane in = s.model().network().road("S-J1").lanes().get(0);
    List<Connector> links = new ArrayList<>(in.outgoing());
    ConnectorUse use = new ConnectorUse(links);
    RunResult r = use.run(s, 1).result();
    int toRight = use.vehicles(links.get(0));
    int toLeft = use.vehicles(links.get(1));
    assertTrue(toRight > 20 && toLeft > 20, "vehicles per target lane: right " + toRight + ", left " + toLeft);
    assertEquals(0.0, r.metric("laneChanges"), "every driver entered the lane its next turn needs");
    assertEquals(0.0, r.metric("reroutes"));
    assertEquals(0, r.collisions().size(), r.collisions().toString());
    assertTrue(r.metric("tripsCompleted") >= toRight + toLeft - 10, "completed " + r.metric("tripsCompleted"));
  }
}
