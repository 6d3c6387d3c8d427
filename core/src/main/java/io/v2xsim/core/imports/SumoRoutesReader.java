package io.v2xsim.core.imports;

import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.TripSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a SUMO .rou.xml: vType, route, vehicle (with a route id or an embedded route), flow (begin/end with
 * vehsPerHour, period, probability or number; a route, an embedded route or from/to) and trip (from/to).
 *
 * <p>Flows with a fixed rate become individual trips at SUMO's equally spaced departure times
 * ({@code begin + i * period} while before {@code end}); {@code probability} and {@code period="exp(r)"}
 * flows become Poisson flows of the same mean rate (random, through our seeded streams, not SUMO's).
 *
 * <p>Krauss onto IDM: accel is a, decel the comfortable deceleration b, emergencyDecel the emergency
 * deceleration, tau the time headway T, minGap s0, maxSpeed v0, speedDev (or the deviation of a normc
 * speedFactor) our speed-factor spread. sigma (Krauss driver imperfection) has no IDM counterpart and is
 * dropped. SUMO's passenger-car defaults apply to absent attributes.
 */
final class SumoRoutesReader {
  private static final String DEFAULT_TYPE = "DEFAULT_VEHTYPE";
  /** SUMO's default end of a flow: one day. */
  private static final double SUMO_DEFAULT_END = 86_400;

  private final String file;
  private final NetworkDraft net;
  private final double horizon;
  private final Map<String, VehicleTypeSpec> types = new LinkedHashMap<>();
  private final Map<String, List<String>> routes = new LinkedHashMap<>();
  private final List<TripSpec> trips = new ArrayList<>();
  private final List<FlowSpec> flows = new ArrayList<>();
  /** Line of the element each trip and flow came from, by id, so later problems point into this file. */
  private final Map<String, Integer> lines = new LinkedHashMap<>();
  private boolean sigmaDropped;

  private SumoRoutesReader(String file, NetworkDraft net, double horizon) {
    this.file = file;
    this.net = net;
    this.horizon = horizon;
  }

  /** Reads the file; vehicle types land in {@code types}. */
  static DemandSpec read(Path path, String display, NetworkDraft net, double horizon,
      Map<String, VehicleTypeSpec> typesOut) {
    return read(path, display, net, horizon, typesOut, new LinkedHashMap<>());
  }

  /** Reads the file; vehicle types land in {@code types}, the line of each trip and flow (by id) in {@code linesOut}. */
  static DemandSpec read(Path path, String display, NetworkDraft net, double horizon,
      Map<String, VehicleTypeSpec> typesOut, Map<String, Integer> linesOut) {
    SumoRoutesReader r = new SumoRoutesReader(display, net, horizon);
    r.parse(path);
    typesOut.putAll(r.types);
    linesOut.putAll(r.lines);
    if (r.sigmaDropped) {
      net.note("Krauss sigma (driver imperfection) has no IDM counterpart and was dropped");
    }
    List<TripSpec> sorted = new ArrayList<>(r.trips);
    sorted.sort(java.util.Comparator.comparingDouble(TripSpec::depart));
    return new DemandSpec(r.flows.isEmpty() ? null : r.flows, sorted, null);
  }

  private void parse(Path path) {
    Xml.Element[] owner = {null};
    List<String>[] embedded = new List[] {null};
    boolean[] sawRoutes = {false};
    Xml.read(path, file, new Xml.Handler() {
      @Override
      public void start(Xml.Element e) {
        if (e.depth() == 1) {
          if (!e.name().equals("routes")) {
            throw new ImportException(file, e.line(), "root element is <" + e.name() + ">, expected <routes>");
          }
          sawRoutes[0] = true;
          return;
        }
        if (e.depth() == 3 && owner[0] != null && e.name().equals("route")) {
          embedded[0] = edges(e);
          return;
        }
        if (e.depth() != 2) {
          return; // params, stops and other details inside an element
        }
        switch (e.name()) {
          case "vType" -> types.put(Xml.required(e, "id", file), vType(e));
          case "route" -> routes.put(Xml.required(e, "id", file), edges(e));
          case "vehicle", "flow", "trip" -> {
            owner[0] = e;
            embedded[0] = null;
          }
          case "interval", "include" -> throw unsupported(e);
          case "vTypeDistribution", "routeDistribution", "person", "personFlow", "container", "containerFlow" ->
              throw unsupported(e);
          default -> { }
        }
      }

      @Override
      public void end(String name, int depth) {
        if (depth == 2 && owner[0] != null && owner[0].name().equals(name)) {
          Xml.Element e = owner[0];
          switch (name) {
            case "vehicle" -> vehicle(e, embedded[0]);
            case "flow" -> flow(e, embedded[0]);
            default -> trip(e);
          }
          owner[0] = null;
        }
      }
    });
    if (!sawRoutes[0]) {
      throw new ImportException(file, 0, "no <routes> element: not a SUMO route file");
    }
  }

  private ImportException unsupported(Xml.Element e) {
    return new ImportException(file, e.line(), "<" + e.name() + "> is not supported by the importer "
        + "(supported: vType, route, vehicle, flow, trip)");
  }

  private VehicleTypeSpec vType(Xml.Element e) {
    String model = e.attributes().get("carFollowModel");
    if (model != null && !model.equals("Krauss")) {
      net.note("vType car-following models other than Krauss are mapped onto IDM by the same parameters");
    }
    if (e.attributes().containsKey("sigma") || model == null || model.equals("Krauss")) {
      sigmaDropped = true;
    }
    String vClass = e.attributes().getOrDefault("vClass", "passenger");
    String ours = switch (vClass) {
      case "bus", "coach", "tram" -> "bus";
      case "truck", "trailer", "delivery" -> "truck";
      case "emergency", "authority" -> "emergency";
      default -> "car";
    };
    double decel = Xml.number(e, "decel", 4.5, file);
    double emergency = Xml.number(e, "emergencyDecel", Math.max(9.0, decel), file);
    double speedDev = Xml.number(e, "speedDev", 0.1, file);
    String factor = e.attributes().get("speedFactor");
    if (factor != null && factor.startsWith("normc(")) {
      String[] args = factor.substring(6, factor.length() - 1).split(",");
      try {
        speedDev = Double.parseDouble(args[1].strip());
      } catch (RuntimeException ex) {
        throw new ImportException(file, e.line(), "speedFactor=\"" + factor + "\" is not normc(mean,dev,...)");
      }
    }
    return new VehicleTypeSpec(ours, Xml.number(e, "length", 5.0, file), Xml.number(e, "width", 1.8, file),
        Xml.number(e, "maxSpeed", 55.56, file), Xml.number(e, "accel", 2.6, file), decel, emergency,
        Xml.number(e, "tau", 1.0, file), Xml.number(e, "minGap", 2.5, file), null, null, null,
        Math.max(0.0, Math.min(0.5, speedDev)));
  }

  private List<String> edges(Xml.Element e) {
    String list = Xml.required(e, "edges", file);
    List<String> ids = Arrays.asList(list.strip().split("\\s+"));
    NetworkDraft.Road prev = null;
    for (String id : ids) {
      NetworkDraft.Road r = net.road(id);
      if (r == null) {
        throw new ImportException(file, e.line(), "route names unknown edge '" + id + "'");
      }
      if (prev != null && !prev.to().equals(r.from())) {
        throw new ImportException(file, e.line(), "route goes from edge '" + prev.id() + "' to edge '" + id
            + "', which do not meet");
      }
      prev = r;
    }
    return List.copyOf(ids);
  }

  private String type(Xml.Element e) {
    String t = e.attributes().get("type");
    if (t == null) {
      types.computeIfAbsent(DEFAULT_TYPE, k -> new VehicleTypeSpec("car", 5.0, 1.8, 55.56, 2.6, 4.5, 9.0, 1.0,
          2.5, null, null, null, 0.1));
      return DEFAULT_TYPE;
    }
    if (!types.containsKey(t)) {
      throw new ImportException(file, e.line(), "<" + e.name() + "> uses unknown vType '" + t
          + "' (declare it before use)");
    }
    return t;
  }

  private List<String> routeOf(Xml.Element e, List<String> embedded) {
    if (embedded != null) {
      return embedded;
    }
    String id = e.attributes().get("route");
    if (id == null) {
      return null;
    }
    List<String> r = routes.get(id);
    if (r == null) {
      throw new ImportException(file, e.line(), "<" + e.name() + "> uses unknown route '" + id + "'");
    }
    return r;
  }

  private double depart(Xml.Element e, String attr) {
    String v = Xml.required(e, attr, file);
    try {
      double d = Double.parseDouble(v.strip());
      if (d < 0 || !Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException ex) {
      throw new ImportException(file, e.line(), "<" + e.name() + "> " + attr + "=\"" + v
          + "\" is not supported (expected a time in seconds)");
    }
  }

  private void vehicle(Xml.Element e, List<String> embedded) {
    String id = Xml.required(e, "id", file);
    List<String> route = routeOf(e, embedded);
    if (route == null) {
      throw new ImportException(file, e.line(), "<vehicle> '" + id + "' has neither a route attribute nor a <route>");
    }
    double depart = depart(e, "depart");
    String type = type(e);
    if (depart < horizon) {
      trips.add(new TripSpec(id, depart, null, null, route, type));
      lines.put(id, e.line());
    }
  }

  private void trip(Xml.Element e) {
    String id = Xml.required(e, "id", file);
    String from = endpoint(e, "from");
    String to = endpoint(e, "to");
    double depart = depart(e, "depart");
    String type = type(e);
    if (depart < horizon) {
      trips.add(new TripSpec(id, depart, from, to, null, type));
      lines.put(id, e.line());
    }
  }

  private String endpoint(Xml.Element e, String attr) {
    String id = Xml.required(e, attr, file);
    if (net.road(id) == null) {
      throw new ImportException(file, e.line(), "<" + e.name() + "> " + attr + "=\"" + id + "\" is an unknown edge");
    }
    return id;
  }

  private void flow(Xml.Element e, List<String> embedded) {
    String id = Xml.required(e, "id", file);
    List<String> route = routeOf(e, embedded);
    String from = null;
    String to = null;
    if (route == null) {
      from = endpoint(e, "from");
      to = endpoint(e, "to");
    }
    String type = type(e);
    double begin = Xml.number(e, "begin", 0, file);
    double end = Math.min(Xml.number(e, "end", SUMO_DEFAULT_END, file), horizon);
    String number = e.attributes().get("number");
    String period = e.attributes().get("period");
    double spacing;
    if (e.attributes().containsKey("vehsPerHour")) {
      spacing = 3600.0 / positive(e, "vehsPerHour");
    } else if (period != null && period.startsWith("exp(")) {
      double rate = parse(e, "period", period.substring(4, period.length() - 1));
      flows.add(new FlowSpec(id, from, to, route, rate * 3600, "poisson", begin, end, type));
      lines.put(id, e.line());
      return;
    } else if (period != null) {
      spacing = positive(e, "period");
    } else if (e.attributes().containsKey("probability")) {
      double p = positive(e, "probability");
      flows.add(new FlowSpec(id, from, to, route, Math.min(1.0, p) * 3600, "poisson", begin, end, type));
      lines.put(id, e.line());
      net.note("probability flows became Poisson flows of the same mean rate");
      return;
    } else if (number != null) {
      double fullEnd = Xml.number(e, "end", SUMO_DEFAULT_END, file);
      spacing = (fullEnd - begin) / positive(e, "number");
    } else {
      throw new ImportException(file, e.line(), "<flow> '" + id + "' has none of vehsPerHour, period, probability, "
          + "number");
    }
    int limit = number == null ? Integer.MAX_VALUE : (int) positive(e, "number");
    for (int i = 0; i < limit; i++) {
      double t = begin + i * spacing;
      if (t >= end) {
        break;
      }
      trips.add(new TripSpec(id + "." + i, t, from, to, route, type));
      lines.put(id + "." + i, e.line());
    }
  }

  private double positive(Xml.Element e, String attr) {
    double v = Xml.number(e, attr, Double.NaN, file);
    if (!(v > 0)) {
      throw new ImportException(file, e.line(), "<" + e.name() + "> " + attr + " must be positive");
    }
    return v;
  }

  private double parse(Xml.Element e, String attr, String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException ex) {
      // reported below
    }
    throw new ImportException(file, e.line(), "<" + e.name() + "> " + attr + " has a malformed rate '" + text + "'");
  }
}
