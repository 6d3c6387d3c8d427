package io.v2xsim.core.signal;

/**
 * Max-pressure control (Varaiya 2013, "Max pressure control of a network of signalized intersections"): at
 * every decision point (once min green has elapsed, then every {@code decisionInterval} seconds) serve the
 * phase with the largest pressure, the sum over the movements it gives green to of upstream minus downstream
 * queue. Queues come from a {@link QueueSource}, lane-area detectors by default. A tie keeps the current phase;
 * otherwise the lowest-numbered phase wins, so decisions are deterministic.
 */
final class MaxPressureController extends PhasedController {
  private final ControllerConfig cfg;
  private double nextDecision;

  MaxPressureController(SignalPlan plan, ControllerConfig cfg, SignalInputs inputs) {
    super(plan, WebsterController.fill(plan, cfg.minGreen()), WebsterController.fill(plan, cfg.maxGreen()), inputs);
    this.cfg = cfg;
  }

  @Override
  void onGreenStart(int phase, double time) {
    nextDecision = time + minGreen[phase];
  }

  double pressure(int p) {
    QueueSource q = inputs.queues();
    double sum = 0;
    byte[] g = green[p];
    for (int m = 0; m < g.length; m++) {
      if (SignalColor.isGreen(g[m])) {
        sum += q.upstream(junction, m) - q.downstream(junction, m);
      }
    }
    return sum;
  }

  @Override
  int decide(double time, double elapsed, boolean mustSwitch) {
    if (!mustSwitch && time < nextDecision - 1e-9) {
      return -1;
    }
    nextDecision = time + cfg.decisionInterval();
    int best = mustSwitch ? -1 : current;
    double bestP = mustSwitch ? Double.NEGATIVE_INFINITY : pressure(current);
    for (int p = 0; p < n; p++) {
      if (p == current) {
        continue;
      }
      double pr = pressure(p);
      if (pr > bestP) {
        best = p;
        bestP = pr;
      }
    }
    return best;
  }
}
