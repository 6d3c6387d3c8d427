package io.v2xsim.core.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
  void turnaroundRoutesAreRefusedAtTheirLine() {
    ImportException e = assertThrows(ImportException.class, () -> SumoImporter.read(net("grid10"),
        routes("grid10"), p -> p.getFileName().toString(), 3600));
    assertEquals("grid10.rou.xml", e.file());
    assertEquals(32, e.line());
    assertTrue(e.problem().contains("a U-turn"), e.problem());
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
