package io.v2xsim.core.signal;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Conflict;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.spec.CompiledScenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a scenario tick by tick and checks the signal invariants on every junction at every tick: no two
 * conflicting movements protected green; greens within [min, max] (fixed-time: exactly the plan's green),
 * yellow exactly {@code yellow}, all-red exactly {@code allRed}, in the order green, yellow, all-red, green;
 * a movement turns green only once every conflicting movement has been red for the all-red time. Records every
 * complete green for the tests that look at how green time was shared.
 */
final class SignalTrace {
  /** One complete green interval of a phase. */
  record Green(int junction, int phase, double start, double duration, boolean priority) {}

  final List<String> violations = new ArrayList<>();
  final List<Green> greens = new ArrayList<>();
  RunResult result;
  Engine engine;

  private static final class JunctionState {
    Junction j;
    SignalPlan plan;
    ControllerConfig cfg;
    byte[][] phases;
    int[][] conflicts; // per movement, conflicting movements
    byte[] prev;
    double[] lastNonRed;
    char segKind;      // 'G', 'Y', 'R'
    int segPhase = -1;
    int lastGreenPhase = -1;
    double segStart;
    int segIndex;
    boolean segPriority;
  }

  static SignalTrace run(CompiledScenario s, long seed, Consumer<Engine> setup) {
    return run(s, seed, setup, null);
  }

  /** {@code priorityActive(junction)}: whether a priority request stands at this tick (greens may then exceed max). */
  static SignalTrace run(CompiledScenario s, long seed, Consumer<Engine> setup,
      java.util.function.IntPredicate priorityActive) {
    SignalTrace t = new SignalTrace();
    Engine e = new Engine(s.model(), seed);
    t.engine = e;
    if (setup != null) {
      setup.accept(e);
    }
    List<JunctionState> js = new ArrayList<>();
    for (int i = 0; i < s.model().signalPlans().size(); i++) {
      JunctionState st = new JunctionState();
      st.plan = s.model().signalPlans().get(i);
      st.cfg = s.model().signalControl().get(i);
      st.j = s.model().network().junctions().get(st.plan.junction());
      st.phases = st.plan.phases().stream().map(Phase::states).toArray(byte[][]::new);
      int nm = st.j.movements().size();
      List<List<Integer>> c = new ArrayList<>();
      for (int m = 0; m < nm; m++) {
        c.add(new ArrayList<>());
      }
      for (Connector a : st.j.connectors()) {
        for (Conflict conf : a.conflicts()) {
          int o = conf.other().movement();
          if (o != a.movement() && !c.get(a.movement()).contains(o)) {
            c.get(a.movement()).add(o);
          }
        }
      }
      st.conflicts = c.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
      st.prev = null;
      st.lastNonRed = new double[nm];
      Arrays.fill(st.lastNonRed, Double.NEGATIVE_INFINITY);
      js.add(st);
    }
    long ticks = Math.round(s.duration() / s.dt());
    double dt = s.dt();
    for (long k = 0; k < ticks; k++) {
      e.step();
      double time = k * dt; // states written at the start of tick k hold for [time, time + dt)
      for (JunctionState st : js) {
        boolean prio = priorityActive != null && priorityActive.test(st.j.index());
        t.observe(st, e, time, dt, prio);
      }
    }
    t.result = e.result();
    return t;
  }

  private void observe(JunctionState st, Engine e, double time, double dt, boolean prio) {
    int nm = st.j.movements().size();
    byte[] now = new byte[nm];
    for (int m = 0; m < nm; m++) {
      now[m] = e.signalState(st.j, m);
    }
    String where = "junction " + st.j.id() + " t=" + String.format("%.2f", time) + ": ";
    for (int m = 0; m < nm; m++) {
      if (now[m] == SignalColor.GREEN) {
        for (int o : st.conflicts[m]) {
          if (now[o] == SignalColor.GREEN) {
            violations.add(where + "conflicting movements " + m + " and " + o + " both protected green");
          }
        }
      }
      boolean turnsGreen = SignalColor.isGreen(now[m]) && (st.prev == null || !SignalColor.isGreen(st.prev[m]));
      if (turnsGreen && st.prev != null) {
        double ar = st.lastGreenPhase >= 0 ? st.plan.phases().get(st.lastGreenPhase).allRed() : 0;
        for (int o : st.conflicts[m]) {
          if (!SignalColor.isGreen(now[o]) && time - st.lastNonRed[o] < ar + dt - 1e-6) {
            violations.add(where + "movement " + m + " turns green " + (time - st.lastNonRed[o] - dt)
                + " s after conflicting movement " + o + " turned red (all-red " + ar + ")");
          }
        }
      }
      if (st.prev != null && st.prev[m] != SignalColor.RED && SignalColor.isGreen(st.prev[m]) && now[m] == SignalColor.RED
          && st.plan.phases().get(0).yellow() > 0) {
        violations.add(where + "movement " + m + " went from green to red without yellow");
      }
    }
    for (int m = 0; m < nm; m++) {
      if (now[m] != SignalColor.RED) {
        st.lastNonRed[m] = time;
      }
    }
    char kind;
    int phase = -1;
    boolean yellow = false;
    for (byte b : now) {
      yellow |= b == SignalColor.YELLOW;
    }
    if (yellow) {
      kind = 'Y';
    } else {
      for (int p = 0; p < st.phases.length; p++) {
        if (Arrays.equals(st.phases[p], now)) {
          phase = p;
          break;
        }
      }
      kind = phase >= 0 ? 'G' : 'R';
    }
    if (st.prev == null) {
      st.segKind = kind;
      st.segPhase = phase;
      st.segStart = time;
      st.segPriority = prio;
    } else if (kind != st.segKind || phase != st.segPhase) {
      closeSegment(st, time, kind, where);
      st.segKind = kind;
      st.segPhase = phase;
      st.segStart = time;
      st.segIndex++;
      st.segPriority = prio;
    } else {
      st.segPriority |= prio;
    }
    if (kind == 'G') {
      st.lastGreenPhase = phase;
    }
    st.prev = now;
  }

  private void closeSegment(JunctionState st, double time, char nextKind, String where) {
    double dur = time - st.segStart;
    // The cycle clock of fixed-time control rounds each boundary to a tick; the state machine is exact when
    // durations are multiples of the step.
    double tol = st.cfg.strategy() == Strategy.FIXED_TIME ? engine.dt() - 1e-9 : 1e-6;
    char expectNext = switch (st.segKind) {
      case 'G' -> 'Y';
      case 'Y' -> 'R';
      default -> 'G';
    };
    if (nextKind != expectNext) {
      violations.add(where + "interval " + st.segKind + " followed by " + nextKind);
    }
    if (st.segIndex == 0) {
      return; // the first interval may start mid-cycle (offsets)
    }
    Phase last = st.lastGreenPhase >= 0 ? st.plan.phases().get(st.lastGreenPhase) : null;
    switch (st.segKind) {
      case 'G' -> {
        Phase p = st.plan.phases().get(st.segPhase);
        double min = st.cfg.strategy() == Strategy.FIXED_TIME ? p.green() : st.cfg.minGreen();
        double max = st.cfg.strategy() == Strategy.FIXED_TIME ? p.green() : st.cfg.maxGreen();
        if (st.segPriority) {
          min = Math.min(min, ControllerConfig.DEFAULT_MIN_GREEN);
          max = Double.MAX_VALUE;
        }
        if (dur < min - tol || dur > max + tol) {
          violations.add(where + "green of phase " + st.segPhase + " lasted " + dur + " s, outside [" + min + ", "
              + max + "]");
        }
        greens.add(new Green(st.j.index(), st.segPhase, st.segStart, dur, st.segPriority));
      }
      case 'Y' -> {
        if (last != null && Math.abs(dur - last.yellow()) > tol) {
          violations.add(where + "yellow lasted " + dur + " s, expected " + last.yellow());
        }
      }
      default -> {
        if (last != null && Math.abs(dur - last.allRed()) > tol) {
          violations.add(where + "all-red lasted " + dur + " s, expected " + last.allRed());
        }
      }
    }
  }

  /** Mean duration of complete greens of a phase at a junction. */
  double meanGreen(int junction, int phase) {
    return greens.stream().filter(g -> g.junction() == junction && g.phase() == phase)
        .mapToDouble(Green::duration).average().orElse(Double.NaN);
  }

  /** Total green seconds of a phase at a junction. */
  double totalGreen(int junction, int phase) {
    return greens.stream().filter(g -> g.junction() == junction && g.phase() == phase)
        .mapToDouble(Green::duration).sum();
  }
}
