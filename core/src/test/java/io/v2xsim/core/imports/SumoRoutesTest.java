package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.ImportFixtures.HZ_NET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioException;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.SumoImportSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .rou.xml elements the Hangzhou file does not use: vType mapping, flows, trips, named routes. */
class SumoRoutesTest {
  @TempDir
  Path dir;

  private ImportedScenario read(String body, double horizon) throws IOException {
    Path routes = dir.resolve("r.rou.xml");
    Files.writeString(routes, "<routes>\n" + body + "</routes>\n");
    return SumoImporter.read(HZ_NET, routes, p -> p.getFileName().toString(), horizon);
  }

  @Test
  void vTypeMapsKraussOntoIdm() throws IOException {
    ImportedScenario s = read("""
        <vType id="bus1" vClass="bus" accel="1.2" decel="4" emergencyDecel="7" tau="1.5" sigma="0.5" minGap="3"
               length="12" width="2.5" maxSpeed="15" speedFactor="normc(1,0.2,0.2,2)"/>
        <vehicle id="v" type="bus1" depart="3"><route edges="road_0_1_0 road_1_1_0"/></vehicle>
        """, 3600);
    VehicleTypeSpec t = s.vehicleTypes().get("bus1");
    assertEquals(new VehicleTypeSpec("bus", 12.0, 2.5, 15.0, 1.2, 4.0, 7.0, 1.5, 3.0, null, null, null, 0.2), t);
    assertTrue(s.notes().stream().anyMatch(n -> n.contains("sigma")), s.notes().toString());
  }

  @Test
  void flowsWithAFixedRateBecomeEquallySpacedTrips() throws IOException {
    ImportedScenario s = read("""
        <route id="we" edges="road_0_1_0 road_1_1_0"/>
        <flow id="f" route="we" begin="10" end="40" vehsPerHour="360"/>
        <flow id="g" begin="0" end="100" number="4"><route edges="road_1_0_1 road_1_1_1"/></flow>
        <flow id="h" from="road_2_1_2" to="road_1_1_2" begin="0" end="3600" period="900"/>
        <trip id="t" depart="5" from="road_1_2_3" to="road_1_1_3"/>
        """, 3600);
    List<TripSpec> trips = s.demand().trips();
    assertEquals(List.of(10.0, 20.0, 30.0), departs(trips, "f."));
    assertEquals(List.of(0.0, 25.0, 50.0, 75.0), departs(trips, "g."));
    assertEquals(List.of(0.0, 900.0, 1800.0, 2700.0), departs(trips, "h."));
    TripSpec h = trips.stream().filter(t -> t.id().equals("h.0")).findFirst().orElseThrow();
    assertEquals("road_2_1_2", h.from());
    assertNull(h.route(), "from/to trips are routed by v2xsim");
    assertEquals(List.of("road_1_0_1", "road_1_1_1"),
        trips.stream().filter(t -> t.id().equals("g.0")).findFirst().orElseThrow().route());
    assertEquals(1, trips.stream().filter(t -> t.id().equals("t")).count());
    assertEquals(12, trips.size());
    assertNull(s.demand().flows());
    assertTrue(s.vehicleTypes().containsKey("DEFAULT_VEHTYPE"));
  }

  @Test
  void probabilityFlowsBecomePoissonFlowsAndTheHorizonCutsDemand() throws IOException {
    ImportedScenario s = read("""
        <flow id="p" route="x" begin="0" end="7200" probability="0.1"><route edges="road_0_1_0"/></flow>
        <vehicle id="late" depart="700"><route edges="road_0_1_0"/></vehicle>
        """, 600);
    FlowSpec p = s.demand().flows().get(0);
    assertEquals(360.0, p.rate(), 1e-9);
    assertEquals("poisson", p.headways());
    assertEquals(600.0, p.end());
    assertTrue(s.demand().trips().isEmpty(), "a vehicle departing after the horizon is left out");
  }

  @Test
  void unsupportedElementsAndUnknownTypesAreNamed() {
    ImportException e = assertThrows(ImportException.class, () -> read("""
        <routeDistribution id="d"/>
        """, 3600));
    assertTrue(e.problem().startsWith("<routeDistribution> is not supported"), e.getMessage());
    assertEquals(2, e.line());
    ImportException t = assertThrows(ImportException.class, () -> read("""
        <vehicle id="v" type="nope" depart="1"><route edges="road_0_1_0"/></vehicle>
        """, 3600));
    assertTrue(t.problem().contains("unknown vType 'nope'"), t.getMessage());
  }

  @Test
  void theCompilerRefusesAnImportTheLoaderDidNotResolve() {
    ScenarioSpec spec = new ScenarioSpec("x", null, new NetworkSpec(null, null, null, null,
        new SumoImportSpec("a.net.xml", null)), null, null, null, null, null);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioCompiler.compile(spec));
    assertEquals("/network/sumo", e.problems().get(0).path());
  }

  private static List<Double> departs(List<TripSpec> trips, String prefix) {
    return trips.stream().filter(t -> t.id().startsWith(prefix)).map(TripSpec::depart).toList();
  }
}
