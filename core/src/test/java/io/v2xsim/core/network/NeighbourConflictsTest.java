package io.v2xsim.core.network;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two streets that end 3.7 m apart, as OpenStreetMap's dead ends do in hcmc-small (junctions 10836565770 and
 * 9577366644): each one's turnaround passes over the other's, so the two conflict although they belong to two
 * junctions, and a street far away conflicts with neither.
 */
class NeighbourConflictsTest {
  private static RoadDef street(String id, String from, String to, String back, double[] setbacks) {
    List<LaneLinkDef> turn = back == null ? null : List.of(new LaneLinkDef(0, back, 0, List.of()));
    return new RoadDef(id, from, to, 1, 3.2, 13.89, 1, List.of(), null, "/roads/" + id, turn, setbacks);
  }

  /** Lanes ending {@code setback} m short of the dead ends (null: the builder's junction radius). */
  private static RoadNetwork twoDeadEnds(double gap, Double setback) {
    double[] in = setback == null ? null : new double[] {0, setback};
    double[] out = setback == null ? null : new double[] {setback, 0};
    List<NodeDef> nodes = List.of(new NodeDef("A", 0, 0, JunctionKind.BOUNDARY, "/n/A"),
        new NodeDef("D1", 100, 0, JunctionKind.PRIORITY, "/n/D1"),
        new NodeDef("D2", 100 + gap, 0, JunctionKind.PRIORITY, "/n/D2"),
        new NodeDef("B", 200 + gap, 0, JunctionKind.BOUNDARY, "/n/B"));
    List<RoadDef> roads = List.of(street("A-D1", "A", "D1", "D1-A", in), street("D1-A", "D1", "A", null, out),
        street("B-D2", "B", "D2", "D2-B", in), street("D2-B", "D2", "B", null, out));
    NetworkBuilder b = new NetworkBuilder(nodes, roads);
    RoadNetwork net = b.build();
    assertNotNull(net, () -> b.problems().toString());
    return net;
  }

  private static Connector turnaround(RoadNetwork net, String road) {
    return net.road(road).lanes().get(0).outgoing().get(0);
  }

  @Test
  void turnaroundsOfNeighbouringDeadEndsConflict() {
    RoadNetwork net = twoDeadEnds(3.7, null);
    Connector west = turnaround(net, "A-D1");
    Connector east = turnaround(net, "B-D2");
    assertTrue(west.junction() != east.junction());
    assertTrue(west.conflicts().stream().anyMatch(c -> c.other() == east), "west turnaround yields to nothing");
    assertTrue(east.conflicts().stream().anyMatch(c -> c.other() == west), "east turnaround yields to nothing");
    // Exactly one of the two gives way, by the static rule.
    boolean westYields = west.conflicts().stream().filter(c -> c.other() == east).allMatch(Conflict::yieldsStatically);
    boolean eastYields = east.conflicts().stream().filter(c -> c.other() == west).allMatch(Conflict::yieldsStatically);
    assertTrue(westYields != eastYields, "west yields " + westYields + ", east yields " + eastYields);
    // Conflicts stay ordered along the connector.
    for (int k = 1; k < west.conflicts().size(); k++) {
      assertTrue(west.conflicts().get(k - 1).at() <= west.conflicts().get(k).at());
    }
  }

  @Test
  void aSweepOverTheOtherStreetsLastMetresIsAConflictBeforeItsLine() {
    // Lanes that run to half a metre of the dead ends, as netconvert's do: the turnaround pulled forward from one
    // passes over the other street's lane end, where its drivers wait to turn.
    RoadNetwork net = twoDeadEnds(3.7, 0.5);
    Connector west = turnaround(net, "A-D1");
    Connector east = turnaround(net, "B-D2");
    // Each street's drivers see a conflict point before their own line, where the other's sweep reaches.
    assertTrue(west.conflicts().stream().anyMatch(c -> c.other() == east && c.at() < 0),
        "the west street's drivers see no conflict before their line: " + west.conflicts());
    assertTrue(east.conflicts().stream().anyMatch(c -> c.other() == west && c.at() < 0),
        "the east street's drivers see no conflict before their line: " + east.conflicts());
  }

  @Test
  void deadEndsFarApartDoNotConflict() {
    RoadNetwork net = twoDeadEnds(40, null);
    assertTrue(turnaround(net, "A-D1").conflicts().isEmpty(), turnaround(net, "A-D1").conflicts().toString());
    assertTrue(turnaround(net, "B-D2").conflicts().isEmpty());
  }
}
