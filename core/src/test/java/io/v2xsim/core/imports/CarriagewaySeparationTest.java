package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarriagewaySeparationTest {
  private static final Path SUMO = Path.of(System.getProperty("v2xsim.data", "../data"), "sumo");

  private static CarriagewaySeparation.Carriageway way(String id, String from, String to, double x0, double y0,
      double x1, double y1) {
    return new CarriagewaySeparation.Carriageway(id, from, to, Polyline.of(x0, y0, x1, y1), 2 * 3.2);
  }

  @Test
  void twoWaysWhoseInnerLanesOverlapAreEachMovedHalfTheOverlapAndAMarginToTheirRight() {
    // East-bound A's lanes lie in y [-6.4, 0]; west-bound B's line is 1.2 m south of A's, its lanes to its
    // right (north) in y [-1.2, 5.2]: they share y [-1.2, 0], an overlap of 1.2 m; each moves 0.6 + 0.1 m.
    List<String> notes = new ArrayList<>();
    Map<String, Double> shifts = CarriagewaySeparation.shifts(List.of(
        way("A", "a", "b", 0, 0, 100, 0), way("B", "c", "d", 100, -1.2, 0, -1.2)),
        (kind, detail) -> notes.add(kind + ": " + detail));
    assertEquals(0.7, shifts.get("A"), 1e-9);
    assertEquals(0.7, shifts.get("B"), 1e-9);
    assertEquals(List.of("carriageways moved apart where the source's lanes overlap: 'A' and 'B' by 0.70 m each "
        + "(lanes overlapped by 1.20 m)"), notes);
    // Moved to their right, the lines are 1.2 + 2 x 0.7 = 2.6 m apart the other way round: 0.2 m between edges.
    List<double[]> a = CarriagewaySeparation.moved(List.of(new double[] {0, 0}, new double[] {100, 0}), 0.7);
    assertEquals(-0.7, a.get(0)[1], 1e-9);
  }

  @Test
  void twinsSameDirectionNeighboursAndWaysApartStayWhereTheyAre() {
    Map<String, Double> shifts = CarriagewaySeparation.shifts(List.of(
        way("twin1", "a", "b", 0, 0, 100, 0), way("twin2", "b", "a", 100, -1.2, 0, -1.2),
        way("same", "c", "d", 0, 20, 100, 20), way("same2", "e", "f", 0, 18, 100, 18),
        way("apart", "g", "h", 0, 50, 100, 50), way("apart2", "i", "j", 100, 51, 0, 51)), (k, d) -> { });
    // twins: they share their nodes; same direction: left to junction setbacks; "apart": A's lanes in y [43.6,
    // 50], west-bound apart2's to its right in y [51, 57.4], 1 m between them.
    assertEquals(Map.of(), shifts);
  }

  @Test
  void aDeepOverlapIsMovedNoMoreThanTheJunctionPathsCanFollow() {
    Map<String, Double> shifts = CarriagewaySeparation.shifts(List.of(
        way("A", "a", "b", 0, 0, 100, 0), way("B", "c", "d", 100, -4, 0, -4)), (k, d) -> { });
    assertEquals(CarriagewaySeparation.MAX_SHIFT, shifts.get("A"), 1e-9);
  }

  @Test
  void netconvertsDividedRoadInHoChiMinhCityGetsLanesThatNoLongerOverlap() {
    double seconds = 1;
    ImportedScenario imported = SumoImporter.read(SUMO.resolve("hcmc-small/hcmc-small.net.xml"),
        SUMO.resolve("hcmc-small/hcmc-small.rou.xml"), p -> p.getFileName().toString(), seconds);
    assertTrue(imported.notes().stream().anyMatch(n -> n.startsWith(
        "carriageways moved apart where the source's lanes overlap: '1200728225#1' and '1464602838'")),
        String.valueOf(imported.notes()));
    CompiledScenario s = ImportFixtures.compile(imported, seconds);
    RoadNetwork net = s.model().network();
    // SUMO lays the two inner lanes' centres 2.0 m apart; lanes are 3.2 m wide.
    Lane a = net.road("1200728225#1").lanes().get(1);
    Lane b = net.road("1464602838").lanes().get(1);
    double[] proj = new double[2];
    double mid = a.length() / 2;
    b.shape().project(a.shape().xAt(mid * a.shapeScale()), a.shape().yAt(mid * a.shapeScale()), proj);
    assertTrue(Math.abs(proj[1]) >= 3.2, "lane centres " + Math.abs(proj[1]) + " m apart");
  }
}
