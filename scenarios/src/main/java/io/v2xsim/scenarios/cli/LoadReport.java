package io.v2xsim.scenarios.cli;

import io.v2xsim.core.demand.DemandModel;
import io.v2xsim.core.engine.TrafficModel;
import io.v2xsim.core.imports.ImportNotes;
import io.v2xsim.core.spec.CompiledScenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the user should know after loading, before the runs: what an import changed (counts per kind, the first
 * few notes of each kind, all of them when verbose), and when several seeds cannot differ.
 */
final class LoadReport {
  /** Notes of one kind shown in full unless verbose. */
  static final int FIRST = 3;

  private LoadReport() {}

  static void notes(List<String> notes, boolean verbose, PrintWriter err) {
    if (notes.isEmpty()) {
      return;
    }
    Map<String, List<String>> kinds = ImportNotes.byKind(notes);
    err.println("Import notes: " + notes.size() + " in " + kinds.size() + " kind(s)"
        + (verbose ? "" : " (--verbose shows all)"));
    for (Map.Entry<String, List<String>> k : kinds.entrySet()) {
      List<String> all = k.getValue();
      if (all.size() == 1 && all.get(0).equals(k.getKey())) {
        err.println("  " + k.getKey());
        continue;
      }
      err.println("  " + k.getKey() + ": " + all.size());
      int shown = verbose ? all.size() : Math.min(FIRST, all.size());
      for (String n : all.subList(0, shown)) {
        err.println("    " + n.substring(k.getKey().length() + 2));
      }
      if (shown < all.size()) {
        err.println("    ... " + (all.size() - shown) + " more");
      }
    }
    err.flush();
  }

  /**
   * A warning when the scenario's seeds all give the same run: nothing in it is drawn at random (no random
   * demand, no Poisson flows, no speed spread of the drivers in its demand, no pedestrian crossings, no roadside
   * units or arms whose channel and sensors draw noise). Null when seeds can differ or there is only one.
   */
  static String identicalSeeds(CompiledScenario c) {
    // Every scenario has a baseline arm; roadside units, agents or further arms bring sensor and channel noise.
    if (c.seeds() < 2 || c.cooperation() != null && (!c.cooperation().rsus().isEmpty()
        || c.cooperation().hasAgents() || c.cooperation().arms().size() > 1)) {
      return null;
    }
    TrafficModel m = c.model();
    DemandModel d = m.demand();
    if (!d.random().isEmpty() || !m.crossings().isEmpty()) {
      return null;
    }
    List<String> why = new ArrayList<>();
    for (DemandModel.Flow f : d.flows()) {
      if (f.poisson() || f.type().speedDeviation() > 0) {
        return null;
      }
    }
    for (DemandModel.Trip t : d.trips()) {
      if (t.type().speedDeviation() > 0) {
        return null;
      }
    }
    why.add("fixed demand");
    why.add("no speed spread among its drivers");
    return "warning: the " + c.seeds() + " seeds of '" + c.name() + "' will give identical runs (" + String.join(", ",
        why) + "); give a vehicle type a speedFactor, or random demand, for independent replications";
  }
}
