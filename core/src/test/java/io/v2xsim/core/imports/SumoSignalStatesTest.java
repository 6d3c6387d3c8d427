package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.ImportFixtures.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written SUMO network with the signal states the benchmark files do not use: a signal C whose right
 * turns may go on red after stopping ({@code s}), given as the second of two programs; a mid-block signal D that
 * controls only a pedestrian crossing; a signal F that is switched off ({@code o}/{@code O}).
 *
 * <pre>
 *            N (0,400)
 *            |
 *            F (0,200)   signal switched off
 *            |
 * W ------- C (0,0) ------- D (200,0) ------- E (400,0)
 *            |                pedestrian-only signal
 *            S (0,-200)
 * </pre>
 */
class SumoSignalStatesTest {
  @TempDir
  Path dir;

  /** C's links: from each arm right, straight, left (S: 0-2, W: 3-5, N: 6-8, E: 9-11). */
  private static final String[][] C_LINKS = {
      {"S2C", "C2D"}, {"S2C", "C2F"}, {"S2C", "C2W"},
      {"W2C", "C2S"}, {"W2C", "C2D"}, {"W2C", "C2F"},
      {"F2C", "C2W"}, {"F2C", "C2S"}, {"F2C", "C2D"},
      {"D2C", "C2F"}, {"D2C", "C2W"}, {"D2C", "C2S"}};

  /** North-south, then east-west; right turns of the arms facing red may go after stopping. */
  private static final String C_PROGRAM = """
      <tlLogic id="C" type="static" programID="0" offset="0">
        <phase duration="60" state="GGGGGGGGGGGG"/>
      </tlLogic>
      <tlLogic id="C" type="static" programID="1" offset="0">
        <phase duration="30" state="GGgsrrGGgsrr"/>
        <phase duration="3"  state="yyysrryyysrr"/>
        <phase duration="2"  state="srrsrrsrrsrr"/>
        <phase duration="30" state="srrGGgsrrGGg"/>
        <phase duration="3"  state="srryyysrryyy"/>
        <phase duration="2"  state="srrsrrsrrsrr"/>
      </tlLogic>
      """;

  private static final String F_OFF = """
      <tlLogic id="F" type="static" programID="0" offset="0">
        <phase duration="40" state="Oo"/>
      </tlLogic>
      """;

  private Path net(String fProgram) throws IOException {
    StringBuilder x = new StringBuilder("<net version=\"1.9\">\n");
    String[][] nodes = {{"C", "0", "0", "traffic_light_right_on_red"}, {"D", "200", "0", "traffic_light"},
        {"F", "0", "200", "traffic_light"}, {"W", "-200", "0", "dead_end"}, {"E", "400", "0", "dead_end"},
        {"N", "0", "400", "dead_end"}, {"S", "0", "-200", "dead_end"}};
    String[][] roads = {{"W", "C"}, {"C", "W"}, {"C", "D"}, {"D", "C"}, {"D", "E"}, {"E", "D"}, {"S", "C"},
        {"C", "S"}, {"C", "F"}, {"F", "C"}, {"F", "N"}, {"N", "F"}};
    for (String[] r : roads) {
      x.append("  <edge id=\"").append(r[0]).append("2").append(r[1]).append("\" from=\"").append(r[0])
          .append("\" to=\"").append(r[1]).append("\" priority=\"1\">\n    <lane id=\"").append(r[0]).append("2")
          .append(r[1]).append("_0\" index=\"0\" speed=\"13.89\" length=\"200\"/>\n  </edge>\n");
    }
    // D's crossing: a walking area and a crossing, internal edges of pedestrians only.
    x.append("  <edge id=\":D_w0\" function=\"walkingarea\"><lane id=\":D_w0_0\" index=\"0\" allow=\"pedestrian\" "
        + "speed=\"1\" length=\"3\"/></edge>\n");
    x.append("  <edge id=\":D_c0\" function=\"crossing\"><lane id=\":D_c0_0\" index=\"0\" allow=\"pedestrian\" "
        + "speed=\"1\" length=\"8\"/></edge>\n");
    x.append(C_PROGRAM);
    x.append("""
          <tlLogic id="D" type="static" programID="0" offset="0">
            <phase duration="30" state="r"/>
            <phase duration="10" state="G"/>
          </tlLogic>
        """);
    x.append(fProgram);
    for (String[] n : nodes) {
      x.append("  <junction id=\"").append(n[0]).append("\" type=\"").append(n[3]).append("\" x=\"").append(n[1])
          .append("\" y=\"").append(n[2]).append("\"/>\n");
    }
    for (int k = 0; k < C_LINKS.length; k++) {
      x.append("  <connection from=\"").append(C_LINKS[k][0]).append("\" to=\"").append(C_LINKS[k][1])
          .append("\" fromLane=\"0\" toLane=\"0\" tl=\"C\" linkIndex=\"").append(k).append("\"/>\n");
    }
    x.append("""
          <connection from="C2D" to="D2E" fromLane="0" toLane="0"/>
          <connection from="E2D" to="D2C" fromLane="0" toLane="0"/>
          <connection from=":D_w0" to=":D_c0" fromLane="0" toLane="0" tl="D" linkIndex="0"/>
          <connection from="C2F" to="F2N" fromLane="0" toLane="0" tl="F" linkIndex="0"/>
          <connection from="N2F" to="F2C" fromLane="0" toLane="0" tl="F" linkIndex="1"/>
        </net>
        """);
    Path p = dir.resolve("states.net.xml");
    Files.writeString(p, x);
    return p;
  }

  private Path routes(String body) throws IOException {
    Path p = dir.resolve("states.rou.xml");
    Files.writeString(p, "<routes>\n" + body + "</routes>\n");
    return p;
  }

  private static boolean noted(ImportedScenario s, String kind, String text) {
    return s.notes().stream().anyMatch(n -> n.startsWith(kind + ": ") && n.contains(text));
  }

  @Test
  void theNetworkLoadsAndEachSignalIsTakenAsTheFileMeansIt() throws IOException {
    ImportedScenario s = SumoImporter.read(net(F_OFF), null, p -> p.getFileName().toString(), 60);
    RoadNetwork net = compile(s, 60).model().network();
    assertEquals(JunctionKind.SIGNALIZED, net.junction("C").kind());
    assertEquals(JunctionKind.PRIORITY, net.junction("D").kind(), "the pedestrian signal is not ours to model");
    assertEquals(JunctionKind.PRIORITY, net.junction("F").kind(), "a switched-off signal leaves priority rules");
    assertTrue(noted(s, "signals dropped", "tlLogic 'D' controls no connection between roads"), s.notes().toString());
    assertTrue(noted(s, "signals dropped", "tlLogic 'F' at 'F' is switched off"), s.notes().toString());
    assertTrue(noted(s, "several signal programs", "programID '1', the last, is used"), s.notes().toString());

    List<PhaseSpec> c = s.signals().junctions().get("C").phases();
    assertEquals(2, c.size(), "program '1' (two phases), not program '0' (one)");
    PhaseSpec ns = c.get(0);
    assertEquals(List.of(30.0, 3.0, 2.0), List.of(ns.green(), ns.yellow(), ns.allRed()));
    assertEquals(Set.of("W2C>C2S", "D2C>C2F"), Set.copyOf(ns.stop()), "right on red for the arms facing red");
    assertTrue(ns.movements().contains("S2C>C2F") && ns.movements().contains("F2C>C2S"), ns.toString());
    assertEquals(Set.of("S2C>C2W", "F2C>C2D"), Set.copyOf(ns.permissive()));
    assertEquals(Set.of("S2C>C2D", "F2C>C2W"), Set.copyOf(c.get(1).stop()));
  }

  @Test
  void offStatesInsideAProgramAreGreenThatYieldsByPriority() throws IOException {
    String fPart = """
        <tlLogic id="F" type="static" programID="0" offset="0">
          <phase duration="30" state="GG"/>
          <phase duration="30" state="oO"/>
        </tlLogic>
        """;
    ImportedScenario s = SumoImporter.read(net(fPart), null, p -> p.getFileName().toString(), 60);
    List<PhaseSpec> f = s.signals().junctions().get("F").phases();
    assertEquals(2, f.size());
    assertEquals(Set.of("C2F>F2N", "N2F>F2C"), Set.copyOf(f.get(1).permissive()));
    assertTrue(f.get(1).movements().isEmpty(), f.get(1).toString());
    assertTrue(noted(s, "signal off in some phases", "tlLogic 'F'"), s.notes().toString());
  }

  /**
   * A driver turning right from W while W faces red comes to a halt at the line, then goes without waiting for
   * the green; one going straight from W waits for the green.
   */
  @Test
  void driversHaltAtStopThenGoAndGoBeforeTheGreen() throws IOException {
    Path routes = routes("""
        <vehicle id="right" depart="0"><route edges="W2C C2S"/></vehicle>
        <vehicle id="straight" depart="4"><route edges="W2C C2D D2E"/></vehicle>
        """);
    ImportedScenario s = SumoImporter.read(net(F_OFF), routes, p -> p.getFileName().toString(), 80);
    CompiledScenario cs = compile(s, 80);
    RoadNetwork net = cs.model().network();
    Lane approach = net.road("W2C").lanes().get(0);
    Connector right = approach.connectorTo(net.road("C2S"));
    Connector straight = approach.connectorTo(net.road("C2D"));
    assertNotNull(right);
    assertNotNull(straight);
    Engine e = new Engine(cs.model(), 1);
    double[] minSpeedNearLine = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] entered = {Double.NaN, Double.NaN};
    byte[] stateAtEntry = {-1, -1};
    long ticks = Math.round(80 / e.dt());
    while (e.tick() < ticks) {
      e.step();
      for (double[] v : e.positionsOn(approach)) {
        int trip = (int) v[0];
        if (approach.length() - v[1] < 5.0) {
          minSpeedNearLine[trip] = Math.min(minSpeedNearLine[trip], v[2]);
        }
      }
      Connector[] cs2 = {right, straight};
      for (int k = 0; k < 2; k++) {
        for (double[] v : e.positionsOn(cs2[k])) {
          int trip = (int) v[0];
          if (Double.isNaN(entered[trip])) {
            entered[trip] = e.time();
            stateAtEntry[trip] = e.signalState(cs2[k].junction(), cs2[k].movement());
          }
        }
      }
    }
    RunResult r = e.result();
    assertEquals(0, r.collisions().size(), r.collisions().toString());
    assertEquals(0.0, r.metric("redLightViolations"));
    assertTrue(minSpeedNearLine[0] < 0.1, "the right turner halted at the line: " + minSpeedNearLine[0]);
    assertEquals(SignalColor.STOP, stateAtEntry[0], "it went on stop-then-go");
    assertTrue(entered[0] < 35, "before W's green at 35 s: " + entered[0]);
    assertTrue(entered[1] >= 35, "the straight driver waited for the green: " + entered[1]);
    assertEquals(SignalColor.GREEN, stateAtEntry[1]);
  }
}
