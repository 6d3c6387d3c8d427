package io.v2xsim.scenarios.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.v2xsim.core.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and binding, below the command line; nothing here needs core's compiler. */
class ScenarioLoaderTest {
  private final ScenarioLoader loader = new ScenarioLoader();

  private ScenarioDocument parse(String text) {
    return loader.parse(Path.of("s.yaml"), "s.yaml", text);
  }

  private List<LoadError> errors(String text) {
    return assertThrows(ScenarioLoadException.class, () -> parse(text)).errors();
  }

  @Test
  void bindsEveryLevelOfTheSpec() {
    ScenarioSpec spec = parse(String.join("\n",
        "name: t",
        "network:",
        "  generator: {type: grid, rows: 2, cols: 3, signalized: false}",
        "  roads:",
        "    - {id: r, from: a, to: b, shape: [[0, 0], [5, 1.5]], laneTurns: [sr, l]}",
        "vehicleTypes:",
        "  bus: {vehicleClass: bus, length: 12}",
        "signals:",
        "  junctions:",
        "    J0_0: {offset: 5, phases: [{green: 20, movements: ['a>b']}]}",
        "experiment: {duration: 60, seed: 12345678901}",
        "")).spec();
    assertEquals("t", spec.name());
    assertEquals(3, spec.network().generator().cols());
    assertEquals(false, spec.network().generator().signalized());
    assertEquals(List.of(5.0, 1.5), spec.network().roads().get(0).shape().get(1));
    assertEquals(12.0, spec.vehicleTypes().get("bus").length());
    assertEquals(List.of("a>b"), spec.signals().junctions().get("J0_0").phases().get(0).movements());
    assertEquals(12345678901L, spec.experiment().seed());
    assertNull(spec.demand());
  }

  @Test
  void fileWithoutANameIsNamedAfterTheFile() {
    ScenarioDocument doc = loader.parse(Path.of("dir/my-scenario.yaml"), "dir/my-scenario.yaml", "description: x\n");
    assertEquals("my-scenario", doc.spec().name());
  }

  @Test
  void yaml11BooleanWordsStayStrings() {
    // A node called N or a type called off must not turn into false.
    ScenarioSpec spec = parse("network:\n  nodes:\n    - {id: N, x: 0, y: 0, type: off}\n").spec();
    assertEquals("N", spec.network().nodes().get(0).id());
    assertEquals("off", spec.network().nodes().get(0).type());
  }

  @Test
  void numericIdsAreAccepted() {
    assertEquals("7", parse("network:\n  nodes:\n    - {id: 7, x: 0, y: 0}\n").spec().network().nodes().get(0).id());
  }

  @Test
  void emptyListItemOrMapEntryIsReportedNotPassedOnAsNull() {
    List<LoadError> errors = errors("network:\n  roads:\n    -\nvehicleTypes:\n  car:\n");
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("network.roads[0]", errors.get(0).field());
    assertEquals(3, errors.get(0).location().line());
    assertEquals("vehicleTypes.car", errors.get(1).field());
    assertTrue(errors.get(1).message().contains("{}"), errors.get(1).message());
  }

  @Test
  void emptyAndMultiDocumentFiles() {
    assertTrue(errors("").get(0).message().contains("empty"));
    LoadError second = errors("name: a\n---\nname: b\n").get(0);
    assertEquals(3, second.location().line());
    assertTrue(second.message().contains("single YAML document"), second.message());
  }

  @Test
  void topLevelMustBeAMapping() {
    LoadError e = errors("- a\n- b\n").get(0);
    assertEquals("", e.field());
    assertEquals("s.yaml:1:1: expected a mapping with keys name, description, network, vehicleTypes, demand, "
        + "signals, experiment, outputs, actors, scene, infrastructure, sensorSuites, channel, arms, got a list",
        e.format());
  }

  @Test
  void tabIndentationIsMalformedYamlAtItsLine() {
    LoadError e = errors("name: x\nnetwork:\n\troads: []\n").get(0);
    assertEquals(3, e.location().line());
    assertTrue(e.message().startsWith("malformed YAML"), e.message());
  }

  @Test
  void jacksonFailuresAreLocatedToo() throws Exception {
    // The shape check normally catches this first; the binding fallback must still give a place and a field.
    ParsedYaml parsed = LocatingYamlReader.read("network:\n  roads:\n    - id: a\n      lanes: two\n");
    JsonMappingException e = assertThrows(JsonMappingException.class,
        () -> new ObjectMapper().treeToValue(parsed.tree(), ScenarioSpec.class));
    Finding finding = BindingErrors.translate(e, parsed.sourceMap());
    assertEquals("/network/roads/0/lanes", finding.pointer());
    assertEquals(new Location(4, 14), finding.location());
    assertTrue(finding.message().contains("an integer"), finding.message());
    assertEquals("network.roads[0].lanes", parsed.sourceMap().humanPath(finding.pointer()));

    ParsedYaml unknown = LocatingYamlReader.read("experiment:\n  dtt: 1\n");
    JsonMappingException u = assertThrows(JsonMappingException.class,
        () -> new ObjectMapper().treeToValue(unknown.tree(), ScenarioSpec.class));
    Finding f = BindingErrors.translate(u, unknown.sourceMap());
    assertEquals(new Location(2, 3), f.location());
    assertTrue(f.message().contains("unknown key 'dtt' (did you mean 'dt'?)"), f.message());
  }

  @Test
  void overridesReplaceOnlyWhatTheyName() {
    ScenarioSpec spec = parse("experiment: {duration: 60, dt: 0.1, seeds: 3, seed: 5, warmup: 10}\n").spec();
    ScenarioSpec changed = new SpecOverrides(null, 9L, 30.0).applyTo(spec);
    assertEquals(new ScenarioSpec.ExperimentSpec(30.0, 0.1, 3, 9L, 10.0), changed.experiment());
    assertEquals(spec.name(), changed.name());
    ScenarioSpec none = parse("name: x\n").spec();
    assertEquals(new ScenarioSpec.ExperimentSpec(null, null, 4, null, null),
        new SpecOverrides(4, null, null).applyTo(none).experiment());
  }
}
