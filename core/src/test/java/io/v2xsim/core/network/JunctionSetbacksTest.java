package io.v2xsim.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.network.generate.GeneratedNetwork;
import io.v2xsim.core.network.generate.NetworkGenerators;
import io.v2xsim.core.network.generate.NetworkGenerators.RoadStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lanes end where no other road's carriageway overlaps them (issue 10: a body overlaps no lane it is not on). */
class JunctionSetbacksTest {
  /** Lanes whose centres are closer than this overlap by more than the slack a car leaves to each edge. */
  private static final double OVERLAP = 3.2 - 2 * JunctionSetbacks.EDGE_SLACK;

  @Test
  void roadsForkingAtTwentyDegreesEndTheirLanesWhereTheyNoLongerOverlap() {
    // One road in, two out 20 degrees apart. Their lane centres part by about 0.34 t + 0.1 m, so one-lane
    // carriageways, each taken in by the slack, overlap until about 7.3 m out; the junction radius (3.2 m +
    // 1.5 m = 4.7 m) is not enough.
    double a = Math.toRadians(20);
    List<NodeDef> nodes = List.of(new NodeDef("W", -200, 0, null, "/n/0"), new NodeDef("J", 0, 0, null, "/n/1"),
        new NodeDef("E", 200, 0, null, "/n/2"),
        new NodeDef("F", 200 * Math.cos(a), 200 * Math.sin(a), null, "/n/3"));
    List<RoadDef> roads = List.of(
        new RoadDef("W-J", "W", "J", 1, 3.2, 13.89, 0, List.of(), null, "/r/0"),
        new RoadDef("J-E", "J", "E", 1, 3.2, 13.89, 0, List.of(), null, "/r/1"),
        new RoadDef("J-F", "J", "F", 1, 3.2, 13.89, 0, List.of(), null, "/r/2"));
    RoadNetwork net = new NetworkBuilder(nodes, roads).build();
    Polyline toE = net.road("J-E").lanes().get(0).shape();
    Polyline toF = net.road("J-F").lanes().get(0).shape();
    assertTrue(toF.x(0) > 6.5, "J-F's lane starts " + toF.x(0) + " m out");
    assertTrue(minDistance(toF, toE) >= OVERLAP - 1e-6, "lane centres " + minDistance(toF, toE) + " m apart");
    assertTrue(minDistance(toE, toF) >= OVERLAP - 1e-6, "lane centres " + minDistance(toE, toF) + " m apart");
  }

  @Test
  void rightAnglesKeepTheJunctionRadius() {
    GeneratedNetwork g = NetworkGenerators.singleIntersection(200, new RoadStyle(2, 3.2, 13.89), true, "/g");
    RoadNetwork net = new NetworkBuilder(g.nodes(), g.roads()).build();
    for (Road r : net.roads()) {
      if (r.to().kind() != JunctionKind.BOUNDARY) {
        // Two lanes each way: 6.4 m carriageway + 1.5 m margin, from the junction at the origin.
        assertEquals(7.9, Math.hypot(r.centerline().x(r.centerline().size() - 1),
            r.centerline().y(r.centerline().size() - 1)), 1e-6, r.id());
      }
    }
  }

  private static double minDistance(Polyline a, Polyline b) {
    double best = Double.POSITIVE_INFINITY;
    double[] proj = new double[2];
    for (double s = 0; s <= a.length(); s += 0.25) {
      b.project(a.xAt(s), a.yAt(s), proj);
      best = Math.min(best, Math.abs(proj[1]) + (proj[0] <= 0 || proj[0] >= b.length() ? 1e9 : 0));
    }
    return best;
  }
}
