package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.ImportFixtures.HZ_FLOW;
import static io.v2xsim.core.imports.ImportFixtures.HZ_NET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_ROADNET;
import static io.v2xsim.core.imports.ImportFixtures.HZ_ROUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken file gives one message that names the file, the line and what is wrong. */
class MalformedImportTest {
  @TempDir
  Path dir;

  /** A copy of {@code source} with the first occurrence of {@code from} replaced. */
  private Path broken(Path source, String name, String from, String to) throws IOException {
    String text = Files.readString(source);
    assertTrue(text.contains(from), "fixture text not found: " + from);
    Path p = dir.resolve(name);
    Files.writeString(p, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)));
    return p;
  }

  private static int lineOf(Path file, String text) throws IOException {
    String all = Files.readString(file);
    return (int) all.substring(0, all.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
  }

  private static ImportException cityflow(Path roadnet, Path flow) {
    return assertThrows(ImportException.class,
        () -> CityFlowImporter.read(roadnet, flow, p -> p.getFileName().toString(), 3600));
  }

  private static ImportException sumo(Path net, Path routes) {
    return assertThrows(ImportException.class,
        () -> SumoImporter.read(net, routes, p -> p.getFileName().toString(), 3600));
  }

  @Test
  void cityFlowBadJson() throws IOException {
    Path roadnet = broken(HZ_ROADNET, "roadnet.json", "\"virtual\": true", "\"virtual\": tru");
    ImportException e = cityflow(roadnet, null);
    assertEquals("roadnet.json", e.file());
    assertEquals(lineOf(roadnet, "\"virtual\": tru"), e.line());
    assertTrue(e.problem().startsWith("malformed JSON"), e.getMessage());
  }

  @Test
  void cityFlowMissingField() throws IOException {
    Path roadnet = broken(HZ_ROADNET, "roadnet.json", "\"startIntersection\": \"intersection_0_1\",", "");
    ImportException e = cityflow(roadnet, null);
    assertTrue(e.getMessage().contains("road 'road_0_1_0' has no field 'startIntersection'"), e.getMessage());
    assertTrue(e.line() > 0);
  }

  @Test
  void cityFlowUnknownRoadInRoute() throws IOException {
    Path flow = broken(HZ_FLOW, "flow.json", "\"road_1_1_0\"", "\"road_9_9_9\"");
    ImportException e = cityflow(HZ_ROADNET, flow);
    assertEquals("flow.json", e.file());
    assertEquals(lineOf(flow, "road_9_9_9"), e.line());
    assertTrue(e.problem().contains("flow[0]: route names unknown road 'road_9_9_9'"), e.getMessage());
  }

  @Test
  void cityFlowLaneIndexOutOfRange() throws IOException {
    Path roadnet = broken(HZ_ROADNET, "roadnet.json", "\"startLaneIndex\": 1", "\"startLaneIndex\": 2");
    ImportException e = cityflow(roadnet, null);
    assertTrue(e.problem().contains("startLaneIndex 2 is out of range, road 'road_0_1_0' has 2 lane(s)"),
        e.getMessage());
    assertTrue(e.line() > 0);
  }

  @Test
  void cityFlowInconsistentPhases() throws IOException {
    Path roadnet = broken(HZ_ROADNET, "roadnet.json", "\"availableRoadLinks\": [\n              0,",
        "\"availableRoadLinks\": [\n              12,");
    ImportException e = cityflow(roadnet, null);
    assertTrue(e.problem().contains("availableRoadLinks refers to road link 12.0 but the intersection has 8"),
        e.getMessage());
    assertEquals(lineOf(roadnet, "              12,"), e.line());
  }

  @Test
  void sumoMalformedXml() throws IOException {
    Path net = broken(HZ_NET, "n.net.xml", "<junction id=\"intersection_1_0\"", "<junction id=\"intersection_1_0\"<");
    ImportException e = sumo(net, null);
    assertEquals("n.net.xml", e.file());
    assertEquals(lineOf(net, "intersection_1_0\"<"), e.line());
    assertTrue(e.problem().startsWith("malformed XML"), e.getMessage());
  }

  @Test
  void sumoUnknownEdgeInRoute() throws IOException {
    Path routes = broken(HZ_ROUTES, "r.rou.xml", "road_0_1_0 road_1_1_0", "road_0_1_0 road_x");
    ImportException e = sumo(HZ_NET, routes);
    assertEquals("r.rou.xml", e.file());
    assertEquals(lineOf(routes, "road_x"), e.line());
    assertTrue(e.problem().contains("unknown edge 'road_x'"), e.getMessage());
  }

  @Test
  void sumoStateShorterThanTheLinkIndices() throws IOException {
    Path net = broken(HZ_NET, "n.net.xml", "state=\"rrrrGGrrrrrrGGrr\"", "state=\"rrrrGGrr\"");
    ImportException e = sumo(net, null);
    assertEquals(lineOf(net, "\"rrrrGGrr\""), e.line());
    assertTrue(e.problem().contains("has 8 signal(s) but a connection uses linkIndex"), e.getMessage());
  }

  @Test
  void sumoMissingAttributeAndLaneOutOfRange() throws IOException {
    Path net = broken(HZ_NET, "n.net.xml", "<connection from=\"road_0_1_0\" to=\"road_1_1_0\" fromLane=\"0\"",
        "<connection from=\"road_0_1_0\" to=\"road_1_1_0\" fromLane=\"7\"");
    ImportException e = sumo(net, null);
    assertTrue(e.problem().contains("uses fromLane 7 but the edge has 2 lane(s)"), e.getMessage());
    Path routes = broken(HZ_ROUTES, "r.rou.xml", "<vehicle depart=\"0\" id=\"0\">", "<vehicle id=\"0\">");
    ImportException missing = sumo(HZ_NET, routes);
    assertTrue(missing.problem().contains("<vehicle> has no attribute 'depart' (id '0')"), missing.getMessage());
    assertEquals(lineOf(routes, "<vehicle id=\"0\">"), missing.line());
  }

  @Test
  void missingFileIsNamed() {
    ImportException e = cityflow(dir.resolve("none.json"), null);
    assertEquals("none.json: no such file", e.getMessage());
  }
}
