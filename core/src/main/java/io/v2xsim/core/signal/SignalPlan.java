package io.v2xsim.core.signal;

import java.util.List;

/**
 * A fixed-time plan for one junction: phases in cyclic order, phase 0 starting at {@code offset} seconds.
 *
 * @param junction junction index in the network
 */
public record SignalPlan(int junction, double offset, List<Phase> phases) {
  public SignalPlan {
    phases = List.copyOf(phases);
  }

  public double cycle() {
    double c = 0;
    for (Phase p : phases) {
      c += p.total();
    }
    return c;
  }
}
