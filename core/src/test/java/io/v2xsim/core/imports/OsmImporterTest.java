package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.OsmText.refs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioSpec.NodeSpec;
import io.v2xsim.core.spec.ScenarioSpec.RoadSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmImporterTest {
  static final Path HCMC = Path.of(System.getProperty("v2xsim.data", "../data"), "osm", "hcmc-small", "map.osm");

  @TempDir
  Path dir;

  static ImportedScenario read(Path file) {
    return OsmImporter.read(file, p -> p.getFileName().toString());
  }

  private static RoadSpec road(ImportedScenario s, String from, String to) {
    List<RoadSpec> found = s.network().roads().stream().filter(r -> r.from().equals(from) && r.to().equals(to))
        .toList();
    assertEquals(1, found.size(), "roads " + from + " -> " + to + " in " + s.network().roads());
    return found.get(0);
  }

  private static NodeSpec node(ImportedScenario s, String id) {
    return s.network().nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * A crossroads: a two-way primary road north-south (lanes=4, so two a side), a one-way residential street
   * west to east with turn:lanes and a speed in mph, a footway and a service road that are left out.
   */
  private Path crossroads() throws IOException {
    return new OsmText()
        .node(1, 0, 0, "highway", "traffic_signals")
        .node(2, 0, 200).node(3, 0, -200).node(4, 200, 0).node(5, -200, 0).node(6, 100, 100).node(7, 0, 100)
        .way(10, refs(2, 7, 1, 3), "highway", "primary", "lanes", "4", "maxspeed", "50", "surface", "asphalt")
        // turn:lanes holds at the end of the way (https://wiki.openstreetmap.org/wiki/Key:turn): split at node 1
        .way(11, refs(5, 1), "highway", "residential", "oneway", "yes", "lanes", "2", "maxspeed", "30 mph",
            "turn:lanes", "left|through", "name:vi", "an unknown tag")
        .way(14, refs(1, 4), "highway", "residential", "oneway", "yes", "lanes", "2", "maxspeed", "30 mph")
        .way(12, refs(6, 4), "highway", "footway")
        .way(13, refs(6, 7), "highway", "service")
        .write(dir.resolve("cross.osm"));
  }

  @Test
  void crossroadsKeepsLanesDirectionsSpeedsAndSignals() throws IOException {
    ImportedScenario s = read(crossroads());
    // Node 7 only shapes way 10 (two neighbours once the service road is left out): no junction there.
    assertEquals(5, s.network().nodes().size(), s.network().nodes().toString());
    assertEquals(6, s.network().roads().size(), "4 for the two-way road, 2 for the one-way street");
    assertEquals("signalized", node(s, "n1").type());
    assertEquals("boundary", node(s, "n5").type());
    RoadSpec south = road(s, "n2", "n1");
    assertEquals(2, south.lanes(), "lanes=4 on a two-way road: two a side");
    assertEquals(50 / 3.6, south.speedLimit(), 1e-9);
    assertEquals(1, south.shape().size(), "node 7 is a shape point");
    RoadSpec east = road(s, "n5", "n1");
    assertEquals(2, east.lanes());
    assertEquals(30 * 1.609344 / 3.6, east.speedLimit(), 1e-9);
    assertTrue(s.network().roads().stream().noneMatch(r -> r.from().equals("n4")), "one-way: nothing from the east");
    // turn:lanes runs left to right; our lanes from the right: lane 0 straight on, lane 1 left (north).
    assertEquals(List.of("s", "l"), east.laneTurns());
    assertTrue(east.priority() < south.priority(), "residential yields to primary");
    assertTrue(s.notes().contains("ways skipped: way 12 (highway=footway)"), s.notes().toString());
    assertTrue(s.notes().contains("ways skipped: way 13 (highway=service)"), s.notes().toString());
    assertEquals(1, s.demand().random().size(), "random demand between the fringe roads");
    assertEquals(3 * OsmImporter.RATE_PER_ENTRY, s.demand().random().get(0).rate(), 1e-9, "three entering roads");
  }

  @Test
  void importIsDeterministic() throws IOException {
    Path file = crossroads();
    assertEquals(read(file).network(), read(file).network());
    assertEquals(read(HCMC).network(), read(HCMC).network());
  }

  @Test
  void signalsOnBothCarriagewaysOfADualRoadAreOneJunction() throws IOException {
    // A dual carriageway (one-way ways 12 m apart) crosses a two-way street; each crossing node is signalized.
    ImportedScenario s = read(new OsmText()
        .node(1, -6, 0, "highway", "traffic_signals").node(2, 6, 0, "highway", "traffic_signals")
        .node(3, -6, -200).node(4, -6, 200).node(5, 6, 200).node(6, 6, -200).node(7, -200, 0).node(8, 200, 0)
        .way(20, refs(3, 1, 4), "highway", "primary", "oneway", "yes", "lanes", "2")
        .way(21, refs(5, 2, 6), "highway", "primary", "oneway", "yes", "lanes", "2")
        .way(22, refs(7, 1, 2, 8), "highway", "secondary")
        .write(dir.resolve("dual.osm")));
    List<NodeSpec> inner = s.network().nodes().stream().filter(n -> !"boundary".equals(n.type())).toList();
    assertEquals(1, inner.size(), inner.toString());
    assertEquals("signalized", inner.get(0).type());
    assertEquals("n1", inner.get(0).id(), "named after its smallest node id");
    assertEquals(0.0, inner.get(0).x(), 1e-6, "at the centre of the joined nodes");
  }

  @Test
  void impliedOnewayAndReverseOneway() throws IOException {
    ImportedScenario s = read(new OsmText()
        .node(1, 0, 0).node(2, 300, 0).node(3, 300, 300).node(4, 0, 300)
        .way(30, refs(1, 2), "highway", "motorway")
        .way(31, refs(2, 3), "highway", "tertiary", "junction", "roundabout")
        .way(32, refs(4, 3), "highway", "tertiary", "oneway", "-1", "maxspeed", "30")
        .way(33, refs(4, 1), "highway", "living_street", "maxspeed", "walk")
        .write(dir.resolve("oneway.osm")));
    road(s, "n1", "n2");
    road(s, "n2", "n3");
    road(s, "n3", "n4");
    assertEquals(4 + 1, s.network().roads().size(), "three one-way roads and the two-way living street");
    assertEquals(2, road(s, "n1", "n2").lanes(), "an untagged motorway: two lanes a side");
    assertEquals(10 / 3.6, road(s, "n4", "n1").speedLimit(), 1e-9, "walk");
  }

  @Test
  void maxspeedForms() {
    double[] got = new double[5];
    String[] values = {"DE:urban", "RU:rural", "60", "none", "fast"};
    List<String> notes = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      OsmReader.Way w = new OsmReader.Way(1, new long[0], new OsmReader.Pos[0],
          java.util.Map.of("maxspeed", values[i]), java.util.Map.of(), new OsmReader.Pos(1, 1));
      got[i] = OsmTags.speed(w, "maxspeed", 7.0, notes::add) * 3.6;
    }
    assertEquals(50, got[0], 1e-9);
    assertEquals(90, got[1], 1e-9);
    assertEquals(60, got[2], 1e-9);
    assertEquals(130, got[3], 1e-9);
    assertEquals(7.0 * 3.6, got[4], 1e-9, "not understood: the fallback");
    assertEquals(1, notes.size(), notes.toString());
  }

  @Test
  void turnLaneValues() {
    assertEquals(java.util.Set.of(io.v2xsim.core.network.Turn.LEFT, io.v2xsim.core.network.Turn.STRAIGHT),
        OsmTags.turnsOf("slight_left;through"));
    assertEquals(java.util.Set.of(io.v2xsim.core.network.Turn.STRAIGHT), OsmTags.turnsOf("none"));
    assertTrue(OsmTags.turnsOf("reverse").isEmpty());
    assertNull(OsmTags.turnLanes(""));
  }

  @Test
  void slipRoadForkingAtASmallAngleIsBentClearOfTheWideRoad() throws IOException {
    // A 4-lane one-way road north; at node 2 a 1-lane link forks off to the right at about 20 degrees.
    ImportedScenario s = read(new OsmText()
        .node(1, 0, -200).node(2, 0, 0).node(3, 0, 200).node(4, 73, 200)
        .way(40, refs(1, 2), "highway", "primary", "oneway", "yes", "lanes", "4")
        .way(41, refs(2, 3), "highway", "primary", "oneway", "yes", "lanes", "4")
        .way(42, refs(2, 4), "highway", "primary_link", "oneway", "yes")
        .write(dir.resolve("fork.osm")));
    RoadSpec link = road(s, "n2", "n4");
    assertEquals(1, link.shape().size(), "one point bends it: " + link.shape());
    List<Double> k = link.shape().get(0);
    NodeSpec fork = node(s, "n2");
    double angle = Math.toDegrees(Math.atan2(k.get(0) - fork.x(), k.get(1) - fork.y()));
    assertTrue(angle > 60, "leaves at " + angle + " degrees right of the wide road");
    // At the edge of the junction area (4 x 3.2 + 1.5 m) its line is the wide road's width (12.8 m) off.
    double r = 4 * 3.2 + 1.5;
    assertTrue(r * Math.sin(Math.toRadians(angle)) >= 12.8, "clear at the junction edge");
    assertTrue(s.notes().stream().anyMatch(n -> n.startsWith("roads bent: 1 road(s)")), s.notes().toString());
    ImportFixtures.compile(s, 60);
  }

  @Test
  void hcmcExtractImportsAndRunsWithoutRedLightViolations() {
    ImportedScenario s = read(HCMC);
    RoadNetwork net = new NetworkDraft("x").build(s.network());
    long signalized = net.junctions().stream().filter(j -> j.kind() == JunctionKind.SIGNALIZED).count();
    assertTrue(signalized >= 5, "signalized junctions: " + signalized);
    assertTrue(net.roads().size() > 100, "roads: " + net.roads().size());
    assertTrue(net.entryRoads().size() >= 10, "fringe entries: " + net.entryRoads().size());
    CompiledScenario c = ImportFixtures.compile(s, 300);
    RunResult r = Simulation.run(c, 1, RunListener.NONE);
    assertTrue(r.metric("tripsCompleted") > 50, "completed " + r.metric("tripsCompleted"));
    assertEquals(0.0, r.metric("redLightViolations"));
  }
}
