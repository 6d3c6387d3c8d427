package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Turn;
import io.v2xsim.core.spec.CompiledScenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The networks data/sumo/make.sh generated with SUMO's own tools (see docs/sumo-parity.md). */
class SumoGeneratedNetsTest {
  private static final Path SUMO = Path.of(System.getProperty("v2xsim.data", "../data"), "sumo");

  private static Path net(String name) {
    return SUMO.resolve(name).resolve(name + ".net.xml");
  }

  private static Path routes(String name) {
    return SUMO.resolve(name).resolve(name + ".rou.xml");
  }

  @Test
  void gridWithoutTurnaroundsImportsWithItsDemand() {
    ImportedScenario s = SumoImporter.read(net("grid10-no-turnarounds"), routes("grid10-no-turnarounds"),
        p -> p.getFileName().toString(), 3600);
    assertEquals(5001, s.demand().trips().size());
    ImportFixtures.compile(s, 60);
  }

  @Test
  void turnaroundRoutesLoadAndAreDriven() {
    // duarouter's routes on netgenerate's default grid turn back at the end of a street: 4,272 of 10,000 in the
    // issue's hour; here trip '1' (C8C9 -> C9C8 at C9) is the first in the routes file.
    ImportedScenario s = SumoImporter.read(net("grid10"), routes("grid10"), p -> p.getFileName().toString(), 300);
    CompiledScenario c = ImportFixtures.compile(s, 300);
    RoadNetwork n = c.model().network();
    Road in = n.road("C8C9");
    Road back = n.road("C9C8");
    Connector uTurn = in.lanes().get(1).connectorTo(back);
    assertNotNull(uTurn, "SUMO's turnaround from the left lane of C8C9");
    assertEquals(Turn.UTURN, uTurn.turn());
    assertNull(in.lanes().get(0).connectorTo(back), "only the left lane turns back, as in the file");
    // It gives way to every other movement of the junction it crosses or merges with.
    assertFalse(uTurn.conflicts().isEmpty());
    for (Conflict f : uTurn.conflicts()) {
      assertTrue(f.yieldsStatically(), uTurn.id() + " over " + f.other().id());
    }
    int uTurnRoutes = 0;
    for (var t : s.demand().trips()) {
      for (int k = 0; k + 1 < t.route().size(); k++) {
        if (n.road(t.route().get(k + 1)).to() == n.road(t.route().get(k)).from()) {
          uTurnRoutes++;
          break;
        }
      }
    }
    assertTrue(uTurnRoutes > 50, "trips turning back in the first 300 s: " + uTurnRoutes);
    List<Connector> uTurns = new ArrayList<>();
    for (Link l : n.links()) {
      if (l instanceof Connector k && k.turn() == Turn.UTURN) {
        uTurns.add(k);
      }
    }
    ConnectorUse use = new ConnectorUse(uTurns);
    RunResult r = use.run(c, 1).result();
    assertTrue(use.total() > 20, "vehicles that drove a U-turn connector: " + use.total());
    assertTrue(r.metric("tripsCompleted") > 150, "completed " + r.metric("tripsCompleted"));
  }

  @Test
  void netconvertsSignalsOfTheOsmExtractKeepTheirOwnAmberAndTheTurnaroundSignalIsDropped() {
    NetworkDraft d = SumoNetReader.read(net("hcmc-small"), "hcmc-small.net.xml");
    assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("signals dropped: tlLogic 'cluster_411926523_6747228550'")),
        d.notes().toString());
    assertTrue(d.notes().stream().noneMatch(n -> n.startsWith("amber inserted: ")), "netconvert writes its own y");
    List<NetworkDraft.PhaseDraft> plan = d.planOf("411919431"); // 39 s G, 6 s y, 39 s G, 6 s y
    assertEquals(2, plan.size());
    for (NetworkDraft.PhaseDraft p : plan) {
      assertEquals(List.of(39.0, 6.0, 0.0), List.of(p.green(), p.yellow(), p.allRed()));
    }
  }

  @Test
  void netconvertsShortEdgesImportWithTheLanesSumoGivesThem() {
    // An 8.8 m edge between two of netconvert's junctions: with our own junction radius it had -0.6 m of lane
    // and the import stopped; its lanes now end where SUMO's do.
    ImportedScenario s = SumoImporter.read(net("hcmc-small"), routes("hcmc-small"), p -> p.getFileName().toString(),
        600);
    RoadNetwork n = ImportFixtures.compile(s, 600).model().network();
    Road shortOne = n.road("-1431332946#0");
    assertNotNull(shortOne);
    assertTrue(shortOne.length() > 0.9 && shortOne.length() < 8.8, "length " + shortOne.length());
  }

  @Test
  void lanesBeginAndEndWhereSumosDo() {
    // grid10's F0E0: SUMO lays lane 0 from (989.60, 4.80) to (810.40, 4.80), trimmed 10.4 m from each
    // junction's centre (our own radius would be 7.9 m).
    ImportedScenario s = SumoImporter.read(net("grid10"), null, p -> p.getFileName().toString(), 60);
    RoadNetwork n = ImportFixtures.compile(s, 60).model().network();
    var lane = n.road("F0E0").lanes().get(0).shape();
    assertEquals(2, lane.size());
    assertEquals(989.60, lane.x(0), 1e-6);
    assertEquals(4.80, lane.y(0), 1e-6);
    assertEquals(810.40, lane.x(1), 1e-6);
    assertEquals(4.80, lane.y(1), 1e-6);
    var inner = n.road("F0E0").lanes().get(1).shape();
    assertEquals(1.60, inner.y(0), 1e-6);
  }

  @Test
  void turnaroundsAtSignalizedJunctionsGetTheirSignal() {
    // netconvert's signals on the OSM extract control their turnarounds too (e.g. -1267462153#0 back onto
    // 1267462153#0 at '411926419', link 9): the import used to drop them, and refused routes using them.
    ImportedScenario s = SumoImporter.read(net("hcmc-small"), null, p -> p.getFileName().toString(), 60);
    RoadNetwork n = ImportFixtures.compile(s, 60).model().network();
    Road in = n.road("-1267462153#0");
    Connector uTurn = in.lanes().get(0).connectorTo(n.road("1267462153#0"));
    assertNotNull(uTurn, "the turnaround at 411926419");
    assertEquals(io.v2xsim.core.network.JunctionKind.SIGNALIZED, uTurn.junction().kind());
    String label = uTurn.junction().movements().get(uTurn.movement()).label();
    var phases = s.signals().junctions().get("411926419").phases();
    assertTrue(phases.stream().anyMatch(p -> p.movements().contains(label)
        || p.permissive() != null && p.permissive().contains(label)), label + " never goes: " + phases);
  }

  @Test
  void routesTurningBackAtADeadEndLoad() {
    // netgenerate --rand: route '90' turns back from '1729' onto '-1729' at '1728', a "priority" junction with
    // one neighbour and a turnaround connection (no boundary: nothing leaves the network there).
    ImportedScenario s = SumoImporter.read(net("rand"), routes("rand"), p -> p.getFileName().toString(), 120);
    RoadNetwork n = ImportFixtures.compile(s, 120).model().network();
    assertNotNull(n.road("1729").lanes().get(1).connectorTo(n.road("-1729")));
  }

  @Test
  void netconvertsMainRoadsHaveRightOfWayAndTheGridDoesNotLockUp() {
    // netgenerate marks the north-south links through F3 major (M) and the east-west ones minor (m).
    ImportedScenario s = SumoImporter.read(net("grid10-no-turnarounds"), routes("grid10-no-turnarounds"),
        p -> p.getFileName().toString(), 600);
    CompiledScenario c = ImportFixtures.compile(s, 600);
    RoadNetwork n = c.model().network();
    assertTrue(n.road("F2F3").priority() > n.road("E3F3").priority());
    assertEquals(n.road("F2F3").priority(), n.road("F4F3").priority());
    assertEquals(n.road("E3F3").priority(), n.road("G3F3").priority());
    // With every approach equal, right-before-left held four cars at F3 for ever and the grid locked up: 586
    // trips completed in 600 s. About 1,650 depart in that time and a trip takes about 150 s.
    RunResult r = io.v2xsim.core.engine.Simulation.run(c, 1, io.v2xsim.core.engine.RunListener.NONE);
    assertTrue(r.metric("tripsCompleted") > 1100, "completed " + r.metric("tripsCompleted"));
    assertEquals(0, r.collisions().size(), r.collisions().toString());
  }
}
