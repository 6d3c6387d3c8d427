package io.v2xsim.core.spec;

import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.network.Turn;
import io.v2xsim.core.signal.Phase;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.signal.SignalPlan;
import io.v2xsim.core.spec.ScenarioSpec.JunctionSignalSpec;
import io.v2xsim.core.spec.ScenarioSpec.PhaseSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Fixed-time plans for every signalized junction: explicit ones from the scenario, generated ones from
 * junction geometry for the rest. Generated plans group approaches that face each other (within 45 degrees)
 * into one phase, as two-phase control does at ordinary crossroads.
 */
final class SignalPlans {
  private final RoadNetwork net;
  private final Checks check;

  SignalPlans(RoadNetwork net, Checks check) {
    this.net = net;
    this.check = check;
  }

  List<SignalPlan> plans(SignalsSpec spec) {
    SignalDefaultsSpec d = spec != null && spec.defaults() != null ? spec.defaults()
        : new SignalDefaultsSpec(null, null, null, null, null, null);
    String dp = "/signals/defaults";
    if (d.controller() != null && !d.controller().equals("fixed-time")) {
      check.add(dp + "/controller", "unknown controller '" + d.controller() + "' (expected fixed-time)");
    }
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
    for (Junction j : net.junctions()) {
      if (j.kind() != JunctionKind.SIGNALIZED || j.movements().isEmpty()) {
        continue;
      }
      JunctionSignalSpec js = explicit.get(j.id());
      if (js != null) {
        SignalPlan p = explicitPlan(j, js, "/signals/junctions/" + Checks.escape(j.id()), yellow, allRed);
        if (p != null) {
          plans.add(p);
        }
      } else {
        double offset = offsetStep * xOrder.indexOf(j.x());
        plans.add(generated(j, green, yellow, allRed, protectedLefts, offset));
      }
    }
    return plans;
  }

  private SignalPlan explicitPlan(Junction j, JunctionSignalSpec s, String p, double yellow, double allRed) {
    if (s.controller() != null && !s.controller().equals("fixed-time")) {
      check.add(p + "/controller", "unknown controller '" + s.controller() + "' (expected fixed-time)");
    }
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
