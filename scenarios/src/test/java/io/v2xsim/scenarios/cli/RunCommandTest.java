package io.v2xsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.v2xsim.core.metrics.TripRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running scenarios end to end: determinism, result files, the report. Needs core's engine. */
class RunCommandTest {
  private static final String SINGLE = TestScenarios.catalog().resolve("single-intersection.yaml").toString();

  @TempDir
  Path dir;

  @Test
  void sameSeedGivesByteIdenticalResultsAndAnotherSeedDoesNot() throws IOException {
    Path first = run("a", "--seed", "7");
    Path second = run("b", "--seed", "7");
    Path other = run("c", "--seed", "8");

    assertArrayEquals(bytes(first, "summary.json"), bytes(second, "summary.json"));
    assertArrayEquals(bytes(first, "trips.csv"), bytes(second, "trips.csv"));
    assertArrayEquals(bytes(first, "trajectories-seed7.csv"), bytes(second, "trajectories-seed7.csv"));
    assertFalse(Arrays.equals(bytes(first, "summary.json"), bytes(other, "summary.json")),
        "seed 8 should not reproduce seed 7");
    assertTrue(Files.exists(other.resolve("trajectories-seed8.csv")));
  }

  @Test
  void udpTransportGivesTheSameSummaryAsInProcess() throws IOException {
    String scenario = TestScenarios.catalog().resolve("occluded-pedestrian.yaml").toString();
    Path inProcess = dir.resolve("inprocess");
    Path udp = dir.resolve("udp");
    Cli a = Cli.run("run", scenario, "--seeds", "3", "--out", inProcess.toString());
    Cli b = Cli.run("run", scenario, "--seeds", "3", "--transport", "udp", "--out", udp.toString());
    assertEquals(0, a.exitCode(), a::toString);
    assertEquals(0, b.exitCode(), b::toString);
    assertArrayEquals(bytes(inProcess, "summary.json"), bytes(udp, "summary.json"));
    assertTrue(a.out().contains("Netty path"), a::toString);
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() throws IOException {
    Path serial = run("serial", "--seeds", "2", "--threads", "1");
    Path parallel = run("parallel", "--seeds", "2", "--threads", "2");
    assertArrayEquals(bytes(serial, "summary.json"), bytes(parallel, "summary.json"));
    assertArrayEquals(bytes(serial, "trips.csv"), bytes(parallel, "trips.csv"));
  }

  @Test
  void writesEveryResultFileWholeAndLeavesNoTemporaryFile() throws IOException {
    Path out = run("files", "--seeds", "2", "--seed", "3");
    try (Stream<Path> files = Files.list(out)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
      assertEquals(List.of("run-info.json", "summary.json", "trajectories-seed3.csv", "trajectories-seed4.csv",
          "trips.csv"), names);
    }

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("single-intersection", summary.get("scenario").asText());
    assertEquals("[3,4]", summary.get("seeds").toString());
    assertEquals(300, summary.get("duration").asDouble());
    assertTrue(summary.get("metrics").size() > 0, "no metric in " + summary);
    summary.get("metrics").properties().forEach(metric -> {
      JsonNode m = metric.getValue();
      assertEquals(2, m.get("perSeed").size(), metric.getKey());
      assertEquals(2, m.get("ci95").size(), metric.getKey());
      assertTrue(m.has("unit") && m.has("description") && m.has("mean") && m.has("stdev") && m.has("n"));
    });
    assertTrue(summary.get("queues").isArray() && summary.get("collisions").has("records"));
    assertFalse(Files.readString(out.resolve("summary.json")).contains("wallClock"));

    JsonNode info = new ObjectMapper().readTree(out.resolve("run-info.json").toFile());
    assertTrue(info.get("wallClockSeconds").asDouble() > 0);
    assertTrue(info.has("javaVersion") && info.has("startedAt") && info.has("vehicleUpdatesPerSecond"));

    List<String> trips = Files.readAllLines(out.resolve("trips.csv"));
    String expectedHeader = "seed," + Arrays.stream(TripRecord.class.getRecordComponents())
        .map(c -> c.getName()).collect(Collectors.joining(","));
    assertEquals(expectedHeader, trips.get(0));
    assertTrue(trips.size() > 1, "no trip in 300 s of a busy junction");
    int columns = trips.get(0).split(",", -1).length;
    for (String row : trips.subList(1, trips.size())) {
      assertEquals(columns, row.split(",", -1).length, row);
    }

    List<String> trajectory = Files.readAllLines(out.resolve("trajectories-seed3.csv"));
    assertEquals("time,id,x,y,speed,heading,lane", trajectory.get(0));
    assertTrue(trajectory.size() > 1);
  }

  @Test
  void printsAnAlignedTableOfMetrics() throws IOException {
    Path out = dir.resolve("table");
    Cli cli = Cli.run("run", SINGLE, "--duration", "300", "--seeds", "2", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("metric") && cli.out().contains("95% CI"), cli::toString);
    assertTrue(cli.out().contains("Results in " + out), cli::toString);
    String header = Arrays.stream(cli.out().split("\n")).filter(l -> l.startsWith("metric")).findFirst()
        .orElseThrow();
    int unitColumn = header.indexOf("unit");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    summary.get("metrics").properties().forEach(metric -> {
      String name = metric.getKey();
      var row = Arrays.stream(cli.out().split("\n")).filter(l -> l.startsWith("  " + name + " ")).findFirst();
      if (metric.getValue().get("n").asInt() == 0) {
        // No seed has a value: left out of the table (--all-metrics prints it), still in summary.json.
        assertTrue(row.isEmpty(), cli::toString);
        return;
      }
      String line = row.orElseThrow(() -> new AssertionError("no row for " + name + " in\n" + cli.out()));
      assertEquals(' ', line.charAt(unitColumn - 1), line);
    });
    String first = cli.out().lines().findFirst().orElseThrow();
    assertTrue(first.matches(".*: seeds \\d+-\\d+, .*"), "two seeds as a range: " + first);
  }

  @Test
  void allMetricsPrintsARowForEveryMetricEvenWithoutAValue() throws IOException {
    Path out = dir.resolve("all");
    Cli cli = Cli.run("run", SINGLE, "--duration", "120", "--seeds", "1", "--all-metrics", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<String> undefined = new java.util.ArrayList<>();
    summary.get("metrics").properties().forEach(metric -> {
      assertTrue(cli.out().contains("\n  " + metric.getKey() + " "), "no row for " + metric.getKey() + cli);
      if (metric.getValue().get("n").asInt() == 0) {
        undefined.add(metric.getKey());
      }
    });
    assertFalse(undefined.isEmpty(), "the scene has no RSU, so its age-of-information metrics have no value");
    assertFalse(cli.out().contains("not shown"), cli::toString);
  }

  private Path run(String name, String... extra) {
    Path out = dir.resolve(name);
    // picocli rejects an option given twice, so --seeds 1 is the default only when the test sets none.
    Stream<String> seeds = Arrays.asList(extra).contains("--seeds") ? Stream.empty() : Stream.of("--seeds", "1");
    String[] args = Stream.of(
        Stream.of("run", SINGLE, "--duration", "300", "--trajectories", "--out", out.toString()), seeds,
        Arrays.stream(extra)).flatMap(s -> s).toArray(String[]::new);
    Cli cli = Cli.run(args);
    assertEquals(0, cli.exitCode(), cli::toString);
    return out;
  }

  private static byte[] bytes(Path dir, String file) throws IOException {
    return Files.readAllBytes(dir.resolve(file));
  }
}
