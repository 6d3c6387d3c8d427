package io.v2xsim.core.spec;

import io.v2xsim.core.actors.ActorKind;
import io.v2xsim.core.actors.ActorScript;
import io.v2xsim.core.actors.Motion;
import io.v2xsim.core.actors.CrossingFlow;
import io.v2xsim.core.actors.StaticScene;
import io.v2xsim.core.channel.ChannelSpec;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.experiment.Cooperation;
import io.v2xsim.core.experiment.RsuSite;
import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.sensing.SensorType;
import io.v2xsim.core.spec.ScenarioSpec.ActorsSpec;
import io.v2xsim.core.spec.ScenarioSpec.ArmSpec;
import io.v2xsim.core.spec.ScenarioSpec.BuildingSpec;
import io.v2xsim.core.spec.ScenarioSpec.ChannelYaml;
import io.v2xsim.core.spec.ScenarioSpec.CrossingSpec;
import io.v2xsim.core.spec.ScenarioSpec.InfrastructureSpec;
import io.v2xsim.core.spec.ScenarioSpec.ParkedSpec;
import io.v2xsim.core.spec.ScenarioSpec.RsuSpec;
import io.v2xsim.core.spec.ScenarioSpec.SceneSpec;
import io.v2xsim.core.spec.ScenarioSpec.ScriptedActorSpec;
import io.v2xsim.core.spec.ScenarioSpec.SensorSpecYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Compiles the parts of a scenario beyond traffic: actors, the static scene, roadside units, radio and arms. */
final class CooperationCompiler {
  private final Checks check;

  CooperationCompiler(Checks check) {
    this.check = check;
  }

  List<ActorScript> scripted(ActorsSpec spec) {
    List<ActorScript> out = new ArrayList<>();
    if (spec == null || spec.scripted() == null) {
      return out;
    }
    for (int i = 0; i < spec.scripted().size(); i++) {
      ScriptedActorSpec a = spec.scripted().get(i);
      String p = "/actors/scripted/" + i;
      if (a == null) {
        check.add(p, "expected an actor mapping with id, kind, path");
        continue;
      }
      String id = check.requiredText(a.id(), p + "/id", "an actor id");
      ActorKind kind = kind(a.kind(), p + "/kind");
      Polyline path = path(a.path(), p + "/path");
      double speed = check.positive(a.speed(), kind == null ? 1.4 : kind.defaultSpeed(), p + "/speed", "m/s");
      double start = a.start() == null ? Double.NaN : check.range(a.start(), 0.0, 0.0, Double.MAX_VALUE, p + "/start", "seconds");
      String trip = null;
      double seconds = 0;
      double tx = 0;
      double ty = 0;
      if (a.trigger() != null) {
        trip = check.requiredText(a.trigger().vehicle(), p + "/trigger/vehicle", "the id of the trip whose approach starts the actor");
        seconds = check.positive(a.trigger().seconds(), null, p + "/trigger/seconds", "seconds before the vehicle reaches the point");
        List<Double> at = a.trigger().at();
        if (at == null || at.size() != 2 || at.get(0) == null || at.get(1) == null) {
          check.add(p + "/trigger/at", "expected a point [x, y] in metres");
        } else {
          tx = at.get(0);
          ty = at.get(1);
        }
      } else if (a.start() == null) {
        check.add(p, "give the actor a start time or a trigger");
      }
      double length = kind == null ? 0.5 : check.range(a.length(), kind.length(), 0.1, 5.0, p + "/length", "metres");
      double width = kind == null ? 0.5 : check.range(a.width(), kind.width(), 0.1, 3.0, p + "/width", "metres");
      Motion motion = motion(a, p, path);
      if (id != null && kind != null && path != null && motion != null) {
        out.add(new ActorScript(id, kind, path, speed, length, width, start, trip, seconds, tx, ty, motion));
      }
    }
    return out;
  }

  /** Pauses and speed changes of a scripted actor, checked: inside the path, in order, positive. */
  private Motion motion(ScriptedActorSpec a, String p, Polyline path) {
    int np = a.pauses() == null ? 0 : a.pauses().size();
    int nc = a.speedChanges() == null ? 0 : a.speedChanges().size();
    if (np == 0 && nc == 0) {
      return Motion.NONE;
    }
    double max = path == null ? Double.MAX_VALUE : path.length();
    double[] pauseAt = new double[np];
    double[] pauseSeconds = new double[np];
    double[] changeAt = new double[nc];
    double[] newSpeed = new double[nc];
    boolean ok = true;
    for (int k = 0; k < np; k++) {
      String q = p + "/pauses/" + k;
      var e = a.pauses().get(k);
      if (e == null) {
        check.add(q, "expected a mapping {at: metres along the path, seconds: how long it stands}");
        ok = false;
        continue;
      }
      pauseAt[k] = check.range(e.at(), null, 0.0, max, q + "/at", "metres along the path");
      pauseSeconds[k] = check.positive(e.seconds(), null, q + "/seconds", "seconds");
      if (k > 0 && pauseAt[k] < pauseAt[k - 1]) {
        check.add(q + "/at", "pauses must be listed in order along the path");
        ok = false;
      }
    }
    for (int k = 0; k < nc; k++) {
      String q = p + "/speedChanges/" + k;
      var e = a.speedChanges().get(k);
      if (e == null) {
        check.add(q, "expected a mapping {at: metres along the path, speed: m/s from there on}");
        ok = false;
        continue;
      }
      changeAt[k] = check.range(e.at(), null, 0.0, max, q + "/at", "metres along the path");
      newSpeed[k] = check.positive(e.speed(), null, q + "/speed", "m/s");
      if (k > 0 && changeAt[k] < changeAt[k - 1]) {
        check.add(q + "/at", "speed changes must be listed in order along the path");
        ok = false;
      }
    }
    return ok ? new Motion(pauseAt, pauseSeconds, changeAt, newSpeed) : null;
  }

  List<CrossingFlow> crossings(ActorsSpec spec, double duration) {
    List<CrossingFlow> out = new ArrayList<>();
    if (spec == null || spec.crossings() == null) {
      return out;
    }
    for (int i = 0; i < spec.crossings().size(); i++) {
      CrossingSpec c = spec.crossings().get(i);
      String p = "/actors/crossings/" + i;
      if (c == null) {
        check.add(p, "expected a crossing mapping with path and rate");
        continue;
      }
      ActorKind kind = kind(c.kind(), p + "/kind");
      Polyline path = path(c.path(), p + "/path");
      double rate = check.positive(c.rate(), null, p + "/rate", "crossings per hour");
      double speed = check.positive(c.speed(), kind == null ? 1.4 : kind.defaultSpeed(), p + "/speed", "m/s");
      double begin = check.range(c.begin(), 0.0, 0.0, Double.MAX_VALUE, p + "/begin", "seconds");
      double end = check.positive(c.end(), duration, p + "/end", "seconds");
      if (kind != null && path != null && rate > 0) {
        out.add(new CrossingFlow(c.id() != null ? c.id() : "crossing" + i, kind, path, rate, speed, begin, end));
      }
    }
    return out;
  }

  StaticScene scene(SceneSpec spec) {
    if (spec == null) {
      return StaticScene.EMPTY;
    }
    List<StaticScene.Building> buildings = new ArrayList<>();
    if (spec.buildings() != null) {
      for (int i = 0; i < spec.buildings().size(); i++) {
        BuildingSpec b = spec.buildings().get(i);
        String p = "/scene/buildings/" + i;
        if (b == null || b.polygon() == null || b.polygon().size() < 3) {
          check.add(p + "/polygon", "expected a polygon of at least three [x, y] corners");
          continue;
        }
        double[][] pts = points(b.polygon(), p + "/polygon");
        if (pts != null) {
          buildings.add(new StaticScene.Building(b.id() != null ? b.id() : "building" + i, pts[0], pts[1]));
        }
      }
    }
    List<StaticScene.Parked> parked = new ArrayList<>();
    if (spec.parked() != null) {
      for (int i = 0; i < spec.parked().size(); i++) {
        ParkedSpec v = spec.parked().get(i);
        String p = "/scene/parked/" + i;
        if (v == null) {
          check.add(p, "expected a parked vehicle with x, y, headingDeg, length, width");
          continue;
        }
        Double x = check.required(v.x(), p + "/x", "metres");
        Double y = check.required(v.y(), p + "/y", "metres");
        double heading = Math.toRadians(v.headingDeg() == null ? 0 : v.headingDeg());
        double length = check.positive(v.length(), 12.0, p + "/length", "metres");
        double width = check.positive(v.width(), 2.55, p + "/width", "metres");
        if (x != null && y != null) {
          parked.add(new StaticScene.Parked(v.id() != null ? v.id() : "parked" + i, x, y, heading, length, width,
              Boolean.TRUE.equals(v.inLane())));
        }
      }
    }
    return new StaticScene(buildings, parked);
  }

  Cooperation cooperation(ScenarioSpec spec) {
    List<RsuSite> rsus = rsus(spec.infrastructure());
    ChannelSpec channel = channel(spec.channel(), ChannelSpec.defaults(), "/channel");
    Map<String, List<SensorSpecYaml>> suites = spec.sensorSuites() == null ? Map.of() : spec.sensorSuites();
    java.util.LinkedHashMap<String, List<SensorSpec>> compiledSuites = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<SensorSpecYaml>> e : suites.entrySet()) {
      String p = "/sensorSuites/" + Checks.escape(e.getKey());
      List<SensorSpec> list = new ArrayList<>();
      if (e.getValue() == null) {
        check.add(p, "expected a list of sensors (write [] for none)");
        continue;
      }
      for (int i = 0; i < e.getValue().size(); i++) {
        SensorSpec s = sensor(e.getValue().get(i), p + "/" + i, 0, 0);
        if (s != null) {
          list.add(s);
        }
      }
      compiledSuites.put(e.getKey(), list);
    }
    for (String builtIn : new String[] {"front", "standard"}) {
      if (!compiledSuites.containsKey(builtIn)) {
        List<SensorSpec> list = new ArrayList<>();
        for (SensorSpecYaml y : BuiltInSuites.SUITES.get(builtIn)) {
          list.add(sensor(y, "(built-in suite " + builtIn + ")", 0, 0));
        }
        compiledSuites.put(builtIn, list);
      }
    }
    List<Arm> arms = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (spec.arms() == null || spec.arms().isEmpty()) {
      arms.add(new Arm("baseline", "none", List.of(), false, !rsus.isEmpty(), channel));
    } else {
      for (int i = 0; i < spec.arms().size(); i++) {
        ArmSpec a = spec.arms().get(i);
        String p = "/arms/" + i;
        if (a == null) {
          check.add(p, "expected an arm mapping with a name");
          continue;
        }
        String name = check.requiredText(a.name(), p + "/name", "the arm's name, e.g. vehicle-only or v2x");
        if (name != null && !names.add(name)) {
          check.add(p + "/name", "duplicate arm name '" + name + "'");
        }
        List<SensorSpec> onboard = List.of();
        String suite = a.onboard() == null ? "none" : a.onboard();
        if (a.onboard() != null && !a.onboard().equals("none")) {
          onboard = compiledSuites.get(a.onboard());
          if (onboard == null) {
            check.add(p + "/onboard", "unknown sensor suite '" + a.onboard() + "' (expected none or one of "
                + String.join(", ", compiledSuites.keySet()) + ": sensorSuites, or the built-in front and standard)");
            onboard = List.of();
          }
        }
        boolean useRsu = Boolean.TRUE.equals(a.useRsu());
        if (useRsu && rsus.isEmpty()) {
          check.add(p + "/useRsu", "this arm uses RSU frames but the scenario has no infrastructure.rsus");
        }
        boolean enabled = a.rsuEnabled() == null || a.rsuEnabled();
        ChannelSpec armChannel = a.channel() == null ? channel : channel(a.channel(), channel, p + "/channel");
        io.v2xsim.core.experiment.DrivingPolicy policy = io.v2xsim.core.experiment.DrivingPolicy.CAUTIOUS;
        if (a.policy() != null) {
          policy = io.v2xsim.core.experiment.DrivingPolicy.parse(a.policy());
          if (policy == null) {
            check.add(p + "/policy", "unknown driving policy '" + a.policy() + "' (expected cautious or naive)");
            policy = io.v2xsim.core.experiment.DrivingPolicy.CAUTIOUS;
          }
        }
        if (name != null) {
          arms.add(new Arm(name, suite, onboard, useRsu, enabled, policy, armChannel));
        }
      }
    }
    String transport = spec.experiment() == null || spec.experiment().transport() == null ? "inprocess"
        : spec.experiment().transport();
    if (!transport.equals("inprocess") && !transport.equals("udp")) {
      check.add("/experiment/transport", "unknown transport '" + transport + "' (expected inprocess or udp)");
    }
    boolean priority = false;
    if (spec.signals() != null && spec.signals().priority() != null) {
      String pr = spec.signals().priority();
      if (pr.equals("v2x")) {
        priority = true;
        if (rsus.isEmpty()) {
          check.add("/signals/priority", "emergency-vehicle priority from V2X needs roadside units "
              + "(infrastructure.rsus) whose frames show the emergency vehicles");
        }
      } else if (!pr.equals("none")) {
        check.add("/signals/priority", "unknown priority '" + pr + "' (expected none or v2x)");
      }
    }
    return new Cooperation(rsus, arms, transport, priority);
  }

  private List<RsuSite> rsus(InfrastructureSpec spec) {
    List<RsuSite> out = new ArrayList<>();
    if (spec == null || spec.rsus() == null) {
      return out;
    }
    for (int i = 0; i < spec.rsus().size(); i++) {
      RsuSpec r = spec.rsus().get(i);
      String p = "/infrastructure/rsus/" + i;
      if (r == null) {
        check.add(p, "expected an RSU mapping with id, x, y, sensors");
        continue;
      }
      String id = check.requiredText(r.id(), p + "/id", "an RSU id");
      Double x = check.required(r.x(), p + "/x", "metres");
      Double y = check.required(r.y(), p + "/y", "metres");
      double period = check.range(r.fusionPeriod(), 0.1, 0.1, 1.0, p + "/fusionPeriod",
          "seconds; collective perception sends every 0.1 to 1 s");
      List<SensorSpec> sensors = new ArrayList<>();
      if (r.sensors() == null || r.sensors().isEmpty()) {
        check.add(p + "/sensors", "an RSU needs at least one sensor");
      } else {
        for (int k = 0; k < r.sensors().size(); k++) {
          SensorSpec s = sensor(r.sensors().get(k), p + "/sensors/" + k, x == null ? 0 : x, y == null ? 0 : y);
          if (s != null) {
            sensors.add(s);
          }
        }
      }
      if (id != null && x != null && y != null) {
        out.add(new RsuSite(out.size(), id, x, y, period, sensors));
      }
    }
    return out;
  }

  private SensorSpec sensor(SensorSpecYaml y, String p, double defaultX, double defaultY) {
    if (y == null) {
      check.add(p, "expected a sensor mapping with a type");
      return null;
    }
    String t = check.requiredText(y.type(), p + "/type", "camera, lidar or radar");
    if (t == null) {
      return null;
    }
    SensorType type;
    try {
      type = SensorType.valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      check.add(p + "/type", "unknown sensor type '" + t + "' (expected camera, lidar or radar)");
      return null;
    }
    SensorSpec d = SensorSpec.defaults(type);
    double fov = check.range(y.fovDeg(), Math.toDegrees(2 * d.halfFov()), 1.0, 360.0, p + "/fovDeg", "degrees");
    double range = check.positive(y.range(), d.range(), p + "/range", "metres");
    double period = check.range(y.period(), d.period(), 0.01, 10.0, p + "/period", "seconds");
    double latency = check.range(y.latencyMs(), d.latency() * 1000, 0.0, 5000.0, p + "/latencyMs", "ms") / 1000.0;
    double near = check.range(y.detectionNear(), d.pDetectNear(), 0.0, 1.0, p + "/detectionNear", "a probability");
    double far = check.range(y.detectionFar(), d.pDetectFar(), 0.0, 1.0, p + "/detectionFar", "a probability");
    double along = check.positive(y.sigmaAlong(), d.sigmaAlong(), p + "/sigmaAlong", "metres");
    double across = check.positive(y.sigmaAcross(), d.sigmaAcross(), p + "/sigmaAcross", "metres");
    double clutter = check.range(y.clutter(), d.clutterPerScan(), 0.0, 100.0, p + "/clutter", "false alarms per scan");
    double heading = Math.toRadians(y.headingDeg() == null ? 0 : y.headingDeg());
    double mx = y.x() == null ? defaultX : y.x();
    double my = y.y() == null ? defaultY : y.y();
    return d.at(mx, my, heading).withCoverage(Math.toRadians(fov) / 2, range).withTiming(period, latency)
        .withDetection(near, far, clutter).withNoise(along, across);
  }

  private ChannelSpec channel(ChannelYaml y, ChannelSpec base, String p) {
    if (y == null) {
      return base;
    }
    double range = check.positive(y.range(), base.rangeM(), p + "/range", "metres");
    double latency = check.range(y.latencyMs(), base.baseLatencyMs(), 0.0, 10_000.0, p + "/latencyMs", "ms");
    double jitter = check.range(y.jitterMs(), base.jitterMs(), 0.0, 10_000.0, p + "/jitterMs", "ms");
    double loss = check.range(y.loss(), base.lossProbability(), 0.0, 1.0, p + "/loss", "a probability");
    double ceiling = check.positive(y.ceilingMs(), base.ceilingMs(), p + "/ceilingMs", "ms");
    double g2b = base.pGoodToBad();
    double b2g = base.pBadToGood();
    double lossGood = base.lossInGood();
    double lossBad = base.lossInBad();
    if (y.burst() != null) {
      g2b = check.range(y.burst().pGoodToBad(), g2b, 0.0, 1.0, p + "/burst/pGoodToBad", "a probability");
      b2g = check.range(y.burst().pBadToGood(), b2g, 0.0, 1.0, p + "/burst/pBadToGood", "a probability");
      lossGood = check.range(y.burst().lossGood(), lossGood, 0.0, 1.0, p + "/burst/lossGood", "a probability");
      lossBad = check.range(y.burst().lossBad(), lossBad, 0.0, 1.0, p + "/burst/lossBad", "a probability");
    }
    List<ChannelSpec.Outage> outages = base.outages();
    if (y.outages() != null) {
      outages = new ArrayList<>();
      for (int i = 0; i < y.outages().size(); i++) {
        List<Double> w = y.outages().get(i);
        if (w == null || w.size() != 2 || w.get(0) == null || w.get(1) == null || !(w.get(0) >= 0)
            || !(w.get(1) > w.get(0))) {
          check.add(p + "/outages/" + i, "expected [start, end] in seconds with 0 <= start < end");
        } else {
          outages.add(new ChannelSpec.Outage(w.get(0), w.get(1)));
        }
      }
    }
    if (b2g == 0 && g2b > 0) {
      check.add(p + "/burst/pBadToGood", "must be positive when pGoodToBad is: a link would never recover");
      b2g = 1;
    }
    return new ChannelSpec(range, latency, jitter, base.jitter(), loss, g2b, b2g, lossGood, lossBad, ceiling, outages);
  }

  private ActorKind kind(String s, String p) {
    String k = s == null ? "pedestrian" : s;
    ActorKind kind = ActorKind.parse(k);
    if (kind == null) {
      check.add(p, "unknown kind '" + k + "' (expected pedestrian or cyclist)");
    }
    return kind;
  }

  private Polyline path(List<List<Double>> pts, String p) {
    if (pts == null || pts.size() < 2) {
      check.add(p, "expected a path of at least two [x, y] points");
      return null;
    }
    double[][] xy = points(pts, p);
    if (xy == null) {
      return null;
    }
    Polyline line = new Polyline(xy[0], xy[1]);
    if (line.length() <= 0) {
      check.add(p, "the path has zero length");
      return null;
    }
    return line;
  }

  private double[][] points(List<List<Double>> pts, String p) {
    double[] xs = new double[pts.size()];
    double[] ys = new double[pts.size()];
    for (int i = 0; i < pts.size(); i++) {
      List<Double> pt = pts.get(i);
      if (pt == null || pt.size() != 2 || pt.get(0) == null || pt.get(1) == null) {
        check.add(p + "/" + i, "expected a point [x, y] in metres");
        return null;
      }
      xs[i] = pt.get(0);
      ys[i] = pt.get(1);
    }
    return new double[][] {xs, ys};
  }
}
