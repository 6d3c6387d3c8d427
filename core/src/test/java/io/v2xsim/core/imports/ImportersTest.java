package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.ImportFixtures.GRID_FLOW;
import static io.v2xsim.core.imports.ImportFixtures.GRID_ROADNET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_FLOW;
import static io.v2xsim.core.imports.ImportFixtures.HZ_NET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_ROADNET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_ROUTES;
import static io.v2xsim.core.imports.ImportFixtures.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Both importers on the shared benchmark data: the same intersection from two tools, and the 4x4 grid. */
class ImportersTest {
  private static final ImportedScenario HZ_CITYFLOW = ImportFixtures.cityflow(HZ_ROADNET, HZ_FLOW);
  private static final ImportedScenario HZ_SUMO = ImportFixtures.sumo(HZ_NET, HZ_ROUTES);

  @Test
  void hangzhouFromCityFlowAndFromSumoIsTheSameJunction() {
    RoadNetwork cf = compile(HZ_CITYFLOW, 60).model().network();
    RoadNetwork su = compile(HZ_SUMO, 60).model().network();
    Junction a = onlySignalized(cf);
    Junction b = onlySignalized(su);
    assertEquals(4, a.incoming().size());
    assertEquals(4, a.outgoing().size());
    assertEquals(roads(a.incoming()), roads(b.incoming()), "incoming roads by direction and lane count");
    assertEquals(roads(a.outgoing()), roads(b.outgoing()), "outgoing roads by direction and lane count");
    Set<String> movements = movements(a);
    assertEquals(8, movements.size(), movements.toString()); // straight and left from each arm, no right turns
    assertEquals(movements, movements(b));
  }

  @Test
  void hangzhouSignalPlansServeTheSameMovementsInBothFormats() {
    List<PhaseSpec> cf = HZ_CITYFLOW.signals().junctions().get("intersection_1_1").phases();
    List<PhaseSpec> su = HZ_SUMO.signals().junctions().get("intersection_1_1").phases();
    assertEquals(8, cf.size());
    assertEquals(8, su.size());
    // One rule for both (SignalProgram): the 5 s clearance (CityFlow's phase 0 between phases, SUMO's all-red
    // phases) has no amber in either file, so its first 3 s become amber and the rest stays all-red.
    for (List<PhaseSpec> plan : List.of(cf, su)) {
      for (PhaseSpec p : plan) {
        assertEquals(30.0, p.green());
        assertEquals(3.0, p.yellow(), "each green gets an amber");
        assertEquals(2.0, p.allRed());
      }
    }
    assertEquals(servedSets(cf), servedSets(su));
  }

  @Test
  void hangzhouDemandHasTheSameVehiclesInBothFormats() {
    assertEquals(2021, HZ_CITYFLOW.demand().trips().size());
    assertEquals(2021, HZ_SUMO.demand().trips().size());
    assertEquals(HZ_CITYFLOW.demand().trips().stream().map(t -> t.depart() + " " + t.route()).sorted().toList(),
        HZ_SUMO.demand().trips().stream().map(t -> t.depart() + " " + t.route()).sorted().toList(),
        "the same departures along the same routes");
    assertEquals(1, HZ_CITYFLOW.vehicleTypes().size(), "2,021 identical parameter sets share one type");
    var t = HZ_CITYFLOW.vehicleTypes().get("cityflow");
    assertEquals(2.0, t.accel());
    assertEquals(4.5, t.decel());
    assertEquals(2.0, t.headway());
    assertEquals(11.11, t.maxSpeed());
  }

  @Test
  void syntheticGridHasSixteenSignalsAndAllItsVehicles() {
    ImportedScenario grid = ImportFixtures.cityflow(GRID_ROADNET, GRID_FLOW);
    CompiledScenario s = compile(grid, 3600);
    long signalized = s.model().network().junctions().stream().filter(j -> j.kind() == JunctionKind.SIGNALIZED)
        .count();
    assertEquals(16, signalized);
    assertEquals(16, s.model().signalPlans().size());
    assertEquals(11_231, s.model().demand().trips().size());
    assertEquals(1, grid.vehicleTypes().size());
  }

  @Test
  void cityFlowFlowsFollowCityFlowsGenerationRule() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("flows");
    java.nio.file.Path flow = dir.resolve("flow.json");
    String vehicle = "{\"length\":5,\"width\":2,\"maxPosAcc\":2,\"maxNegAcc\":4.5,\"usualPosAcc\":2,"
        + "\"usualNegAcc\":4.5,\"minGap\":2.5,\"maxSpeed\":11,\"headwayTime\":2}";
    java.nio.file.Files.writeString(flow, "[{\"vehicle\":" + vehicle + ",\"route\":[\"road_0_1_0\",\"road_1_1_0\"],"
        + "\"interval\":2.5,\"startTime\":10,\"endTime\":20},"
        + "{\"vehicle\":" + vehicle + ",\"route\":[\"road_0_1_0\"],\"interval\":1000,\"startTime\":0,\"endTime\":-1}]");
    ImportedScenario s = CityFlowImporter.read(HZ_ROADNET, flow, p -> "flow.json", 3600);
    List<Double> first = s.demand().trips().stream().filter(t -> t.id().startsWith("flow_0_"))
        .map(t -> t.depart()).toList();
    // The accumulator starts full (a vehicle at 10) and gains 1 per 1 s step: 2.5 s spacing rounds up to steps.
    assertEquals(List.of(10.0, 13.0, 15.0, 18.0, 20.0), first);
    List<Double> open = s.demand().trips().stream().filter(t -> t.id().startsWith("flow_1_"))
        .map(t -> t.depart()).toList();
    assertEquals(List.of(0.0, 1000.0, 2000.0, 3000.0), open, "endTime -1: until the horizon");
  }

  @Test
  void shortRunsOfBothImportsFinishTripsWithoutCollisions() {
    for (ImportedScenario imported : List.of(HZ_CITYFLOW, HZ_SUMO, ImportFixtures.cityflow(GRID_ROADNET, GRID_FLOW))) {
      CompiledScenario s = compile(imported, 300);
      RunResult r = Simulation.run(s, 1, RunListener.NONE);
      assertEquals(0, r.collisions().size(), r.collisions().toString());
      assertTrue(r.metric("tripsCompleted") > 20, "completed " + r.metric("tripsCompleted"));
      assertEquals(0.0, r.metric("redLightViolations"), imported.notes().toString());
    }
  }

  private static Junction onlySignalized(RoadNetwork net) {
    List<Junction> js = net.junctions().stream().filter(j -> j.kind() == JunctionKind.SIGNALIZED).toList();
    assertEquals(1, js.size(), "signalized junctions: " + js);
    return js.get(0);
  }

  /** A road by where it points (heading in whole degrees) and its lanes: ids need not agree between tools. */
  private static String key(Road r) {
    double h = Math.toDegrees(Math.atan2(r.to().y() - r.from().y(), r.to().x() - r.from().x()));
    return String.format(Locale.ROOT, "%+.0f deg x%d", h, r.lanes().size());
  }

  private static Set<String> roads(List<Road> roads) {
    return roads.stream().map(ImportersTest::key).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Movements by road keys and turn, with the lanes (ours, from the rightmost) they leave from. */
  private static Set<String> movements(Junction j) {
    return j.movements().stream().map(m -> key(m.from()) + " -> " + key(m.to()) + " " + m.turn() + " from lanes "
        + j.connectors().stream().filter(c -> c.movement() == m.index()).map(c -> c.from().number())
            .collect(Collectors.toCollection(TreeSet::new)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<Set<String>> servedSets(List<PhaseSpec> phases) {
    Set<Set<String>> sets = new HashSet<>();
    for (PhaseSpec p : phases) {
      Set<String> served = new TreeSet<>(p.movements());
      if (p.permissive() != null) {
        served.addAll(p.permissive());
      }
      sets.add(served);
    }
    return sets;
  }

  @SuppressWarnings("unused")
  private static String label(Movement m) {
    return m.label();
  }
}
