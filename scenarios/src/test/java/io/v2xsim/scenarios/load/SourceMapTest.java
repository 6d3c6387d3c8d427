package io.v2xsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceMapTest {
  private static final String TEXT = String.join("\n",
      "network:",                 // 1
      "  roads:",                 // 2
      "    - id: a",              // 3
      "      from: x",            // 4
      "    - {id: b, from: y}",   // 5
      "vehicleTypes:",            // 6
      "  my.type: {length: 4}",   // 7
      "  a/b: {}",                // 8
      "");
  private final SourceMap map = LocatingYamlReader.read(TEXT).sourceMap();

  @Test
  void humanPaths() {
    assertEquals("network.roads[1].to", map.humanPath("/network/roads/1/to"));
    assertEquals("vehicleTypes[\"my.type\"].length", map.humanPath("/vehicleTypes/my.type/length"));
    assertEquals("vehicleTypes[\"a/b\"]", map.humanPath("/vehicleTypes/a~1b"));
    assertEquals("", map.humanPath(""));
    assertEquals("demand.flows[3].to", map.humanPath("/demand/flows/3/to"));
  }

  @Test
  void scalarsAreLocatedAtTheirValueContainersAtTheirKey() {
    assertEquals(new Location(4, 13), map.locate("/network/roads/0/from"));
    assertEquals(new Location(2, 3), map.locate("/network/roads"));
    assertEquals(new Location(5, 21), map.locate("/network/roads/1/from"));
  }

  @Test
  void missingPointersFallBackToTheNearestAncestor() {
    assertEquals(3, map.locate("/network/roads/0/to").line());
    assertEquals(5, map.locate("/network/roads/1/to").line());
    assertEquals(new Location(1, 1), map.locate("/experiment/duration"));
    assertEquals(new Location(1, 1), map.locate("/network/generator/rows").line() == 1
        ? new Location(1, 1) : map.locate("/network/generator/rows"));
  }
}
