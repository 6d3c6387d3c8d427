package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Junction;

/**
 * Fully actuated control: after min green, a phase gaps out when none of its loops (stop-bar and advance) has
 * seen a vehicle for {@code passage} seconds, and maxes out at max green. It then goes to the next phase in
 * order that has a call (a vehicle over one of its loops now, or one counted since its green ended); phases
 * without calls are skipped. With no call anywhere the green rests until max green, then moves on.
 */
final class ActuatedController extends PhasedController {
  private final ControllerConfig cfg;
  private final DetectorReadings det;
  private final int[][] loops;
  private final long[] countsAtRed;

  ActuatedController(SignalPlan plan, Junction j, ControllerConfig cfg, SignalInputs inputs) {
    super(plan, WebsterController.fill(plan, cfg.minGreen()), WebsterController.fill(plan, cfg.maxGreen()), inputs);
    this.cfg = cfg;
    this.det = inputs.detectors();
    int[][] stop = PhaseLanes.detectors(j, green, det, DetectorKind.STOP_BAR, null);
    int[][] adv = PhaseLanes.detectors(j, green, det, DetectorKind.ADVANCE, null);
    loops = new int[n][];
    for (int p = 0; p < n; p++) {
      loops[p] = new int[stop[p].length + adv[p].length];
      System.arraycopy(stop[p], 0, loops[p], 0, stop[p].length);
      System.arraycopy(adv[p], 0, loops[p], stop[p].length, adv[p].length);
    }
    countsAtRed = new long[n];
  }

  private long counts(int p) {
    long c = 0;
    for (int d : loops[p]) {
      c += det.count(d);
    }
    return c;
  }

  private boolean hasCall(int p) {
    for (int d : loops[p]) {
      if (det.occupied(d)) {
        return true;
      }
    }
    return counts(p) > countsAtRed[p];
  }

  private boolean gappedOut(double time) {
    for (int d : loops[current]) {
      if (det.gap(d, time) < cfg.passage()) {
        return false;
      }
    }
    return true;
  }

  @Override
  void onGreenEnd(int phase, double time) {
    countsAtRed[phase] = counts(phase);
  }

  @Override
  int decide(double time, double elapsed, boolean mustSwitch) {
    if (!mustSwitch && !gappedOut(time)) {
      return -1;
    }
    for (int k = 1; k < n; k++) {
      int p = (current + k) % n;
      if (hasCall(p)) {
        return p;
      }
    }
    return mustSwitch ? (current + 1) % n : -1;
  }
}
