package io.v2xsim.scenarios.cli;

import static io.v2xsim.scenarios.cli.TestScenarios.withLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad scenario, through the real command line: exit code 2, and stderr lines that name the
 * file, the line and the field, and never a stack trace.
 */
class BadInputTest {
  private static final Pattern ERROR_LINE = Pattern.compile("^(.+?):(\\d+):(\\d+): (.*)$");

  @TempDir
  Path dir;

  @Test
  void malformedYamlIsReportedWithTheParsersLocation() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD0_TO, "     to: J")); // one space short
    assertBadInput(cli, TestScenarios.ROAD0_TO, "network.roads");
    assertTrue(cli.err().contains("malformed YAML"), cli::toString);
  }

  @Test
  void wrongTypeNamesTheFieldAndTheExpectedType() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD0_LANES, "      lanes: two"));
    String line = assertBadInput(cli, TestScenarios.ROAD0_LANES, "network.roads[0].lanes");
    assertTrue(line.contains("expected an integer"), line);
    assertTrue(line.contains("\"two\""), line);
  }

  @Test
  void fractionIsNotSilentlyTruncatedToAnInteger() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD0_LANES, "      lanes: 2.5"));
    String line = assertBadInput(cli, TestScenarios.ROAD0_LANES, "network.roads[0].lanes");
    assertTrue(line.contains("expected an integer"), line);
  }

  @Test
  void unknownKeyIsNamedWithTheValidKeysAndASuggestion() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD0_LANES, "      lane: 2"));
    String line = assertBadInput(cli, TestScenarios.ROAD0_LANES, "network.roads[0].lane");
    assertTrue(line.contains("unknown key 'lane'"), line);
    assertTrue(line.contains("did you mean 'lanes'"), line);
    assertTrue(line.contains("valid keys: id, from, to, lanes, laneWidth"), line);
  }

  @Test
  void everyShapeProblemIsReportedAtOnceInFileOrder() throws IOException {
    String text = withLine(TestScenarios.ROAD0_LANES, "      lanes: two");
    text = text.replace("  dt: 0.05", "  dtt: 0.05");
    Cli cli = validate(text);
    assertEquals(2, cli.exitCode(), cli::toString);
    List<String> lines = errorLines(cli);
    assertEquals(2, lines.size(), cli::toString);
    assertTrue(lines.get(0).contains(":" + TestScenarios.ROAD0_LANES + ":"), cli::toString);
    assertTrue(lines.get(1).contains(":38:") && lines.get(1).contains("experiment.dtt"), cli::toString);
  }

  @Test
  void duplicateKeyIsAnError() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD0_LANES, "      to: B"));
    String line = assertBadInput(cli, TestScenarios.ROAD0_LANES, "network.roads[0].to");
    assertTrue(line.contains("duplicate key 'to'") && line.contains("line " + TestScenarios.ROAD0_TO), line);
  }

  @Test
  void missingFileIsABadInputNotACrash() {
    Cli cli = Cli.run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(2, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains("nope.yaml: no such file"), cli::toString);
    assertNoStackTrace(cli);
  }

  // The problems below are semantic: core's ScenarioCompiler finds them, the loader locates them.

  @Test
  void missingRequiredFieldPointsAtTheObjectThatLacksIt() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD1_TO, "      # no 'to'"));
    assertBadInput(cli, TestScenarios.ROAD1_ITEM, "network.roads[1].to");
  }

  @Test
  void negativeDuration() throws IOException {
    Cli cli = validate(withLine(TestScenarios.DURATION, "  duration: -5"));
    assertBadInput(cli, TestScenarios.DURATION, "experiment.duration");
  }

  @Test
  void roadToMissingJunction() throws IOException {
    Cli cli = validate(withLine(TestScenarios.ROAD1_TO, "      to: NOWHERE"));
    assertBadInput(cli, TestScenarios.ROAD1_TO, "network.roads[1].to");
  }

  @Test
  void unknownVehicleType() throws IOException {
    Cli cli = validate(withLine(TestScenarios.FLOW_TYPE, "      type: truckk"));
    assertBadInput(cli, TestScenarios.FLOW_TYPE, "demand.flows[0].type");
  }

  @Test
  void unreachableRoute() throws IOException {
    // J-B leads out of the network; there is no way from it back to A-J.
    String text = withLine(TestScenarios.FLOW_FROM, "      from: J-B");
    text = text.replace("      to: J-B\n", "      to: A-J\n");
    Cli cli = validate(text);
    assertEquals(2, cli.exitCode(), cli::toString);
    assertNoStackTrace(cli);
    String line = errorLines(cli).get(0);
    Matcher m = ERROR_LINE.matcher(line);
    assertTrue(m.matches(), line);
    int at = Integer.parseInt(m.group(2));
    assertTrue(at >= TestScenarios.FLOW_ITEM && at <= TestScenarios.FLOW_TYPE, "line of the flow: " + line);
    assertTrue(m.group(4).startsWith("demand.flows[0]"), line);
  }

  @Test
  void runReportsBadScenarioLikeValidate() throws IOException {
    Path file = TestScenarios.write(dir, "bad.yaml", withLine(TestScenarios.ROAD0_LANES, "      lanes: two"));
    Cli cli = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString());
    assertEquals(2, cli.exitCode(), cli::toString);
    assertTrue(cli.err().contains(file + ":" + TestScenarios.ROAD0_LANES + ":"), cli::toString);
    assertNoStackTrace(cli);
  }

  private Cli validate(String text) throws IOException {
    Path file = TestScenarios.write(dir, "scenario.yaml", text);
    return Cli.run("validate", file.toString());
  }

  /** Asserts the common contract and returns the first error line, which must be at the given place. */
  private String assertBadInput(Cli cli, int expectedLine, String field) {
    assertEquals(2, cli.exitCode(), cli::toString);
    assertNoStackTrace(cli);
    assertFalse(cli.out().contains("OK"), cli::toString);
    List<String> lines = errorLines(cli);
    assertFalse(lines.isEmpty(), cli::toString);
    String first = lines.get(0);
    Matcher m = ERROR_LINE.matcher(first);
    assertTrue(m.matches(), "FILE:LINE:COL: expected, got " + first);
    assertTrue(m.group(1).endsWith("scenario.yaml") || m.group(1).endsWith("bad.yaml"), first);
    assertEquals(expectedLine, Integer.parseInt(m.group(2)), cli::toString);
    assertTrue(m.group(4).startsWith(field + ": ") || m.group(4).contains(field), cli::toString);
    return first;
  }

  private static List<String> errorLines(Cli cli) {
    return Arrays.stream(cli.err().split("\n")).filter(l -> ERROR_LINE.matcher(l).matches())
        .collect(Collectors.toList());
  }

  static void assertNoStackTrace(Cli cli) {
    assertFalse(cli.err().contains("Exception"), cli::toString);
    assertFalse(cli.err().contains("at io."), cli::toString);
    assertFalse(cli.err().contains("\tat "), cli::toString);
  }
}
