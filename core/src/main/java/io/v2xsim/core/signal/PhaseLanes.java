package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import java.util.TreeSet;

/** For each phase of a plan, the detectors of one kind on the incoming lanes it gives green to. */
final class PhaseLanes {
  private PhaseLanes() {}

  /**
   * {@code result[p]}: detectors of kind {@code kind} (falling back to {@code fallback} on lanes without one)
   * on lanes with a movement green in phase p. Sorted, so iteration order is fixed.
   */
  static int[][] detectors(Junction j, byte[][] green, DetectorReadings r, DetectorKind kind, DetectorKind fallback) {
    int[][] out = new int[green.length][];
    for (int p = 0; p < green.length; p++) {
      TreeSet<Integer> ds = new TreeSet<>();
      for (Connector c : j.connectors()) {
        if (SignalColor.isGreen(green[p][c.movement()])) {
          int d = r.detector(c.from().index(), kind);
          if (d < 0 && fallback != null) {
            d = r.detector(c.from().index(), fallback);
          }
          if (d >= 0) {
            ds.add(d);
          }
        }
      }
      out[p] = ds.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** Lanes (link indices) each phase gives green to. */
  static int[][] lanes(Junction j, byte[][] green) {
    int[][] out = new int[green.length][];
    for (int p = 0; p < green.length; p++) {
      TreeSet<Integer> ls = new TreeSet<>();
      for (Connector c : j.connectors()) {
        if (SignalColor.isGreen(green[p][c.movement()])) {
          ls.add(c.from().index());
        }
      }
      out[p] = ls.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
