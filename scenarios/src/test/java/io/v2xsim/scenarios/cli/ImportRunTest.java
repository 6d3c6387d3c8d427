package io.v2xsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imported networks through the real command line: runs, and bad files reported without a stack trace. */
class ImportRunTest {
  private static final Path HZ = Path.of(System.getProperty("v2xsim.data", "../data"), "cityflow",
      "libsignal_hangzhou_1x1_bc-tyc");
  private static final String ROADNET = HZ.resolve("roadnet.json").toString();
  private static final String FLOW = HZ.resolve("flow.json").toString();
  private static final String NET = HZ.resolve("hangzhou_1x1_bc-tyc_18041610_1h.net.xml").toString();
  private static final String ROUTES = HZ.resolve("hangzhou_1x1_bc-tyc_18041610_1h.rou.xml").toString();

  @TempDir
  Path dir;

  @Test
  void runsACityFlowPairWithoutAScenarioFile() throws IOException {
    Path out = dir.resolve("cf");
    Cli cli = Cli.run("run", "--cityflow-roadnet", ROADNET, "--cityflow-flow", FLOW, "--duration", "120",
        "--threads", "1", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("\"libsignal_hangzhou_1x1_bc-tyc\""), summary);
    assertTrue(cli.out().contains("tripsCompleted") || cli.out().contains("trips"), cli::toString);
  }

  @Test
  void runsASumoPairWithoutAScenarioFile() throws IOException {
    Path out = dir.resolve("sumo");
    Cli cli = Cli.run("run", "--sumo-net", NET, "--sumo-routes", ROUTES, "--duration", "120", "--threads", "1",
        "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(Files.exists(out.resolve("trips.csv")));
    // The Hangzhou plan goes from green straight to red: the import gives it yellows and says so, in full.
    String info = Files.readString(out.resolve("run-info.json"));
    assertTrue(info.contains("\"importNotes\""), info);
    assertTrue(!info.contains("\"importNotes\" : [ ]") && !info.contains("\"importNotes\":[]"),
        "the SUMO import's notes are kept: " + info);
  }

  @Test
  void stepOptionReplacesTheImportDefault() throws IOException {
    Path out = dir.resolve("dt");
    Cli cli = Cli.run("run", "--sumo-net", NET, "--sumo-routes", ROUTES, "--duration", "30", "--threads", "1",
        "--dt", "0.1", "--out", out.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    String summary = Files.readString(out.resolve("summary.json"));
    assertTrue(summary.contains("\"dt\": 0.1,") || summary.contains("\"dt\":0.1,"), summary);
  }

  @Test
  void stepOutsideTheCompilersRangeNamesTheOption() {
    Cli cli = Cli.run("run", "--sumo-net", NET, "--sumo-routes", ROUTES, "--dt", "5", "--duration", "10",
        "--out", dir.resolve("x").toString());
    assertEquals(Main.BAD_INPUT, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("--dt must be between 0.001 and 1 s, got 5.0"), cli::toString);
    assertFalse(cli.err().contains("Exception"), cli::toString);
  }

  @Test
  void strategyIsPassedToTheCompiler() {
    Cli cli = Cli.run("run", "--cityflow-roadnet", ROADNET, "--cityflow-flow", FLOW, "--strategy", "no-such",
        "--duration", "10", "--out", dir.resolve("x").toString());
    assertEquals(Main.BAD_INPUT, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("signals.defaults.controller") && cli.err().contains("no-such"), cli::toString);
  }

  @Test
  void badImportedFileIsOneMessageWithFileAndLine() throws IOException {
    Path broken = dir.resolve("roadnet.json");
    Files.writeString(broken, Files.readString(Path.of(ROADNET)).replace("\"road_1_1_0\",\n", "\"road_1_1_0\"\n"));
    Cli cli = Cli.run("run", "--cityflow-roadnet", broken.toString(), "--cityflow-flow", FLOW, "--out",
        dir.resolve("x").toString());
    assertEquals(Main.BAD_INPUT, cli.exitCode(), cli::toString);
    String[] lines = cli.err().strip().split("\n");
    assertEquals(1, lines.length, cli::toString);
    assertTrue(lines[0].matches(".*roadnet\\.json:\\d+:1: malformed JSON.*"), lines[0]);
    assertFalse(cli.err().contains("Exception"), cli::toString);
  }

  @Test
  void scenarioFileWithAMissingImportNamesTheField() throws IOException {
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, "name: s\nnetwork:\n  sumo:\n    net: nowhere.net.xml\n");
    Cli cli = Cli.run("validate", scenario.toString());
    assertEquals(Main.BAD_INPUT, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("s.yaml:4:10: network.sumo.net: no such file"), cli::toString);
  }

  @Test
  void oneSourceOnly() {
    Cli none = Cli.run("run");
    assertEquals(Main.BAD_INPUT, none.exitCode(), none::toString);
    assertTrue(none.err().contains("give a SCENARIO"), none::toString);
    Cli two = Cli.run("run", "x.yaml", "--sumo-net", NET);
    assertEquals(Main.BAD_INPUT, two.exitCode(), two::toString);
  }
}
