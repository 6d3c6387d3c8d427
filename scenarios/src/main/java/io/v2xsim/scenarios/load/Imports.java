package io.v2xsim.scenarios.load;

import io.v2xsim.core.imports.CityFlowImporter;
import io.v2xsim.core.imports.ImportException;
import io.v2xsim.core.imports.ImportedScenario;
import io.v2xsim.core.imports.OsmImporter;
import io.v2xsim.core.imports.SumoImporter;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code network.cityflow}, {@code network.sumo} and {@code network.osm} of a scenario: reads the files (relative to the
 * scenario file) and puts their network, vehicle types, demand and signal plans into the spec. The scenario's
 * own {@code demand} replaces the imported demand; its {@code signals.junctions} entries replace the imported
 * plans of those junctions and its {@code signals.defaults} apply on top; its vehicle types are added to (and
 * override) the imported ones.
 */
final class Imports {
  /** Demand horizon when the scenario gives no duration: the compiler's default. */
  static final double DEFAULT_HORIZON = 3600;

  private Imports() {}

  static boolean present(ScenarioSpec spec) {
    NetworkSpec n = spec.network();
    return n != null && (n.cityflow() != null || n.sumo() != null || n.osm() != null);
  }

  /**
   * @param baseDir directory the import paths are relative to
   * @param displayName the scenario file as the user named it, for errors located in it
   * @param horizonOverride seconds of demand to generate instead of the scenario's duration, or null
   * @param notes receives the import's notes
   * @throws ScenarioLoadException naming the scenario field or the imported file, line and problem
   */
  static ScenarioSpec resolve(ScenarioSpec spec, Path baseDir, String displayName, SourceMap sourceMap,
      Double horizonOverride, List<String> notes) {
    NetworkSpec n = spec.network();
    int imports = (n.cityflow() != null ? 1 : 0) + (n.sumo() != null ? 1 : 0) + (n.osm() != null ? 1 : 0);
    if (n.generator() != null || n.nodes() != null || n.roads() != null || imports > 1) {
      String pointer = n.cityflow() != null ? "/network/cityflow" : n.sumo() != null ? "/network/sumo" : "/network/osm";
      throw error(displayName, sourceMap, pointer,
          "give one source of the network: cityflow, sumo, osm, a generator, or nodes and roads");
    }
    double horizon = horizonOverride != null ? horizonOverride
        : spec.experiment() != null && spec.experiment().duration() != null && spec.experiment().duration() > 0
            ? spec.experiment().duration() : DEFAULT_HORIZON;
    ImportedScenario imported;
    try {
      if (n.cityflow() != null) {
        Path roadnet = file(n.cityflow().roadnet(), "/network/cityflow/roadnet", "the CityFlow roadnet JSON", baseDir,
            displayName, sourceMap);
        Path flow = n.cityflow().flow() == null ? null
            : file(n.cityflow().flow(), "/network/cityflow/flow", "the CityFlow flow JSON", baseDir, displayName,
                sourceMap);
        imported = CityFlowImporter.read(roadnet, flow, Imports::display, horizon);
      } else if (n.osm() != null) {
        Path osm = file(n.osm(), "/network/osm", "the OpenStreetMap .osm file", baseDir, displayName, sourceMap);
        imported = OsmImporter.read(osm, Imports::display);
      } else {
        Path net = file(n.sumo().net(), "/network/sumo/net", "the SUMO .net.xml", baseDir, displayName, sourceMap);
        Path routes = n.sumo().routes() == null ? null
            : file(n.sumo().routes(), "/network/sumo/routes", "the SUMO .rou.xml", baseDir, displayName, sourceMap);
        imported = SumoImporter.read(net, routes, Imports::display, horizon);
      }
    } catch (ImportException e) {
      throw fromImport(e);
    }
    notes.addAll(imported.notes());
    return merge(spec, imported);
  }

  static ScenarioLoadException fromImport(ImportException e) {
    Location at = e.line() > 0 ? new Location(e.line(), Math.max(1, e.column())) : null;
    return new ScenarioLoadException(List.of(new LoadError(e.file(), at, Pointers.ROOT, "", e.problem())));
  }

  /** A path as messages show it: relative to the working directory when it lies below it. */
  static String display(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  private static Path file(String value, String pointer, String what, Path baseDir, String displayName,
      SourceMap sourceMap) {
    if (value == null || value.isBlank()) {
      throw error(displayName, sourceMap, pointer, "missing path of " + what);
    }
    Path p = baseDir.resolve(value).normalize();
    if (!Files.isRegularFile(p)) {
      throw error(displayName, sourceMap, pointer, "no such file: " + display(p) + " (paths are relative to the "
          + "scenario file)");
    }
    return p;
  }

  private static ScenarioLoadException error(String displayName, SourceMap sourceMap, String pointer, String message) {
    return new ScenarioLoadException(List.of(new LoadError(displayName, sourceMap.locate(pointer), pointer,
        sourceMap.humanPath(pointer), message)));
  }

  static ScenarioSpec merge(ScenarioSpec spec, ImportedScenario imported) {
    Map<String, VehicleTypeSpec> types = new LinkedHashMap<>(imported.vehicleTypes());
    if (spec.vehicleTypes() != null) {
      types.putAll(spec.vehicleTypes());
    }
    SignalsSpec signals = imported.signals();
    if (spec.signals() != null) {
      Map<String, JunctionSignalSpec> junctions = new LinkedHashMap<>(imported.signals().junctions());
      if (spec.signals().junctions() != null) {
        junctions.putAll(spec.signals().junctions());
      }
      signals = new SignalsSpec(spec.signals().defaults(), junctions, spec.signals().detectors(),
          spec.signals().priority());
    }
    return new ScenarioSpec(spec.name(), spec.description(), imported.network(), types,
        spec.demand() != null ? spec.demand() : imported.demand(), signals, spec.experiment(), spec.outputs(),
        spec.actors(), spec.scene(), spec.infrastructure(), spec.sensorSuites(), spec.channel(), spec.arms());
  }
}
