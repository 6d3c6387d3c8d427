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
  void netconvertSignalOnlyOnATurnaroundNoLongerStopsTheImport() {
    // Its one signal at a dead end controls only the turnaround: dropped now. The next problem is one the SUMO
    // importer does not solve (it keeps netconvert's junctions as they are): an 8.8 m edge between two of them.
    ImportException e = assertThrows(ImportException.class,
        () -> SumoImporter.read(net("hcmc-small"), null, p -> p.getFileName().toString(), 3600));
    assertTrue(e.problem().contains("road '-1431332946#0' is too short"), e.problem());
  }
}
