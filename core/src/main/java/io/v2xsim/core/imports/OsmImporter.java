package io.v2xsim.core.imports;

import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.RandomDemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Imports an OpenStreetMap XML extract (.osm): its roads for motor traffic, lanes, one-way rules, speed limits,
 * lane turn markings and traffic signals (see {@link OsmTags} for the tags, {@link OsmNetwork} for projection and
 * junctions, docs/osm.md for the whole mapping). Signalized junctions get no plan here: the compiler builds one from
 * their geometry, as for generated grids. OSM carries no demand: the import adds random trips between the roads at
 * the edge of the extract ({@value #RATE_PER_ENTRY} vehicles per hour per entering road), which a scenario's own
 * {@code demand} replaces.
 */
public final class OsmImporter {
  /**
   * Random demand per road entering the network, vehicles per hour: a light load (under a fifth of one lane's
   * saturation flow), so that an extract with short blocks and many signals runs without gridlock. On hcmc-small,
   * 120 per entering road locked one seed of three within the hour (534 blocked departures); 80 ran all three.
   */
  public static final double RATE_PER_ENTRY = 80;

  private OsmImporter() {}

  /**
   * @param osm the OSM XML file
   * @param display how to name the file in messages
   * @throws ImportException naming the file, line, column and what is wrong
   */
  public static ImportedScenario read(Path osm, Function<Path, String> display) {
    String name = display.apply(osm);
    OsmReader.Data data = OsmReader.read(osm, name);
    List<String> notes = new ArrayList<>();
    NetworkDraft draft = OsmNetwork.build(data, name, notes);
    for (String s : data.skipped()) {
      draft.note("ways skipped", s);
    }
    notes.forEach(draft::note);
    NetworkSpec network = draft.networkSpec();
    RoadNetwork built = draft.build(network);
    SignalsSpec signals = draft.signalsSpec(built);
    int entries = built.entryRoads().size();
    DemandSpec demand = entries > 0 && !built.exitRoads().isEmpty()
        ? new DemandSpec(null, null, List.of(new RandomDemandSpec(RATE_PER_ENTRY * entries, null, null, null)))
        : null;
    draft.note("random demand", "OSM has no demand: " + (int) (RATE_PER_ENTRY * entries) + " vehicles/h between the "
        + entries + " road(s) entering the network (replace with the scenario's demand)");
    return new ImportedScenario(network, new LinkedHashMap<>(), demand, signals, draft.notes());
  }
}
