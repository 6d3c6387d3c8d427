package io.v2xsim.core.imports;

import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import java.util.List;
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
    Map<String, Integer> lines = new LinkedHashMap<>();
    DemandSpec demand = routes == null ? null
        : SumoRoutesReader.read(routes, display.apply(routes), draft, horizon, types, lines);
    if (demand != null) {
      checkTurns(demand, built, display.apply(routes), lines);
    }
    draft.note("each connection is its own connector, along its internal lanes' shape inside v2xsim's junction "
        + "area; lanes end where SUMO's lanes end, or earlier where another road's carriageway still overlaps them");
    return new ImportedScenario(network, types, demand, signals, draft.notes());
  }

  /**
   * Every explicit route must turn only where the built network lets it: a route that makes a U-turn where the
   * import drops it (a signal that never lets it go) is refused here, located at its element in the routes
   * file, rather than later by the compiler, which knows only the trip's index.
   */
  private static void checkTurns(DemandSpec demand, RoadNetwork net, String file, Map<String, Integer> lines) {
    for (TripSpec t : demand.trips() == null ? List.<TripSpec>of() : demand.trips()) {
      checkRoute(t.id(), t.route(), net, file, lines);
    }
    for (FlowSpec f : demand.flows() == null ? List.<FlowSpec>of() : demand.flows()) {
      checkRoute(f.id(), f.route(), net, file, lines);
    }
  }

  private static void checkRoute(String id, List<String> route, RoadNetwork net, String file,
      Map<String, Integer> lines) {
    if (route == null) {
      return;
    }
    for (int k = 0; k + 1 < route.size(); k++) {
      Road a = net.road(route.get(k));
      Road b = net.road(route.get(k + 1));
      if (a == null || b == null) {
        continue; // the reader reports unknown edges itself
      }
      boolean connected = false;
      for (Lane l : a.lanes()) {
        connected |= l.connectorTo(b) != null;
      }
      if (!connected) {
        String uTurn = b.to() == a.from() ? " (a U-turn the junction's signal program never lets go, or one the "
            + "network file has no connection for; a network built with netgenerate or netconvert --no-turnarounds, "
            + "its demand routed again by duarouter, has none)" : "";
        throw new ImportException(file, lines.getOrDefault(id, 0), "'" + id + "': its route goes from edge '"
            + a.id() + "' to edge '" + b.id() + "', a turn the imported junction '" + a.to().id() + "' does not make"
            + uTurn);
      }
    }
  }
}
