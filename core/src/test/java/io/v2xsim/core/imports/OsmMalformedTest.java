package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.OsmText.refs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken OSM file gives one message naming the file, line and column, and what is wrong. */
class OsmMalformedTest {
  @TempDir
  Path dir;

  private static OsmText street(String... extraTags) {
    String[] tags = new String[2 + extraTags.length];
    tags[0] = "highway";
    tags[1] = "residential";
    System.arraycopy(extraTags, 0, tags, 2, extraTags.length);
    return new OsmText().node(1, 0, 0).node(2, 100, 0).node(3, 200, 0).way(5, refs(1, 2, 3), tags);
  }

  private ImportException fails(String text) throws IOException {
    Path p = dir.resolve("bad.osm");
    Files.writeString(p, text);
    return assertThrows(ImportException.class, () -> OsmImporterTest.read(p));
  }

  private static int lineOf(String text, String needle) {
    assertTrue(text.contains(needle), needle);
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void truncatedFile() throws IOException {
    String full = street().text();
    String cut = full.substring(0, full.indexOf("<tag"));
    ImportException e = fails(cut);
    assertEquals("bad.osm", e.file());
    assertTrue(e.line() >= lineOf(full, "<nd ref=\"3\""), e.getMessage());
    assertTrue(e.column() > 0, e.getMessage());
    assertTrue(e.problem().startsWith("malformed XML"), e.getMessage());
    assertTrue(e.getMessage().matches("bad\\.osm:\\d+:\\d+: malformed XML.*"), e.getMessage());
  }

  @Test
  void wayReferencingAMissingNode() throws IOException {
    String text = street().text().replace("<nd ref=\"2\"/>", "<nd ref=\"99\"/>");
    ImportException e = fails(text);
    assertEquals(lineOf(text, "<nd ref=\"99\""), e.line());
    assertTrue(e.column() > 1, e.getMessage());
    assertEquals("way 5 refers to node 99, which is not in the file", e.problem());
  }

  @Test
  void wayWithOneNode() throws IOException {
    String text = new OsmText().node(1, 0, 0).way(7, refs(1), "highway", "primary").text();
    ImportException e = fails(text);
    assertEquals(lineOf(text, "<way id=\"7\""), e.line());
    assertEquals("way 7 has 1 node(s); a way needs at least two", e.problem());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "99", "two", "2.5", ""})
  void absurdLaneCounts(String lanes) throws IOException {
    String text = street("lanes", lanes).text();
    ImportException e = fails(text);
    assertEquals(lineOf(text, "k=\"lanes\""), e.line());
    assertTrue(e.column() > 1, e.getMessage());
    assertEquals("way 5: lanes=\"" + lanes + "\" is not a lane count (expected a whole number from 1 to 10)",
        e.problem());
  }

  @Test
  void absurdLanesForward() throws IOException {
    String text = street("lanes:forward", "0").text();
    ImportException e = fails(text);
    assertEquals(lineOf(text, "k=\"lanes:forward\""), e.line());
  }

  @Test
  void unknownTagsAndElementsAreIgnored() throws IOException {
    String text = street("smoothness", "excellent", "lanes:psv", "whatever", "fixme", "lanes?")
        .text().replace("</osm>", "<relation id=\"1\"><member type=\"way\" ref=\"5\" role=\"\"/></relation>\n"
            + "<futureElement/>\n</osm>");
    Path p = dir.resolve("ok.osm");
    Files.writeString(p, text);
    ImportedScenario s = OsmImporterTest.read(p);
    assertEquals(2, s.network().roads().size(), s.network().roads().toString());
  }

  @Test
  void notAnOsmFile() throws IOException {
    ImportException e = fails("<?xml version=\"1.0\"?>\n<net version=\"1.9\"/>\n");
    assertEquals(2, e.line());
    assertTrue(e.problem().contains("expected <osm>"), e.problem());
  }

  @Test
  void noRoads() throws IOException {
    ImportException e = fails(new OsmText().node(1, 0, 0).node(2, 10, 0).way(3, refs(1, 2), "building", "yes").text());
    assertTrue(e.problem().startsWith("no roads for motor traffic"), e.problem());
  }

  @Test
  void badCoordinate() throws IOException {
    String text = street().text().replaceFirst("lat=\"[0-9.]+\"", "lat=\"north\"");
    ImportException e = fails(text);
    assertEquals(lineOf(text, "lat=\"north\""), e.line());
    assertTrue(e.problem().contains("lat=\"north\" is not a number"), e.problem());
  }
}
