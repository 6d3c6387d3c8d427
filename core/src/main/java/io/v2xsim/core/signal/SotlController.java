package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Junction;

/**
 * Self-organizing traffic lights, SOTL-platoon (Gershenson 2005, "Self-organizing traffic lights", Complex
 * Systems 16; Cools, Gershenson and D'Hooghe 2013). Each red phase keeps a counter that grows every second by
 * the number of vehicles approaching or waiting on its lanes (lane-area detectors) and is reset when its green
 * ends. After min green:
 * <ol>
 *   <li>a green with 1 to mu vehicles about to cross (near zones) is not cut, so platoons stay whole;
 *   <li>otherwise the red phase whose counter reached theta gets green (the largest counter first);
 *   <li>a green with nobody approaching yields to any red phase with vehicles waiting.
 * </ol>
 * Max green still caps every green here, a bound the original method does not have.
 */
final class SotlController extends PhasedController {
  private final ControllerConfig cfg;
  private final DetectorReadings det;
  private final int[][] queueDets;
  private final int[][] nearDets;
  private final double[] kappa;
  private double lastTime = Double.NaN;

  SotlController(SignalPlan plan, Junction j, ControllerConfig cfg, SignalInputs inputs) {
    super(plan, WebsterController.fill(plan, cfg.minGreen()), WebsterController.fill(plan, cfg.maxGreen()), inputs);
    this.cfg = cfg;
    this.det = inputs.detectors();
    this.queueDets = PhaseLanes.detectors(j, green, det, DetectorKind.QUEUE, null);
    this.nearDets = PhaseLanes.detectors(j, green, det, DetectorKind.NEAR, null);
    this.kappa = new double[n];
  }

  private int sum(int[] ds) {
    int s = 0;
    for (int d : ds) {
      s += det.vehicles(d);
    }
    return s;
  }

  @Override
  void observe(double time) {
    double dt = Double.isNaN(lastTime) ? 0 : time - lastTime;
    lastTime = time;
    for (int p = 0; p < n; p++) {
      if (p != current || interval != Interval.GREEN) {
        kappa[p] += dt * sum(queueDets[p]);
      }
    }
  }

  @Override
  void onGreenEnd(int phase, double time) {
    kappa[phase] = 0;
  }

  @Override
  int decide(double time, double elapsed, boolean mustSwitch) {
    int near = sum(nearDets[current]);
    if (!mustSwitch && near > 0 && near <= cfg.mu()) {
      return -1;
    }
    int best = -1;
    for (int k = 1; k < n; k++) {
      int p = (current + k) % n;
      if (kappa[p] >= cfg.theta() && (best < 0 || kappa[p] > kappa[best])) {
        best = p;
      }
    }
    if (best >= 0) {
      return best;
    }
    if (sum(queueDets[current]) == 0) {
      int most = 0;
      for (int k = 1; k < n; k++) {
        int p = (current + k) % n;
        int waiting = sum(queueDets[p]);
        if (waiting > most) {
          most = waiting;
          best = p;
        }
      }
    }
    return best;
  }
}
