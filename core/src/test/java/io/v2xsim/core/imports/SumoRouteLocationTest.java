package io.v2xsim.core.imports;

import static io.v2xsim.core.imports.ImportFixtures.HZ_NET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A route the imported network cannot drive is reported at its line in the routes file, not at the net file. */
class SumoRouteLocationTest {
  @TempDir
  Path dir;

  @Test
  void uTurnRouteNamesTheRoutesFileAndLine() throws IOException {
    Path routes = dir.resolve("u.rou.xml");
    Files.writeString(routes, "<routes>\n"
        + "  <vehicle id=\"ok\" depart=\"0\"><route edges=\"road_0_1_0 road_1_1_0\"/></vehicle>\n"
        + "  <vehicle id=\"back\" depart=\"1\">\n"
        + "    <route edges=\"road_0_1_0 road_1_1_2\"/>\n"
        + "  </vehicle>\n"
        + "</routes>\n");
    ImportException e = assertThrows(ImportException.class,
        () -> SumoImporter.read(HZ_NET, routes, p -> p.getFileName().toString(), 3600));
    assertEquals("u.rou.xml", e.file());
    assertEquals(3, e.line(), "the <vehicle> element");
    assertTrue(e.problem().startsWith("'back': its route goes from edge 'road_0_1_0' to edge 'road_1_1_2'"),
        e.problem());
    assertTrue(e.problem().contains("U-turn"), e.problem());
  }

  @Test
  void flowRouteIsLocatedToo() throws IOException {
    Path routes = dir.resolve("f.rou.xml");
    Files.writeString(routes, "<routes>\n"
        + "  <route id=\"r\" edges=\"road_0_1_0 road_1_1_2\"/>\n"
        + "  <flow id=\"f\" route=\"r\" begin=\"0\" end=\"100\" vehsPerHour=\"60\"/>\n"
        + "</routes>\n");
    ImportException e = assertThrows(ImportException.class,
        () -> SumoImporter.read(HZ_NET, routes, p -> p.getFileName().toString(), 3600));
    assertEquals("f.rou.xml", e.file());
    assertEquals(3, e.line());
  }
}
