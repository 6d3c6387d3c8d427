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
  private double windowStart;

  WebsterController(SignalPlan plan, Junction j, ControllerConfig cfg, SignalInputs inputs) {
    super(plan, fill(plan, cfg.minGreen()), fill(plan, cfg.maxGreen()), inputs);
    this.cfg = cfg;
    this.det = inputs.detectors();
    this.phaseDets = PhaseLanes.detectors(j, green, det, DetectorKind.ADVANCE, DetectorKind.STOP_BAR);
    this.countAtWindowStart = new long[countDetectors()];
    this.planned = new double[n];
    this.ratio = new double[n];
    double l = 0;
    for (int i = 0; i < n; i++) {
      planned[i] = clamp(plan.phases().get(i).green(), minGreen[i], maxGreen[i]);
      l += yellow[i] + allRed[i];
    }
    this.lost = l;
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
    if (phase == 0 && time - windowStart >= cfg.replanInterval() - 1e-9) {
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
      y[p] = q / s;
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
  }

  @Override
  int decide(double time, double elapsed, boolean mustSwitch) {
    return elapsed >= planned[current] - 1e-9 ? (current + 1) % n : -1;
  }

  @Override
  double greenCertain(double elapsed) {
    return planned[current] - elapsed;
  }
}
