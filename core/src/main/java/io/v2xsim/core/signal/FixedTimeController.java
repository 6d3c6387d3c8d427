package io.v2xsim.core.signal;

import java.util.List;

/** Runs a {@link SignalPlan} on a fixed cycle. Stateless apart from the plan, so it never drifts. */
public final class FixedTimeController implements SignalController {
  private final SignalPlan plan;
  private final double cycle;
  private final List<Phase> phases;

  public FixedTimeController(SignalPlan plan) {
    this.plan = plan;
    this.cycle = plan.cycle();
    this.phases = plan.phases();
  }

  private double cycleTime(double time) {
    double t = (time - plan.offset()) % cycle;
    return t < 0 ? t + cycle : t;
  }

  @Override
  public void update(double time, byte[] states) {
    double t = cycleTime(time);
    int i = 0;
    while (i < phases.size() - 1 && t >= phases.get(i).total()) {
      t -= phases.get(i).total();
      i++;
    }
    Phase p = phases.get(i);
    Phase next = phases.get((i + 1) % phases.size());
    for (int m = 0; m < states.length; m++) {
      byte s = p.state(m);
      if (t < p.green() || !SignalColor.isGreen(s)) {
        states[m] = s;
      } else if (SignalColor.isGreen(next.state(m))) {
        states[m] = s; // green carries over into the next phase
      } else if (t < p.green() + p.yellow()) {
        states[m] = SignalColor.YELLOW;
      } else {
        states[m] = SignalColor.RED;
      }
    }
  }

  @Override
  public double secondsToNextChange(double time) {
    double t = cycleTime(time);
    for (int i = 0; i < phases.size(); i++) { // indexed: no iterator on the per-tick path
      Phase p = phases.get(i);
      if (t < p.green()) {
        return p.green() - t;
      }
      t -= p.green();
      if (t < p.yellow()) {
        return p.yellow() - t;
      }
      t -= p.yellow();
      if (t < p.allRed()) {
        return p.allRed() - t;
      }
      t -= p.allRed();
    }
    return 0;
  }

  /** Where the cycle clock stands at {@code time}: phase, interval and seconds into that interval. */
  Position position(double time) {
    double t = cycleTime(time);
    int i = 0;
    while (i < phases.size() - 1 && t >= phases.get(i).total()) {
      t -= phases.get(i).total();
      i++;
    }
    Phase p = phases.get(i);
    if (t < p.green()) {
      return new Position(i, PhasedController.Interval.GREEN, t);
    }
    t -= p.green();
    if (t < p.yellow()) {
      return new Position(i, PhasedController.Interval.YELLOW, t);
    }
    return new Position(i, PhasedController.Interval.ALL_RED, t - p.yellow());
  }

  record Position(int phase, PhasedController.Interval interval, double elapsed) {}
}
