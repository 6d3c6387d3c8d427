package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Junction;

/**
 * Webster's method (Webster 1958, Road Research Technical Paper 39), re-planned from measured demand: every
 * {@code replanInterval} seconds, at the start of a cycle, the flow of each phase's critical lane is measured
 * by the advance loops (arrivals, before they join the queue; stop-bar loops where a lane is too short) over
 * the interval just ended; then y_i = q_i / s, Y = sum y_i, L = sum of yellow and all-red (the intergreen
 * lost time), optimal cycle C0 = (1.5 L + 5) / (1 - Y) clamped to [minCycle, maxCycle], and effective greens
 * split in proportion to y_i, each clamped to [minGreen, maxGreen]. Until the first re-plan it runs the
 * junction's default plan.
 *
 * <p>Webster's method assumes every movement is served by one phase. Plans whose phases overlap (the LibSignal
 * and CityFlow eight-phase plans serve each movement in two phases: opposite straights, opposite lefts, then each
 * approach's straight and left) would count each flow twice and derive a cycle far too long. So the re-planned
 * cycle runs a covering subset: phases taken greedily, most green movements first (ties by plan order), while
 * they add a movement no chosen phase serves yet. Plans without overlap keep every phase.
 */
final class WebsterController extends PhasedController {
  /** Above this Y the formula's cycle explodes; Webster's own charts stop near 0.9. */
  private static final double MAX_Y = 0.9;

  private final ControllerConfig cfg;
  private final DetectorReadings det;
  private final int[][] phaseDets;
  private final long[] countAtWindowStart;
  private final double[] planned;
  private final double[] ratio;
  private final double lost;
  /** Phases of the re-planned cycle (see the class comment); all phases for plans without overlap. */
  private final boolean[] active;
  private final int firstActive;
  private boolean replanned;
  private double windowStart;

  WebsterController(SignalPlan plan, Junction j, ControllerConfig cfg, SignalInputs inputs) {
    super(plan, fill(plan, cfg.minGreen()), fill(plan, cfg.maxGreen()), inputs);
    this.cfg = cfg;
    this.det = inputs.detectors();
    this.phaseDets = PhaseLanes.detectors(j, green, det, DetectorKind.ADVANCE, DetectorKind.STOP_BAR);
    this.countAtWindowStart = new long[countDetectors()];
    this.planned = new double[n];
    this.ratio = new double[n];
    this.active = covering(green);
    int first = 0;
    while (!active[first]) {
      first++;
    }
    this.firstActive = first;
    double l = 0;
    for (int i = 0; i < n; i++) {
      planned[i] = clamp(plan.phases().get(i).green(), minGreen[i], maxGreen[i]);
      l += active[i] ? yellow[i] + allRed[i] : 0;
    }
    this.lost = l;
  }

  /** A covering subset of phases, chosen greedily: most green movements first, ties by plan order. */
  static boolean[] covering(byte[][] green) {
    int phases = green.length;
    int movements = phases == 0 ? 0 : green[0].length;
    Integer[] order = new Integer[phases];
    int[] size = new int[phases];
    for (int p = 0; p < phases; p++) {
      order[p] = p;
      for (int m = 0; m < movements; m++) {
        size[p] += SignalColor.isGreen(green[p][m]) ? 1 : 0;
      }
    }
    java.util.Arrays.sort(order, (a, b) -> size[a] != size[b] ? size[b] - size[a] : a - b);
    boolean[] covered = new boolean[movements];
    boolean[] chosen = new boolean[phases];
    for (int p : order) {
      for (int m = 0; m < movements; m++) {
        if (SignalColor.isGreen(green[p][m]) && !covered[m]) {
          chosen[p] = true;
        }
      }
      if (chosen[p]) {
        for (int m = 0; m < movements; m++) {
          covered[m] |= SignalColor.isGreen(green[p][m]);
        }
      }
    }
    int count = 0;
    for (boolean c : chosen) {
      count += c ? 1 : 0;
    }
    if (count < 2) {
      java.util.Arrays.fill(chosen, true); // a cycle needs two phases to alternate
    }
    return chosen;
  }

  static double[] fill(SignalPlan plan, double v) {
    double[] a = new double[plan.phases().size()];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private int countDetectors() {
    int max = -1;
    for (int[] ds : phaseDets) {
      for (int d : ds) {
        max = Math.max(max, d);
      }
    }
    return max + 1;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  @Override
  void onGreenStart(int phase, double time) {
    // Phase 0 until the first re-plan (the default plan runs every phase), the first phase of the cycle after.
    if (phase == (replanned ? firstActive : 0) && time - windowStart >= cfg.replanInterval() - 1e-9) {
      replan(time);
    }
  }

  private void replan(double time) {
    double window = time - windowStart;
    double s = cfg.saturationFlow() / 3600.0;
    double[] y = ratio;
    double total = 0;
    for (int p = 0; p < n; p++) {
      double q = 0;
      for (int d : phaseDets[p]) {
        q = Math.max(q, (det.count(d) - countAtWindowStart[d]) / window);
      }
      y[p] = active[p] ? q / s : 0;
      total += y[p];
    }
    for (int[] ds : phaseDets) {
      for (int d : ds) {
        countAtWindowStart[d] = det.count(d);
      }
    }
    windowStart = time;
    if (total <= 0) {
      return; // nothing measured (or every detector failed): keep the plan
    }
    double big = Math.min(total, MAX_Y);
    double c = clamp((1.5 * lost + 5) / (1 - big), cfg.minCycle(), cfg.maxCycle());
    double effective = Math.max(0, c - lost);
    for (int p = 0; p < n; p++) {
      planned[p] = clamp(effective * y[p] / total, minGreen[p], maxGreen[p]);
    }
    replanned = true;
  }

  @Override
  int decide(double time, double elapsed, boolean mustSwitch) {
    if (elapsed < planned[current] - 1e-9) {
      return -1;
    }
    int next = (current + 1) % n;
    while (replanned && !active[next] && next != current) {
      next = (next + 1) % n;
    }
    return next;
  }

  @Override
  double greenCertain(double elapsed) {
    return planned[current] - elapsed;
  }
}
