package io.v2xsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code v2xsim compare}: one scenario under several signal strategies, paired by seed. */
class CompareCommandTest {
  private static final String SINGLE = TestScenarios.catalog().resolve("single-intersection.yaml").toString();

  @TempDir
  Path dir;

  @Test
  void theSameStrategyUnderTwoNamesDiffersByExactlyNothing() throws IOException {
    Path out = dir.resolve("same");
    Cli cli = Cli.run("compare", SINGLE, "--strategies", "fixed,fixed-time", "--seeds", "2", "--duration", "300",
        "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("2 strategies"), cli::toString);
    for (String f : List.of("summary.json", "compare.csv", "comparison.csv", "arms.csv", "trips.csv",
        "run-info.json")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("fixed", summary.at("/baselineArm").asText(), summary.toPrettyString());
    assertTrue(summary.at("/arms/fixed-time/metrics").isContainerNode(), summary.toPrettyString());
    List<String> rows = Files.readAllLines(out.resolve("compare.csv"));
    assertTrue(rows.get(0).startsWith("strategy,metric,unit,n,mean"), rows.get(0));
    boolean sawDifference = false;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      if (f[0].equals("fixed-time") && f[1].equals("avgTravelTime")) {
        assertEquals(0.0, Double.parseDouble(f[7]), 0.0, row);
        assertEquals("false", f[12], row);
        sawDifference = true;
      }
    }
    assertTrue(sawDifference, String.join("\n", rows));
  }

  @Test
  void comparesStrategiesOnAnImportedCityFlowNetwork() throws IOException {
    Path hz = Path.of(System.getProperty("v2xsim.data", "../data"), "cityflow", "libsignal_hangzhou_1x1_bc-tyc");
    Path out = dir.resolve("hangzhou");
    Cli cli = Cli.run("compare", "--cityflow-roadnet", hz.resolve("roadnet.json").toString(), "--cityflow-flow",
        hz.resolve("flow.json").toString(), "--strategies", "fixed,max-pressure,sotl", "--seeds", "1",
        "--duration", "400", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("3 strategies"), cli::toString);
    assertTrue(cli.out().contains("max-pressure - fixed"), cli::toString);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    for (String s : List.of("fixed", "max-pressure", "sotl")) {
      assertTrue(summary.at("/arms/" + s + "/metrics/avgTravelTimeCityFlow/mean").asDouble() > 0, s);
    }
  }

  @Test
  void anUnknownStrategyIsABadScenarioNotACrash() {
    Cli cli = Cli.run("compare", SINGLE, "--strategies", "fixed,psychic", "--seeds", "1", "--duration", "120",
        "--out", dir.resolve("bad").toString());
    assertEquals(2, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("psychic"), cli::toString);
    assertFalse(cli.err().contains("Exception"), cli::toString);
  }

  @Test
  void aStrategyNamedTwiceIsAUsageError() {
    Cli cli = Cli.run("compare", SINGLE, "--strategies", "fixed,fixed", "--out", dir.resolve("twice").toString());
    assertEquals(2, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("twice"), cli::toString);
  }
}
