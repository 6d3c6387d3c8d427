package io.v2xsim.scenarios.load;

import io.v2xsim.core.imports.CityFlowImporter;
import io.v2xsim.core.imports.ImportException;
import io.v2xsim.core.imports.ImportedScenario;
import io.v2xsim.core.imports.OsmImporter;
import io.v2xsim.core.imports.SumoImporter;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import java.nio.file.Path;

/**
 * Where a run's scenario comes from: a scenario file (which may itself import CityFlow or SUMO files), or a
 * CityFlow or SUMO pair given directly, run with defaults (duration 3600 s, the files' own signal plans).
 * Shared by every command that runs scenarios.
 */
public final class ScenarioSource {
  private ScenarioSource() {}

  /** A scenario file, with any imports it references resolved. */
  public static ScenarioDocument fromFile(Path file) {
    return fromFile(file, null);
  }

  /**
   * A scenario file whose duration will be replaced (e.g. by {@code --duration}): imported open-ended demand
   * is generated for that long.
   */
  public static ScenarioDocument fromFile(Path file, Double duration) {
    return new ScenarioLoader(duration).read(file);
  }

  /**
   * A CityFlow roadnet and (optionally) flow JSON, without a scenario file.
   *
   * @param duration seconds to run (demand of open-ended flows is generated that far), or null for 3600
   * @throws ScenarioLoadException naming the file, line and problem
   */
  public static ScenarioDocument fromCityFlow(Path roadnet, Path flow, Double duration) {
    double horizon = duration != null ? duration : Imports.DEFAULT_HORIZON;
    try {
      ImportedScenario imported = CityFlowImporter.read(roadnet, flow, Imports::display, horizon);
      return document(roadnet, "Imported from CityFlow " + Imports.display(roadnet)
          + (flow != null ? " and " + Imports.display(flow) : ""), imported, horizon);
    } catch (ImportException e) {
      throw Imports.fromImport(e);
    }
  }

  /**
   * A SUMO .net.xml and (optionally) .rou.xml, without a scenario file.
   *
   * @param duration seconds to run (vehicles departing later are left out), or null for 3600
   * @throws ScenarioLoadException naming the file, line and problem
   */
  public static ScenarioDocument fromSumo(Path net, Path routes, Double duration) {
    double horizon = duration != null ? duration : Imports.DEFAULT_HORIZON;
    try {
      ImportedScenario imported = SumoImporter.read(net, routes, Imports::display, horizon);
      return document(net, "Imported from SUMO " + Imports.display(net)
          + (routes != null ? " and " + Imports.display(routes) : ""), imported, horizon);
    } catch (ImportException e) {
      throw Imports.fromImport(e);
    }
  }

  /**
   * An OpenStreetMap extract without a scenario file: its roads and signals, random demand between its fringe
   * roads (see {@link OsmImporter}).
   *
   * @param duration seconds to run, or null for 3600
   * @throws ScenarioLoadException naming the file, line, column and problem
   */
  public static ScenarioDocument fromOsm(Path osm, Double duration) {
    double horizon = duration != null ? duration : Imports.DEFAULT_HORIZON;
    try {
      ImportedScenario imported = OsmImporter.read(osm, Imports::display);
      return document(osm, "Imported from OpenStreetMap " + Imports.display(osm)
          + " (data (c) OpenStreetMap contributors, ODbL)", imported, horizon);
    } catch (ImportException e) {
      throw Imports.fromImport(e);
    }
  }

  /** Named after the folder holding the network file (benchmark sets name their folders, not their files). */
  private static ScenarioDocument document(Path network, String description, ImportedScenario imported,
      double horizon) {
    Path parent = network.toAbsolutePath().normalize().getParent();
    String name = parent != null && parent.getFileName() != null ? parent.getFileName().toString()
        : network.getFileName().toString();
    ScenarioSpec bare = new ScenarioSpec(name, description, null, null, null, null,
        new ExperimentSpec(horizon, null, null, null, null), null);
    return new ScenarioDocument(null, Imports.display(network), Imports.merge(bare, imported), SourceMap.empty(),
        imported.notes());
  }
}
