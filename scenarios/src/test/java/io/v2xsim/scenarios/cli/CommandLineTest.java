package io.v2xsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's own behaviour: help, version, usage errors, the catalog listing. */
class CommandLineTest {
  @TempDir
  Path dir;

  @Test
  void helpIsAvailableOnEveryCommand() {
    for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"compare", "--help"}, {"validate", "--help"},
        {"list", "--help"}}) {
      Cli cli = Cli.run(args);
      assertEquals(0, cli.exitCode(), cli::toString);
      assertTrue(cli.out().contains("Usage: v2xsim"), cli::toString);
      assertTrue(!cli.err().contains("WARN"), "help text must format cleanly: " + cli);
    }
    assertTrue(Cli.run("compare", "--help").out().contains("--strategies=STRATEGY"));
    assertTrue(Cli.run("run", "--help").out().contains("--trajectories"));
  }

  @Test
  void versionNamesTheProjectVersion() {
    Cli cli = Cli.run("--version");
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().startsWith("v2xsim 0.") || cli.out().startsWith("v2xsim "), cli::toString);
    assertTrue(!cli.out().contains("${project.version}"), "version.properties is filtered: " + cli);
  }

  @Test
  void usageErrorsExitWithTwoAndNoStackTrace() {
    Cli[] runs = {
        Cli.run(),
        Cli.run("frobnicate"),
        Cli.run("run"),
        Cli.run("validate"),
        Cli.run("run", "x.yaml", "--seeds", "zero"),
        Cli.run("run", "x.yaml", "--seeds", "0"),
        Cli.run("run", "x.yaml", "--duration", "-3"),
        Cli.run("run", "x.yaml", "--threads", "0"),
        Cli.run("run", "x.yaml", "--dt", "0"),
        Cli.run("compare", "x.yaml", "--dt", "NaN"),
    };
    for (Cli cli : runs) {
      assertEquals(2, cli.exitCode(), cli::toString);
      assertTrue(cli.err().contains("--help"), cli::toString);
      BadInputTest.assertNoStackTrace(cli);
    }
  }

  @Test
  void ioFailureIsOneLineWithExitOneAndTheTraceOnlyUnderDebug() throws IOException {
    Path notADirectory = TestScenarios.write(dir, "taken", "a file where the results should go");
    String scenario = TestScenarios.write(dir, "tiny.yaml", TestScenarios.TINY).toString();
    Cli plain = Cli.run("run", scenario, "--out", notADirectory.toString());
    assertEquals(1, plain.exitCode(), plain::toString);
    assertTrue(plain.err().startsWith("v2xsim: ") && plain.err().contains("taken"), plain::toString);
    assertTrue(plain.err().contains("--debug"), plain::toString);
    BadInputTest.assertNoStackTrace(plain);

    Cli debug = Cli.run("run", scenario, "--out", notADirectory.toString(), "--debug");
    assertEquals(1, debug.exitCode(), debug::toString);
    assertTrue(debug.err().contains("\tat "), "stack trace expected under --debug: " + debug);
  }

  @Test
  void listShowsEveryCatalogScenarioWithTheFirstLineOfItsDescription() {
    Cli cli = Cli.run("list", "--catalog", TestScenarios.catalog().toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    String[] lines = cli.out().split("\n");
    long files;
    try (var list = java.nio.file.Files.list(TestScenarios.catalog())) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertEquals(files, lines.length, cli::toString);
    assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.startsWith("corridor ")), cli::toString);
    String grid = java.util.Arrays.stream(lines).filter(l -> l.startsWith("grid-fixed-time ")).findFirst().orElseThrow();
    assertTrue(grid.contains("grid-fixed-time.yaml") && grid.contains("4x4 grid"), cli::toString);
    assertTrue(java.util.Arrays.stream(lines).anyMatch(l -> l.startsWith("single-intersection ")), cli::toString);
    for (String line : lines) {
      assertTrue(!line.contains("\n") && line.length() < 250, line);
    }
  }

  @Test
  void listFindsTheCatalogWithoutBeingTold() {
    Cli cli = Cli.run("list");
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("single-intersection"), cli::toString);
  }

  @Test
  void listMarksAnInvalidFileInsteadOfFailing() throws IOException {
    TestScenarios.write(dir, "a-good.yaml", TestScenarios.TINY);
    TestScenarios.write(dir, "b-bad.yaml", "name: [unclosed\n");
    Cli cli = Cli.run("list", "--catalog", dir.toString());
    assertEquals(0, cli.exitCode(), cli::toString);
    assertTrue(cli.out().contains("tiny") && cli.out().contains("Two roads through one priority junction."),
        cli::toString);
    assertTrue(cli.out().contains("(invalid: run 'v2xsim validate"), cli::toString);
  }

  @Test
  void listOfAMissingCatalogIsAUsageError() {
    Cli cli = Cli.run("list", "--catalog", dir.resolve("none").toString());
    assertEquals(2, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("no scenario catalog"), cli::toString);
  }
}
