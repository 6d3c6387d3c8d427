package io.v2xsim.core.imports;

import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Imports a SUMO .net.xml and .rou.xml (see {@link SumoNetReader} and {@link SumoRoutesReader} for what is
 * read and how it maps). Both are read with the JDK's StAX parser so that every error names its line.
 */
public final class SumoImporter {
  private SumoImporter() {}

  /**
   * @param net the .net.xml
   * @param routes the .rou.xml, or null for the network alone
   * @param display how to name each file in messages
   * @param horizon seconds of demand to generate (vehicles departing later are left out)
   * @throws ImportException naming the file, line and what is wrong
   */
  public static ImportedScenario read(Path net, Path routes, Function<Path, String> display, double horizon) {
    NetworkDraft draft = SumoNetReader.read(net, display.apply(net));
    NetworkSpec network = draft.networkSpec();
    RoadNetwork built = draft.build(network);
    SignalsSpec signals = draft.signalsSpec(built);
    Map<String, VehicleTypeSpec> types = new LinkedHashMap<>();
    DemandSpec demand = routes == null ? null
        : SumoRoutesReader.read(routes, display.apply(routes), draft, horizon, types);
    draft.note("internal lanes are junction geometry only; connectors are laid out by v2xsim's own builder");
    return new ImportedScenario(network, types, demand, signals, draft.notes());
  }
}
