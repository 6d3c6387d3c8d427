package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.RoadNetwork;
import org.junit.jupiter.api.Test;

/**
 * Geometry from the source, CityFlow: a road's lanes end the intersection's {@code width} from its centre, as in
 * CityFlow, and each lane link's {@code points} are its connector's path. The LibSignal Hangzhou junction has
 * width 10; its link from road_0_1_0 (west, heading east along y = 0, lanes right of the line) lane 1 (the right
 * one, y = -4.5; our lane 0, we count from the right) to road_1_1_0 lane 0 (our 1) runs straight from
 * (-10, -4.5) through (0, -3) to (10, -1.5) in the file.
 */
class CityFlowGeometryTest {
  @Test
  void lanesEndAtTheIntersectionsWidthAndLinksFollowTheirPoints() {
    RoadNetwork net = ImportFixtures.compile(ImportFixtures.cityflow(ImportFixtures.HZ_ROADNET,
        ImportFixtures.HZ_FLOW), 10).model().network();
    Lane in = net.road("road_0_1_0").lanes().get(0);
    Polyline lane = in.shape();
    assertEquals(-10.0, lane.x(lane.size() - 1), 1e-6, "lane ends 10 m before the centre");
    Connector c = null;
    for (Connector o : in.outgoing()) {
      if (o.to().road().id().equals("road_1_1_0") && o.to().number() == 1) {
        c = o;
      }
    }
    assertTrue(c != null, "a connector into lane 1 of road_1_1_0: " + in.outgoing());
    Polyline p = c.shape();
    assertEquals(11, p.size(), "the link's 11 points");
    assertEquals(0.0, p.x(5), 1e-6);
    assertEquals(-3.0, p.y(5), 1e-6);
    assertEquals(10.0, p.x(p.size() - 1), 1e-6);
  }
}
