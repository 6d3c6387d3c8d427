package io.v2xsim.scenarios.cli;

import io.v2xsim.scenarios.load.ScenarioDocument;
import io.v2xsim.scenarios.load.ScenarioSource;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code run} and {@code compare} run: a scenario file (or catalog name), or a CityFlow or SUMO network and
 * demand given instead of one. Exactly one source.
 */
final class SourceOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "A scenario file, or the name of one in the catalog (see 'v2xsim list'); or none with "
          + "--cityflow-roadnet/--cityflow-flow, --sumo-net/--sumo-routes or --osm.")
  String scenario;

  @Option(names = "--cityflow-roadnet", paramLabel = "FILE",
      description = "A CityFlow roadnet JSON (with --cityflow-flow) instead of a scenario file: 3600 s, "
          + "the file's own signal plans.")
  Path cityflowRoadnet;

  @Option(names = "--cityflow-flow", paramLabel = "FILE", description = "The CityFlow flow JSON to run on it.")
  Path cityflowFlow;

  @Option(names = "--sumo-net", paramLabel = "FILE",
      description = "A SUMO .net.xml (with --sumo-routes) instead of a scenario file: 3600 s, its tlLogic plans.")
  Path sumoNet;

  @Option(names = "--sumo-routes", paramLabel = "FILE", description = "The SUMO .rou.xml to run on it.")
  Path sumoRoutes;

  @Option(names = "--osm", paramLabel = "FILE",
      description = "An OpenStreetMap .osm XML extract instead of a scenario file: 3600 s, signal plans from "
          + "geometry, random demand between the roads at its edge (see docs/osm.md).")
  Path osm;

  @Option(names = "--verbose", description = "Show every import note, not only the first few of each kind.")
  boolean verbose;

  /** Checks that exactly one source is given. */
  void check() {
    CommandLine cl = spec.commandLine();
    int sources = (scenario != null ? 1 : 0) + (cityflowRoadnet != null ? 1 : 0) + (sumoNet != null ? 1 : 0)
        + (osm != null ? 1 : 0);
    if (sources != 1) {
      throw new ParameterException(cl, sources == 0
          ? "give a SCENARIO, or --cityflow-roadnet and --cityflow-flow, or --sumo-net and --sumo-routes, or --osm"
          : "give only one of SCENARIO, --cityflow-roadnet, --sumo-net, --osm");
    }
    if (cityflowFlow != null && cityflowRoadnet == null) {
      throw new ParameterException(cl, "--cityflow-flow needs --cityflow-roadnet");
    }
    if (sumoRoutes != null && sumoNet == null) {
      throw new ParameterException(cl, "--sumo-routes needs --sumo-net");
    }
  }

  /**
   * The scenario file, or the imported pair given instead of one.
   *
   * @param duration the run's duration if given on the command line: imported open-ended demand is generated
   *     that far
   */
  ScenarioDocument read(Double duration) {
    if (cityflowRoadnet != null) {
      return ScenarioSource.fromCityFlow(cityflowRoadnet, cityflowFlow, duration);
    }
    if (sumoNet != null) {
      return ScenarioSource.fromSumo(sumoNet, sumoRoutes, duration);
    }
    if (osm != null) {
      return ScenarioSource.fromOsm(osm, duration);
    }
    return ScenarioSource.fromFile(Catalog.resolveScenario(scenario), duration);
  }
}
