package io.v2xsim.core.imports;

import io.v2xsim.core.imports.OsmReader.Pos;
import io.v2xsim.core.imports.OsmReader.Way;
import io.v2xsim.core.network.Turn;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the OSM tags of a road mean for v2xsim: which ways carry motor traffic, in which directions, with how many
 * lanes, at what speed, with which lane turns. Sources are the OSM wiki pages named at each rule.
 */
final class OsmTags {
  /** Most lanes one direction (or a whole way) may have before the value is taken for a mistake. */
  static final int MAX_LANES = 10;
  /** Lane width for every imported lane, m (OSM's width tag is rarely set per lane; SUMO's default too). */
  static final double LANE_WIDTH = 3.2;
  private static final double MPH = 1.609344;

  /**
   * Highway classes for motor traffic (https://wiki.openstreetmap.org/wiki/Key:highway, "Roads" and "Link roads"),
   * with v2xsim's default speed in km/h where no maxspeed is tagged, and a rank for right of way at priority
   * junctions (the higher class has it; links rank just below their road). The default speeds are those of an
   * urban area, since an extract small enough to simulate is usually a town: motorway 120 and trunk 80 (the
   * typical national limits on the wiki's "Default speed limits" page), primary and secondary 50 (the most common
   * urban limit on that page), tertiary and unclassified 40, residential 30 (zone 30 is common), living_street 10
   * (walking pace, see "walk" below).
   */
  private record Kind(double kmh, int rank) {}

  private static final Map<String, Kind> KINDS = Map.ofEntries(
      Map.entry("motorway", new Kind(120, 9)), Map.entry("motorway_link", new Kind(60, 8)),
      Map.entry("trunk", new Kind(80, 8)), Map.entry("trunk_link", new Kind(50, 7)),
      Map.entry("primary", new Kind(50, 7)), Map.entry("primary_link", new Kind(40, 6)),
      Map.entry("secondary", new Kind(50, 6)), Map.entry("secondary_link", new Kind(40, 5)),
      Map.entry("tertiary", new Kind(40, 5)), Map.entry("tertiary_link", new Kind(30, 4)),
      Map.entry("unclassified", new Kind(40, 3)), Map.entry("residential", new Kind(30, 2)),
      Map.entry("living_street", new Kind(10, 1)));

  /**
   * Speeds in km/h of the country-neutral parts of implicit limits "CC:zone" (https://wiki.openstreetmap.org/wiki/
   * Key:maxspeed#Implicit_max_speed_values): urban 50 and rural 90 are the most common values in the wiki's table
   * of default limits; motorway 120; living_street and walk: walking pace, taken as 10 km/h (the German courts'
   * 4-10 km/h for Schrittgeschwindigkeit, upper end, so that traffic still moves).
   */
  private static final Map<String, Double> ZONES = Map.of("urban", 50.0, "rural", 90.0, "motorway", 120.0,
      "trunk", 100.0, "living_street", 10.0, "walk", 10.0, "bicycle_road", 30.0, "zone30", 30.0, "zone20", 20.0,
      "school", 30.0);

  /** One direction of travel along a way: {@code forward} along the node order, or against it. */
  record Direction(boolean forward, int lanes, double speed, int rank, List<String> turnLanes,
      Pos turnPos) {}

  private OsmTags() {}

  /**
   * Null when the way is a road for motor traffic; otherwise "" (not a road at all: silently left out) or why a
   * road was left out (shown in the import notes).
   */
  static String modelled(Map<String, String> tags) {
    String highway = tags.get("highway");
    if (highway == null) {
      return "";
    }
    if (!KINDS.containsKey(highway)) {
      // service (driveways, parking aisles, alleys), footway, cycleway, path, track, pedestrian, steps, busway,
      // construction...: not for general motor traffic, or not a road v2xsim can route through.
      return "highway=" + highway;
    }
    if ("yes".equals(tags.get("area"))) {
      return "area=yes"; // a paved area, not a line to drive along (https://wiki.openstreetmap.org/wiki/Key:area)
    }
    String oneway = tags.get("oneway");
    if (oneway != null && !Set.of("yes", "1", "true", "-1", "reverse", "no", "0", "false").contains(oneway)) {
      return "oneway=" + oneway + ", a direction that changes over time"; // reversible, alternating
    }
    return null;
  }

  /**
   * The directions a way is driven in: {@code oneway} yes/1/true forward, -1/reverse backward, implied for motorways
   * and roundabouts (https://wiki.openstreetmap.org/wiki/Key:oneway, "Implied oneway"); otherwise both.
   *
   * @param notes receives a note for every tag value that was replaced by a default
   * @throws ImportException for a lane count that is not a whole number between 1 and {@value #MAX_LANES}
   */
  static List<Direction> directions(Way w, String file, Consumer<String> notes) {
    Map<String, String> t = w.tags();
    String highway = t.get("highway");
    Kind kind = KINDS.get(highway);
    String oneway = t.get("oneway");
    String junction = t.get("junction");
    boolean implied = highway.equals("motorway") || highway.equals("motorway_link")
        || "roundabout".equals(junction) || "circular".equals(junction);
    boolean forwardOnly = oneway == null ? implied : Set.of("yes", "1", "true").contains(oneway);
    boolean backwardOnly = "-1".equals(oneway) || "reverse".equals(oneway);
    Integer total = lanes(w, "lanes", file);
    Integer fwd = lanes(w, "lanes:forward", file);
    Integer bwd = lanes(w, "lanes:backward", file);
    double base = speed(w, "maxspeed", kind.kmh() / 3.6, notes);
    if (forwardOnly || backwardOnly) {
      // https://wiki.openstreetmap.org/wiki/Key:lanes: on a one-way road, lanes counts the lanes of its one
      // direction; motorways and trunks without the tag are usually dual carriageways of two lanes a side.
      int n = total != null ? total : forwardOnly && fwd != null ? fwd : backwardOnly && bwd != null ? bwd
          : highway.startsWith("motorway") || highway.startsWith("trunk") ? (highway.endsWith("_link") ? 1 : 2) : 1;
      String turnKey = forwardOnly ? "turn:lanes" : t.containsKey("turn:lanes:backward") ? "turn:lanes:backward"
          : "turn:lanes";
      return List.of(new Direction(forwardOnly, n, base, kind.rank(), turnLanes(t.get(turnKey)), w.tagPos().get(turnKey)));
    }
    // Two-way: lanes:forward/backward when given; else the total split evenly (an odd lane is taken to be a
    // shared centre turn lane, https://wiki.openstreetmap.org/wiki/Key:lanes#Lanes_in_both_directions), at least
    // one a side.
    int f;
    int b;
    if (fwd != null && bwd != null) {
      f = fwd;
      b = bwd;
    } else if (fwd != null) {
      f = fwd;
      b = total != null ? Math.max(1, total - fwd) : 1;
    } else if (bwd != null) {
      b = bwd;
      f = total != null ? Math.max(1, total - bwd) : 1;
    } else {
      f = total != null ? Math.max(1, total / 2) : 1;
      b = f;
    }
    double sf = speed(w, "maxspeed:forward", base, notes);
    double sb = speed(w, "maxspeed:backward", base, notes);
    return List.of(
        new Direction(true, f, sf, kind.rank(), turnLanes(t.get("turn:lanes:forward")),
            w.tagPos().get("turn:lanes:forward")),
        new Direction(false, b, sb, kind.rank(), turnLanes(t.get("turn:lanes:backward")),
            w.tagPos().get("turn:lanes:backward")));
  }

  private static Integer lanes(Way w, String key, String file) {
    String v = w.tags().get(key);
    if (v == null) {
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      n = Integer.MIN_VALUE;
    }
    if (n < 1 || n > MAX_LANES) {
      Pos p = w.tagPos().get(key);
      throw new ImportException(file, p.line(), p.column(), "way " + w.id() + ": " + key + "=\"" + v
          + "\" is not a lane count (expected a whole number from 1 to " + MAX_LANES + ")");
    }
    return n;
  }

  /**
   * A maxspeed value in m/s (https://wiki.openstreetmap.org/wiki/Key:maxspeed): a number is km/h, "N mph" miles an
   * hour, "walk" walking pace, "none" no limit (taken as 130 km/h), "CC:zone" an implicit limit (see {@link #ZONES});
   * a list "50;30" takes its first value. Anything else keeps {@code fallback} (m/s), with a note.
   */
  static double speed(Way w, String key, double fallback, Consumer<String> notes) {
    String raw = w.tags().get(key);
    if (raw == null) {
      return fallback;
    }
    String v = raw.split(";")[0].strip().toLowerCase(Locale.ROOT);
    Double kmh = null;
    try {
      if (v.endsWith("mph")) {
        kmh = Double.parseDouble(v.substring(0, v.length() - 3).strip()) * MPH;
      } else if (v.endsWith("km/h") || v.endsWith("kmh")) {
        kmh = Double.parseDouble(v.replace("km/h", "").replace("kmh", "").strip());
      } else if (v.equals("walk")) {
        kmh = ZONES.get("walk");
      } else if (v.equals("none")) {
        kmh = 130.0;
      } else if (v.matches("[a-z]{2}:.+")) {
        String zone = v.substring(3).replace(":", "");
        kmh = ZONES.get(zone);
      } else {
        kmh = Double.parseDouble(v);
      }
    } catch (NumberFormatException e) {
      kmh = null;
    }
    if (kmh == null || !(kmh >= 5 && kmh <= 200)) {
      notes.accept("maxspeed values not understood, the road class's default speed kept: way " + w.id() + " " + key
          + "=\"" + raw + "\"");
      return fallback;
    }
    return kmh / 3.6;
  }

  /**
   * turn:lanes, from the leftmost lane to the rightmost in the direction of travel
   * (https://wiki.openstreetmap.org/wiki/Key:turn): per lane the set of our turns it marks; "none", "" and merge
   * arrows mark through traffic; reverse (a U-turn) is left out, since v2xsim junctions never route back.
   */
  static List<String> turnLanes(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return List.of(value.split("\\|", -1));
  }

  /** Our turns one turn:lanes entry allows. */
  static Set<Turn> turnsOf(String lane) {
    Set<Turn> turns = EnumSet.noneOf(Turn.class);
    for (String part : lane.split(";")) {
      switch (part.strip()) {
        case "left", "slight_left", "sharp_left" -> turns.add(Turn.LEFT);
        case "right", "slight_right", "sharp_right" -> turns.add(Turn.RIGHT);
        case "through", "none", "", "merge_to_left", "merge_to_right" -> turns.add(Turn.STRAIGHT);
        default -> { } // reverse, and values the wiki does not define
      }
    }
    return turns;
  }
}
