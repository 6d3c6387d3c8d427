package io.v2xsim.core.signal;

import java.util.List;

/**
 * The phase state machine every adaptive strategy shares: GREEN of a phase until the strategy (or max green,
 * or a priority request) ends it, then YELLOW for movements that lose green, ALL_RED, and GREEN of the next
 * phase. Movements green in both phases stay green through the change. Phases come from the junction's plan,
 * whose protected greens never conflict (checked when the plan is built), and no two phases are ever shown at
 * once, so no two conflicting movements are ever protected green together.
 *
 * <p>Durations are compared with a small tolerance so that an interval of d seconds lasts exactly d / dt ticks
 * when d is a multiple of the step. Allocation-free per tick.
 */
abstract class PhasedController implements SignalController {
  enum Interval { GREEN, YELLOW, ALL_RED }

  private static final double EPS = 1e-9;

  final int junction;
  final int n;
  final byte[][] green;
  final double[] yellow;
  final double[] allRed;
  final double[] minGreen;
  final double[] maxGreen;
  final SignalInputs inputs;

  int current;
  int next;
  Interval interval = Interval.GREEN;
  double since;
  private boolean started;

  PhasedController(SignalPlan plan, double[] minGreen, double[] maxGreen, SignalInputs inputs) {
    List<Phase> phases = plan.phases();
    this.junction = plan.junction();
    this.n = phases.size();
    this.green = new byte[n][];
    this.yellow = new double[n];
    this.allRed = new double[n];
    for (int i = 0; i < n; i++) {
      green[i] = phases.get(i).states();
      yellow[i] = phases.get(i).yellow();
      allRed[i] = phases.get(i).allRed();
    }
    this.minGreen = minGreen.clone();
    this.maxGreen = maxGreen.clone();
    this.inputs = inputs;
  }

  /** Starts in a given state instead of the green of phase 0 at the first update (used on hand-over). */
  final void startAt(int phase, int nextPhase, Interval in, double intervalStart) {
    current = phase;
    next = nextPhase;
    interval = in;
    since = intervalStart;
    started = true;
  }

  /**
   * The strategy's decision during a green that has lasted {@code elapsed} >= min green: the phase to change
   * to, or -1 (or the current phase) to hold. With {@code mustSwitch} (max green reached) it must name
   * another phase; if it does not, the next one in order is taken.
   */
  abstract int decide(double time, double elapsed, boolean mustSwitch);

  /** Called every tick before any decision, for strategies that accumulate measurements. */
  void observe(double time) {}

  void onGreenStart(int phase, double time) {}

  void onGreenEnd(int phase, double time) {}

  /** Seconds of green still certain for the current phase after {@code elapsed} seconds of it. */
  double greenCertain(double elapsed) {
    return minGreen[current] - elapsed;
  }

  @Override
  public final void update(double time, byte[] states) {
    if (!started) {
      started = true;
      current = 0;
      interval = Interval.GREEN;
      since = time;
      onGreenStart(0, time);
    }
    observe(time);
    advance(time);
    write(states);
  }

  private void advance(double time) {
    if (interval == Interval.GREEN) {
      double el = time - since;
      int target = -1;
      int pm = n > 1 ? inputs.priority().requested(junction) : -1;
      if (pm >= 0 && pm < green[current].length) {
        if (!SignalColor.isGreen(green[current][pm]) && el >= minGreen[current] - EPS) {
          target = serving(pm);
        }
      } else if (n > 1 && el >= minGreen[current] - EPS) {
        boolean must = el >= maxGreen[current] - EPS;
        int k = decide(time, el, must);
        if (must && (k < 0 || k == current)) {
          k = (current + 1) % n;
        }
        if (k >= 0 && k != current) {
          target = k;
        }
      }
      if (target < 0) {
        return;
      }
      next = target;
      onGreenEnd(current, time);
      interval = Interval.YELLOW;
      since = time;
    }
    retargetForPriority();
    if (interval == Interval.YELLOW) {
      if (time - since < yellow[current] - EPS) {
        return;
      }
      interval = Interval.ALL_RED;
      since = time;
    }
    if (interval == Interval.ALL_RED) {
      if (time - since < allRed[current] - EPS) {
        return;
      }
      current = next;
      interval = Interval.GREEN;
      since = time;
      onGreenStart(current, time);
    }
  }

  /**
   * A request arriving during a change to a phase without the requested movement redirects the change to a
   * phase with it, when that is safe: every movement kept green through the change (green in the current and
   * the old next phase) must be green in the new one too, so nothing loses green without its yellow. A change
   * away from the requested phase itself is not undone (that would turn yellow back to green).
   */
  private void retargetForPriority() {
    if (interval == Interval.GREEN || n < 2) {
      return;
    }
    int pm = inputs.priority().requested(junction);
    if (pm < 0 || pm >= green[current].length || SignalColor.isGreen(green[next][pm])) {
      return;
    }
    int p = serving(pm);
    if (p == current || !SignalColor.isGreen(green[p][pm])) {
      return;
    }
    byte[] cur = green[current];
    for (int m = 0; m < cur.length; m++) {
      if (SignalColor.isGreen(cur[m]) && SignalColor.isGreen(green[next][m]) && !SignalColor.isGreen(green[p][m])) {
        return;
      }
    }
    next = p;
  }

  /** The first phase after the current one, in cycle order, that gives movement m green (or the next one). */
  private int serving(int m) {
    for (int k = 1; k <= n; k++) {
      int p = (current + k) % n;
      if (SignalColor.isGreen(green[p][m])) {
        return p;
      }
    }
    return (current + 1) % n;
  }

  private void write(byte[] states) {
    byte[] g = green[current];
    if (interval == Interval.GREEN) {
      System.arraycopy(g, 0, states, 0, states.length);
      return;
    }
    byte[] to = green[next];
    for (int m = 0; m < states.length; m++) {
      if (!SignalColor.isGreen(g[m])) {
        states[m] = g[m]; // red, or stop-then-go, through the change, as the fixed-time clock shows it
      } else if (SignalColor.isGreen(to[m])) {
        states[m] = g[m]; // green carries over into the next phase
      } else {
        states[m] = interval == Interval.YELLOW ? SignalColor.YELLOW : SignalColor.RED;
      }
    }
  }

  @Override
  public double secondsToNextChange(double time) {
    double el = time - since;
    return Math.max(0, switch (interval) {
      case GREEN -> n > 1 ? greenCertain(el) : Double.MAX_VALUE;
      case YELLOW -> yellow[current] - el;
      case ALL_RED -> allRed[current] - el;
    });
  }

  /** Current phase index, for tests and reports. */
  int phase() {
    return current;
  }

  Interval interval() {
    return interval;
  }
}
