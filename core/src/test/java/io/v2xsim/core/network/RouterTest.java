package io.v2xsim.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.network.generate.GeneratedNetwork;
import io.v2xsim.core.network.generate.NetworkGenerators;
import io.v2xsim.core.network.generate.NetworkGenerators.RoadStyle;
import java.util.List;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static RoadNetwork grid(int rows, int cols) {
    GeneratedNetwork g = NetworkGenerators.grid(rows, cols, 200, 150, new RoadStyle(2, 3.2, 13.89), true, false, "/g");
    NetworkBuilder b = new NetworkBuilder(g.nodes(), g.roads());
    RoadNetwork net = b.build();
    assertTrue(b.problems().isEmpty(), b.problems().toString());
    return net;
  }

  @Test
  void shortestPathTreesAgreeWithPointToPointDijkstraOnEveryBoundaryPair() {
    RoadNetwork net = grid(5, 5);
    Router router = net.router();
    DijkstraShortestPath<Road, DefaultWeightedEdge> dijkstra = new DijkstraShortestPath<>(router.turnGraph());
    var bidirectional = new org.jgrapht.alg.shortestpath.BidirectionalDijkstraShortestPath<>(router.turnGraph());
    int pairs = 0;
    for (Road from : net.entryRoads()) {
      for (Road to : net.exitRoads()) {
        if (to.to() == from.from()) {
          continue;
        }
        List<Road> route = router.route(from, to);
        GraphPath<Road, DefaultWeightedEdge> ref = dijkstra.getPath(from, to);
        assertNotNull(route, from + " -> " + to);
        double w = 0;
        for (int i = 1; i < route.size(); i++) {
          w += Router.cost(route.get(i));
        }
        assertEquals(ref.getWeight(), w, 1e-9, "route cost " + from + " -> " + to);
        assertEquals(ref.getVertexList(), route, "route " + from + " -> " + to);
        assertEquals(bidirectional.getPath(from, to).getVertexList(), route, "bidirectional " + from + " -> " + to);
        assertTrue(router.isDrivable(route));
        pairs++;
      }
    }
    assertEquals(20 * 19, pairs);
  }

  @Test
  void routeAcrossGridHasManhattanLength() {
    RoadNetwork net = grid(4, 4);
    List<Road> r = net.router().route(net.road("B_W0-J0_0"), net.road("J3_3-B_N3"));
    // 3 blocks east + 3 blocks north between the entry and exit roads: 8 roads in all.
    assertEquals(8, r.size());
    assertEquals("B_W0-J0_0", r.get(0).id());
    assertEquals("J3_3-B_N3", r.get(r.size() - 1).id());
  }

  @Test
  void unreachableDestinationGivesNull() {
    List<NodeDef> nodes = List.of(new NodeDef("A", 0, 0, null, "/n/0"), new NodeDef("B", 300, 0, null, "/n/1"),
        new NodeDef("C", 600, 0, null, "/n/2"));
    List<RoadDef> roads = List.of(
        new RoadDef("A-B", "A", "B", 1, 3.2, 13.89, 0, List.of(), null, "/r/0"),
        new RoadDef("B-C", "B", "C", 1, 3.2, 13.89, 0, List.of(), null, "/r/1"),
        new RoadDef("C-B", "C", "B", 1, 3.2, 13.89, 0, List.of(), null, "/r/2"));
    RoadNetwork net = new NetworkBuilder(nodes, roads).build();
    assertNotNull(net.router().route(net.road("A-B"), net.road("B-C")));
    assertNull(net.router().route(net.road("C-B"), net.road("A-B")));
  }
}
