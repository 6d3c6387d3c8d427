package io.v2xsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file that imports a network keeps what it says itself: demand, signals, vehicle types. */
class ImportedScenarioFileTest {
  private static final Path HZ = Path.of(System.getProperty("v2xsim.data", "../data"), "cityflow",
      "libsignal_hangzhou_1x1_bc-tyc").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private ScenarioSpec read(String body) throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "name: s\nnetwork:\n  cityflow:\n    roadnet: " + HZ.resolve("roadnet.json")
        + "\n    flow: " + HZ.resolve("flow.json") + "\n" + body);
    return new ScenarioLoader().read(file).spec();
  }

  @Test
  void demandAndSignalsComeFromTheFilesByDefault() throws IOException {
    ScenarioSpec spec = read("");
    assertNull(spec.network().cityflow(), "resolved into nodes and roads");
    assertEquals(5, spec.network().nodes().size()); // the junction and four virtual (boundary) ones
    assertEquals(2021, spec.demand().trips().size());
    assertEquals(8, spec.signals().junctions().get("intersection_1_1").phases().size());
  }

  @Test
  void theScenariosOwnDemandSignalsAndTypesWin() throws IOException {
    ScenarioSpec spec = read("""
        vehicleTypes:
          cityflow: {maxSpeed: 10}
        demand:
          flows:
            - {route: [road_0_1_0, road_1_1_0], rate: 600}
        signals:
          junctions:
            intersection_1_1:
              phases:
                - {green: 20, movements: [road_0_1_0>road_1_1_0, road_2_1_2>road_1_1_2]}
                - {green: 20, movements: [road_1_0_1>road_1_1_1, road_1_2_3>road_1_1_3]}
        """);
    assertNull(spec.demand().trips());
    assertEquals(1, spec.demand().flows().size());
    assertEquals(2, spec.signals().junctions().get("intersection_1_1").phases().size());
    assertEquals(10.0, spec.vehicleTypes().get("cityflow").maxSpeed());
    CompiledScenario compiled = new ScenarioLoader().compile(
        new ScenarioLoader().read(dir.resolve("s.yaml")), SpecOverrides.NONE);
    assertEquals(1, compiled.model().signalPlans().size());
    assertEquals(2, compiled.model().signalPlans().get(0).phases().size());
  }

  @Test
  void openEndedFlowsRunToTheDurationOrToTheCommandLinesDuration() throws IOException {
    Path flow = dir.resolve("flow.json");
    Files.writeString(flow, "[{\"vehicle\": {\"length\": 5, \"width\": 2, \"maxPosAcc\": 2, \"maxNegAcc\": 4.5,"
        + " \"usualPosAcc\": 2, \"usualNegAcc\": 4.5, \"minGap\": 2.5, \"maxSpeed\": 11, \"headwayTime\": 2},"
        + " \"route\": [\"road_0_1_0\"], \"interval\": 10, \"startTime\": 0, \"endTime\": -1}]");
    Path file = dir.resolve("open.yaml");
    Files.writeString(file, "name: open\nnetwork:\n  cityflow:\n    roadnet: " + HZ.resolve("roadnet.json")
        + "\n    flow: flow.json\nexperiment:\n  duration: 100\n");
    assertEquals(10, new ScenarioLoader().read(file).spec().demand().trips().size());
    assertEquals(20, ScenarioSource.fromFile(file, 200.0).spec().demand().trips().size());
  }

  @Test
  void importAndNodesTogetherIsAnError() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "name: s\nnetwork:\n  nodes: []\n  sumo:\n    net: x.net.xml\n");
    ScenarioLoadException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioLoadException.class,
        () -> new ScenarioLoader().read(file));
    assertTrue(e.getMessage().contains("network.sumo: give one source of the network"), e.getMessage());
  }
}
