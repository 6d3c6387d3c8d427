package io.v2xsim.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.network.generate.GeneratedNetwork;
import io.v2xsim.core.network.generate.NetworkGenerators;
import io.v2xsim.core.network.generate.NetworkGenerators.RoadStyle;
import io.v2xsim.core.spec.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkBuilderTest {
  @Test
  void crossroadsHasTurnsConnectorsAndConflicts() {
    GeneratedNetwork g = NetworkGenerators.singleIntersection(200, new RoadStyle(2, 3.2, 13.89), true, "/g");
    RoadNetwork net = new NetworkBuilder(g.nodes(), g.roads()).build();
    Junction j = net.junction("J0_0");
    assertEquals(4, j.incoming().size());
    // Each approach: right, straight, left = 12 movements (no U-turns where other exits exist).
    assertEquals(12, j.movements().size());
    Road fromWest = net.road("B_W0-J0_0");
    assertEquals(Turn.STRAIGHT, j.movement(fromWest, net.road("J0_0-B_E0")).turn());
    assertEquals(Turn.LEFT, j.movement(fromWest, net.road("J0_0-B_N0")).turn());
    assertEquals(Turn.RIGHT, j.movement(fromWest, net.road("J0_0-B_S0")).turn());
    // Default lane use: right lane straight+right, left lane straight+left.
    assertEquals(Turn.STRAIGHT.bit() | Turn.RIGHT.bit(), fromWest.lanes().get(0).turnMask());
    assertEquals(Turn.STRAIGHT.bit() | Turn.LEFT.bit(), fromWest.lanes().get(1).turnMask());
    // The left turn from the west crosses the straight movement from the east, which has priority.
    Connector left = fromWest.lanes().get(1).connectorTo(net.road("J0_0-B_N0"));
    Connector oncoming = net.road("B_E0-J0_0").lanes().get(0).connectorTo(net.road("J0_0-B_W0"));
    Conflict c = left.conflicts().stream().filter(x -> x.other() == oncoming).findFirst().orElseThrow();
    assertTrue(c.yieldsStatically());
    Conflict back = oncoming.conflicts().stream().filter(x -> x.other() == left).findFirst().orElseThrow();
    assertTrue(!back.yieldsStatically());
  }

  @Test
  void laneThatLeadsNowhereIsNamed() {
    List<NodeDef> nodes = List.of(new NodeDef("A", 0, 0, null, "/n/0"), new NodeDef("J", 300, 0, null, "/n/1"),
        new NodeDef("B", 600, 0, null, "/n/2"));
    List<RoadDef> roads = List.of(
        new RoadDef("A-J", "A", "J", 2, 3.2, 13.89, 0, List.of(), List.of("s", "l"), "/network/roads/0"),
        new RoadDef("J-B", "J", "B", 1, 3.2, 13.89, 0, List.of(), null, "/network/roads/1"),
        new RoadDef("B-J", "B", "J", 1, 3.2, 13.89, 0, List.of(), null, "/network/roads/2"),
        new RoadDef("J-A", "J", "A", 1, 3.2, 13.89, 0, List.of(), null, "/network/roads/3"));
    NetworkBuilder b = new NetworkBuilder(nodes, roads);
    assertNull(b.build());
    Problem p = b.problems().get(0);
    assertEquals("/network/roads/0/laneTurns/1", p.path());
    assertTrue(p.message().contains("leads nowhere"), p.message());
  }

  @Test
  void roadToMissingNodeIsNamed() {
    NetworkBuilder b = new NetworkBuilder(List.of(new NodeDef("A", 0, 0, null, "/n/0")),
        List.of(new RoadDef("A-Q", "A", "Q", 1, 3.2, 13.89, 0, List.of(), null, "/network/roads/0")));
    assertNull(b.build());
    assertEquals("/network/roads/0/to", b.problems().get(0).path());
    assertTrue(b.problems().get(0).message().contains("'Q'"));
  }
}
