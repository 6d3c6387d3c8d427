package io.v2xsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --osm and network.osm from the command line: import notes shown, bad files located, seeds warning. */
class OsmCommandTest {
  private static final Path DATA = Path.of(System.getProperty("v2xsim.data", "../data"));

  @TempDir
  Path dir;

  /** A crossroads of two two-way streets and a footway, at 48 N 11 E (1e-3 degrees of latitude is 111 m). */
  private Path crossroads(String lanes) throws IOException {
    String text = "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
        + " <node id=\"1\" lat=\"48.000\" lon=\"11.000\"><tag k=\"highway\" v=\"traffic_signals\"/></node>\n"
        + " <node id=\"2\" lat=\"48.002\" lon=\"11.000\"/>\n"
        + " <node id=\"3\" lat=\"47.998\" lon=\"11.000\"/>\n"
        + " <node id=\"4\" lat=\"48.000\" lon=\"11.003\"/>\n"
        + " <node id=\"5\" lat=\"48.000\" lon=\"10.997\"/>\n"
        + " <way id=\"10\"><nd ref=\"2\"/><nd ref=\"1\"/><nd ref=\"3\"/>\n"
        + "  <tag k=\"highway\" v=\"primary\"/><tag k=\"lanes\" v=\"" + lanes + "\"/></way>\n"
        + " <way id=\"11\"><nd ref=\"5\"/><nd ref=\"1\"/><nd ref=\"4\"/><tag k=\"highway\" v=\"residential\"/></way>\n"
        + " <way id=\"12\"><nd ref=\"2\"/><nd ref=\"4\"/><tag k=\"highway\" v=\"footway\"/></way>\n"
        + "</osm>\n";
    Path p = dir.resolve("cross.osm");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void runsAnExtractAndShowsWhatTheImportChanged() throws IOException {
    Path osm = crossroads("4");
    Cli cli = Cli.run("run", "--osm", osm.toString(), "--duration", "60", "--seeds", "1", "--out",
        dir.resolve("out").toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("Import notes:"), cli.toString());
    assertTrue(cli.err().contains("ways skipped: 1"), cli.toString());
    assertTrue(cli.err().contains("way 12 (highway=footway)"), cli.toString());
    assertTrue(Files.exists(dir.resolve("out").resolve("summary.json")));
  }

  @Test
  void badLaneCountGivesOneLocatedMessageAndExit2() throws IOException {
    Path osm = crossroads("two");
    Cli cli = Cli.run("run", "--osm", osm.toString(), "--duration", "60", "--out", dir.resolve("o").toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    String[] lines = cli.err().strip().split("\n");
    assertEquals(1, lines.length, cli.toString());
    assertTrue(lines[0].matches(".*cross\\.osm:9:\\d+: way 10: lanes=\"two\" is not a lane count.*"), lines[0]);
    assertFalse(cli.err().contains("Exception"), cli.toString());
  }

  @Test
  void scenarioFileImportsRelativeToItself() throws IOException {
    crossroads("2");
    Path yaml = dir.resolve("s.yaml");
    Files.writeString(yaml, "name: cross\nnetwork:\n  osm: cross.osm\nexperiment:\n  duration: 60\n");
    Cli cli = Cli.run("validate", yaml.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("OK (cross"), cli.toString());
    Files.writeString(yaml, "name: cross\nnetwork:\n  osm: missing.osm\n");
    cli = Cli.run("validate", yaml.toString());
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("s.yaml:3:8: network.osm: no such file"), cli.toString());
  }

  @Test
  void warnsWhenSeedsCannotDiffer() {
    Path hz = DATA.resolve("cityflow").resolve("libsignal_hangzhou_1x1_bc-tyc");
    Cli cli = Cli.run("run", "--cityflow-roadnet", hz.resolve("roadnet.json").toString(), "--cityflow-flow",
        hz.resolve("flow.json").toString(), "--seeds", "2", "--duration", "20", "--out", dir.resolve("hz").toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.err().contains("the 2 seeds of 'libsignal_hangzhou_1x1_bc-tyc' will give identical runs"),
        cli.toString());
    Cli osm = Cli.run("run", "--osm", DATA.resolve("osm/hcmc-small/map.osm").toString(), "--seeds", "2",
        "--duration", "20", "--out", dir.resolve("osm").toString());
    assertEquals(0, osm.exitCode(), osm.toString());
    assertFalse(osm.err().contains("identical runs"), "random demand differs per seed");
  }
}
