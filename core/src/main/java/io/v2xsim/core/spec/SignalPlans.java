package io.v2xsim.core.spec;

import io.v2xsim.core.detect.DetectorFailure;
import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorLayout;
import io.v2xsim.core.detect.FailureMode;
import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Turn;
import io.v2xsim.core.signal.ControllerConfig;
import io.v2xsim.core.signal.Phase;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.signal.SignalPlan;
import io.v2xsim.core.signal.Strategy;
import io.v2xsim.core.spec.ScenarioSpec.ControllerParamsSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorFailureSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorsSpec;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Plans and controllers for every signalized junction, and the detectors adaptive controllers read. Plans:
 * explicit ones from the scenario, generated ones from junction geometry for the rest. Generated plans group
 * approaches that face each other (within 45 degrees) into one phase, as two-phase control does at ordinary
 * crossroads. A junction's own entry may change the controller and its settings; unset ones come from the
 * defaults.
 */
final class SignalPlans {
  private final RoadNetwork net;
  private final Checks check;

  SignalPlans(RoadNetwork net, Checks check) {
    this.net = net;
    this.check = check;
  }

  /** Plans, their controllers and the detector layout. */
  record Setup(List<SignalPlan> plans, List<ControllerConfig> control, DetectorLayout detectors) {}

  Setup setup(SignalsSpec spec) {
    SignalDefaultsSpec d = spec != null && spec.defaults() != null ? spec.defaults()
        : new SignalDefaultsSpec(null, null, null, null, null, null);
    String dp = "/signals/defaults";
    ControllerConfig defaults = control(d.controller(), d.minGreen(), d.maxGreen(), d.parameters(),
        ControllerConfig.defaults(Strategy.FIXED_TIME), dp);
    double green = check.positive(d.green(), 30.0, dp + "/green", "seconds");
    double yellow = check.range(d.yellow(), 3.0, 0.0, 10.0, dp + "/yellow", "seconds");
    double allRed = check.range(d.allRed(), 2.0, 0.0, 10.0, dp + "/allRed", "seconds");
    double offsetStep = check.range(d.offsetStep(), 0.0, 0.0, 3600.0, dp + "/offsetStep", "seconds");
    boolean protectedLefts = false;
    if (d.leftTurns() != null) {
      switch (d.leftTurns()) {
        case "permissive" -> protectedLefts = false;
        case "protected" -> protectedLefts = true;
        default -> check.add(dp + "/leftTurns", "unknown value '" + d.leftTurns() + "' (expected permissive or protected)");
      }
    }
    Map<String, JunctionSignalSpec> explicit = spec != null && spec.junctions() != null ? spec.junctions() : Map.of();
    for (String id : explicit.keySet()) {
      Junction j = net.junction(id);
      if (j == null) {
        check.add("/signals/junctions/" + Checks.escape(id), "unknown junction '" + id + "'");
      } else if (j.kind() != JunctionKind.SIGNALIZED) {
        check.add("/signals/junctions/" + Checks.escape(id), "junction '" + id + "' is not signalized (its node type is "
            + j.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
      }
    }
    TreeSet<Double> xs = new TreeSet<>();
    for (Junction j : net.junctions()) {
      if (j.kind() == JunctionKind.SIGNALIZED) {
        xs.add(j.x());
      }
    }
    List<Double> xOrder = new ArrayList<>(xs);
    List<SignalPlan> plans = new ArrayList<>();
    List<ControllerConfig> control = new ArrayList<>();
    for (Junction j : net.junctions()) {
      if (j.kind() != JunctionKind.SIGNALIZED || j.movements().isEmpty()) {
        continue;
      }
      JunctionSignalSpec js = explicit.get(j.id());
      if (js != null) {
        String jp = "/signals/junctions/" + Checks.escape(j.id());
        SignalPlan p = explicitPlan(j, js, jp, yellow, allRed);
        ControllerConfig c = control(js.controller(), js.minGreen(), js.maxGreen(), js.parameters(), defaults, jp);
        if (p != null) {
          plans.add(p);
          control.add(c);
        }
      } else {
        double offset = offsetStep * xOrder.indexOf(j.x());
        plans.add(generated(j, green, yellow, allRed, protectedLefts, offset));
        control.add(defaults);
      }
    }
    boolean adaptive = control.stream().anyMatch(ControllerConfig::needsDetectors);
    DetectorsSpec ds = spec == null ? null : spec.detectors();
    DetectorLayout layout = ds != null || adaptive ? detectors(ds) : null;
    return new Setup(plans, control, layout);
  }

  /**
   * A controller configuration: fields given here override {@code base} (the defaults' configuration for a
   * junction entry), so a junction can change its strategy and keep the shared timing.
   */
  private ControllerConfig control(String controller, Double minGreen, Double maxGreen, ControllerParamsSpec ps,
      ControllerConfig base, String p) {
    Strategy st = base.strategy();
    if (controller != null) {
      st = Strategy.parse(controller);
      if (st == null) {
        check.add(p + "/controller", "unknown controller '" + controller + "' (expected " + Strategy.names() + ")");
        st = base.strategy();
      }
    }
    double min = check.range(minGreen, base.minGreen(), 1.0, 300.0, p + "/minGreen", "seconds");
    double max = check.range(maxGreen, base.maxGreen(), 1.0, 600.0, p + "/maxGreen", "seconds");
    if (max < min && (minGreen != null || maxGreen != null)) {
      check.add(p + (maxGreen != null ? "/maxGreen" : "/minGreen"), "maxGreen (" + Checks.fmt(max)
          + " s) must not be shorter than minGreen (" + Checks.fmt(min) + " s)");
      max = min;
    }
    ControllerParamsSpec q = ps != null ? ps : new ControllerParamsSpec(null, null, null, null, null, null, null, null);
    String pp = p + "/parameters";
    double passage = check.range(q.passage(), base.passage(), 0.1, 30.0, pp + "/passage", "seconds");
    double decision = check.range(q.decisionInterval(), base.decisionInterval(), 0.1, 300.0, pp + "/decisionInterval",
        "seconds");
    double replan = check.range(q.replanInterval(), base.replanInterval(), 30.0, 86_400.0, pp + "/replanInterval",
        "seconds");
    double minCycle = check.range(q.minCycle(), base.minCycle(), 10.0, 600.0, pp + "/minCycle", "seconds");
    double maxCycle = check.range(q.maxCycle(), base.maxCycle(), 10.0, 600.0, pp + "/maxCycle", "seconds");
    if (maxCycle < minCycle) {
      check.add(pp + "/maxCycle", "maxCycle (" + Checks.fmt(maxCycle) + " s) must not be shorter than minCycle ("
          + Checks.fmt(minCycle) + " s)");
    }
    double sat = check.range(q.saturationFlow(), base.saturationFlow(), 100.0, 4000.0, pp + "/saturationFlow",
        "vehicles per hour of green per lane");
    double theta = check.range(q.theta(), base.theta(), 0.0, 100_000.0, pp + "/theta", "vehicle-seconds");
    int mu = check.range(q.mu(), base.mu(), 0, 100, pp + "/mu", "vehicles");
    return new ControllerConfig(st, min, max, passage, decision, replan, minCycle, maxCycle, sat, theta, mu);
  }

  private DetectorLayout detectors(DetectorsSpec s) {
    DetectorLayout d = DetectorLayout.defaults();
    if (s == null) {
      return d;
    }
    String p = "/signals/detectors";
    double stop = check.range(s.stopBarLength(), d.stopBarLength(), 0.1, 50.0, p + "/stopBarLength", "metres");
    double adDist = check.range(s.advanceDistance(), d.advanceDistance(), 0.0, 1000.0, p + "/advanceDistance", "metres");
    double adLen = check.range(s.advanceLength(), d.advanceLength(), 0.1, 50.0, p + "/advanceLength", "metres");
    double queue = check.range(s.queueLength(), d.queueLength(), 1.0, 10_000.0, p + "/queueLength", "metres");
    double near = check.range(s.nearLength(), d.nearLength(), 1.0, 10_000.0, p + "/nearLength", "metres");
    double exit = check.range(s.exitLength(), d.exitLength(), 1.0, 10_000.0, p + "/exitLength", "metres");
    double halt = check.range(s.haltingSpeed(), d.haltingSpeed(), 0.0, 10.0, p + "/haltingSpeed", "m/s");
    List<DetectorFailure> failures = new ArrayList<>();
    if (s.failures() != null) {
      for (int i = 0; i < s.failures().size(); i++) {
        DetectorFailureSpec f = s.failures().get(i);
        String fp = p + "/failures/" + i;
        if (f == null) {
          check.add(fp, "expected a failure mapping with mode");
          continue;
        }
        FailureMode mode = null;
        if (f.mode() == null) {
          check.add(fp + "/mode", "missing field 'mode' (expected stuck-off or stuck-on)");
        } else {
          mode = switch (f.mode()) {
            case "stuck-off" -> FailureMode.STUCK_OFF;
            case "stuck-on" -> FailureMode.STUCK_ON;
            default -> {
              check.add(fp + "/mode", "unknown failure mode '" + f.mode() + "' (expected stuck-off or stuck-on)");
              yield null;
            }
          };
        }
        DetectorKind kind = null;
        if (f.kind() != null) {
          kind = switch (f.kind()) {
            case "stop-bar" -> DetectorKind.STOP_BAR;
            case "advance" -> DetectorKind.ADVANCE;
            case "queue" -> DetectorKind.QUEUE;
            case "near" -> DetectorKind.NEAR;
            case "exit" -> DetectorKind.EXIT;
            default -> {
              check.add(fp + "/kind", "unknown detector kind '" + f.kind()
                  + "' (expected stop-bar, advance, queue, near or exit)");
              yield null;
            }
          };
        }
        if (f.lane() != null && net.links().stream().noneMatch(l -> l.id().equals(f.lane()))) {
          check.add(fp + "/lane", "no lane '" + f.lane() + "' (lane ids are roadId_number, 0 the rightmost)");
        }
        double prob = check.range(f.probability(), 1.0, 0.0, 1.0, fp + "/probability", "a probability per detector and run");
        double start = check.range(f.start(), 0.0, 0.0, Double.MAX_VALUE, fp + "/start", "seconds");
        double end = check.positive(f.end(), Double.MAX_VALUE, fp + "/end", "seconds");
        if (f.end() != null && end <= start) {
          check.add(fp + "/end", "end (" + Checks.fmt(end) + " s) must come after start (" + Checks.fmt(start) + " s)");
        }
        if (mode != null) {
          failures.add(new DetectorFailure(mode, kind, f.lane(), prob, start, end));
        }
      }
    }
    return new DetectorLayout(stop, adDist, adLen, queue, near, exit, halt, failures);
  }

  private SignalPlan explicitPlan(Junction j, JunctionSignalSpec s, String p, double yellow, double allRed) {
    if (s.phases() == null || s.phases().isEmpty()) {
      check.add(p + "/phases", "missing field 'phases' (expected a list of phases)");
      return null;
    }
    double offset = check.range(s.offset(), 0.0, 0.0, 3600.0, p + "/offset", "seconds");
    List<Phase> phases = new ArrayList<>();
    int before = 0;
    for (int i = 0; i < s.phases().size(); i++) {
      PhaseSpec ps = s.phases().get(i);
      String pp = p + "/phases/" + i;
      if (ps == null) {
        check.add(pp, "expected a phase mapping");
        continue;
      }
      double g = check.positive(ps.green(), null, pp + "/green", "seconds");
      double y = check.range(ps.yellow(), yellow, 0.0, 10.0, pp + "/yellow", "seconds");
      double ar = check.range(ps.allRed(), allRed, 0.0, 10.0, pp + "/allRed", "seconds");
      byte[] states = new byte[j.movements().size()];
      mark(j, ps.movements(), SignalColor.GREEN, states, pp + "/movements");
      mark(j, ps.permissive(), SignalColor.PERMISSIVE, states, pp + "/permissive");
      mark(j, ps.stop(), SignalColor.STOP, states, pp + "/stop");
      checkProtectedConflicts(j, states, pp + "/movements");
      phases.add(new Phase(g, y, ar, states));
    }
    return phases.size() == s.phases().size() ? new SignalPlan(j.index(), offset, phases) : null;
  }

  private void mark(Junction j, List<String> labels, byte state, byte[] states, String p) {
    if (labels == null) {
      return;
    }
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      Movement m = null;
      int gt = label == null ? -1 : label.indexOf('>');
      if (gt > 0) {
        m = j.movement(net.road(label.substring(0, gt).strip()), net.road(label.substring(gt + 1).strip()));
      }
      if (m == null) {
        List<String> known = j.movements().stream().map(Movement::label).toList();
        check.add(p + "/" + i, "no movement '" + label + "' at junction '" + j.id() + "' (expected fromRoad>toRoad, one of "
            + String.join(", ", known) + ")");
      } else {
        states[m.index()] = state;
      }
    }
  }

  /** Two protected movements whose paths cross or merge must never be green together. */
  private void checkProtectedConflicts(Junction j, byte[] states, String p) {
    for (Connector c : j.connectors()) {
      if (states[c.movement()] != SignalColor.GREEN) {
        continue;
      }
      for (Conflict conf : c.conflicts()) {
        Connector o = conf.other();
        if (o.junction() != j) {
          continue; // a neighbouring junction's path: its own signal, if any, governs it
        }
        if (o.movement() > c.movement() && states[o.movement()] == SignalColor.GREEN) {
          check.add(p, "gives protected green to conflicting movements " + j.movements().get(c.movement()).label()
              + " and " + j.movements().get(o.movement()).label() + "; make one of them permissive or move it to another phase");
          return;
        }
      }
    }
  }

  private static SignalPlan generated(Junction j, double green, double yellow, double allRed, boolean protectedLefts,
      double offset) {
    List<List<Road>> groups = new ArrayList<>();
    List<Double> refs = new ArrayList<>();
    for (Road r : j.incoming()) {
      double h = r.endHeading();
      int found = -1;
      for (int g = 0; g < groups.size(); g++) {
        double diff = Math.abs(Math.IEEEremainder(h - refs.get(g), Math.PI));
        if (diff < Math.toRadians(45)) {
          found = g;
          break;
        }
      }
      if (found < 0) {
        groups.add(new ArrayList<>());
        refs.add(h);
        found = groups.size() - 1;
      }
      groups.get(found).add(r);
    }
    List<Phase> phases = new ArrayList<>();
    int n = j.movements().size();
    for (List<Road> group : groups) {
      boolean opposed = group.size() > 1;
      if (protectedLefts && opposed) {
        byte[] through = new byte[n];
        byte[] lefts = new byte[n];
        boolean anyLeft = false;
        for (Movement m : j.movements()) {
          if (group.contains(m.from())) {
            if (m.turn() == Turn.LEFT || m.turn() == Turn.UTURN) {
              lefts[m.index()] = SignalColor.GREEN;
              anyLeft = true;
            } else {
              through[m.index()] = SignalColor.GREEN;
            }
          }
        }
        phases.add(new Phase(green, yellow, allRed, through));
        if (anyLeft) {
          phases.add(new Phase(Math.max(8.0, green / 3), yellow, allRed, lefts));
        }
      } else {
        byte[] states = new byte[n];
        for (Movement m : j.movements()) {
          if (group.contains(m.from())) {
            boolean left = m.turn() == Turn.LEFT || m.turn() == Turn.UTURN;
            states[m.index()] = left && opposed ? SignalColor.PERMISSIVE : SignalColor.GREEN;
          }
        }
        phases.add(new Phase(green, yellow, allRed, states));
      }
    }
    return new SignalPlan(j.index(), offset, phases);
  }
}
