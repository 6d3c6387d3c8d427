package io.v2xsim.core.imports;

import io.v2xsim.core.geometry.Polyline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves apart the two carriageways of a divided road where the source lays their lanes over each other.
 * netconvert centres the lanes of a one-way OpenStreetMap way on the way (its {@code spreadType="center"}); where
 * a city maps the two directions of a divided road as two ways a few metres apart, the inner lanes of the two
 * overlap (hcmc-small: the lane centres of 1200728225#1 and 1464602838 are 2.0 m apart, their lanes 3.2 m wide).
 * SUMO does not mind, since its vehicles collide only within a lane; bodies that pass there here touch. Each
 * carriageway is moved to its right, away from the other, by half the overlap and a margin, at most
 * {@link #MAX_SHIFT} m, so that the source's junction paths still meet its lane ends (see
 * {@code NetworkBuilder.VIA_FIT}). Only carriageways running in opposite directions side by side are moved;
 * lanes that overlap where roads meet are left to the junction setbacks.
 */
final class CarriagewaySeparation {
  /** Largest move of a road's line, metres: less than the 1 m within which junction paths are fitted. */
  static final double MAX_SHIFT = 0.9;
  /** Clearance left between the two carriageways' edges, metres (split between them). */
  static final double MARGIN = 0.2;
  /** Spacing of the points along a road at which the overlap is measured, metres. */
  static final double STEP = 2.0;
  /** Headings at least this far apart count as opposite directions (150 degrees). */
  static final double OPPOSITE = Math.cos(Math.toRadians(150));

  /** One road as the importer lays it: its line (left edge of its leftmost lane), lanes to the right. */
  record Carriageway(String id, String from, String to, Polyline line, double width) {}

  private CarriagewaySeparation() {}

  /**
   * How far to move each road's line to its right, by id (roads not listed stay), noting every pair moved.
   *
   * @param note receives "kind: detail" notes
   */
  static Map<String, Double> shifts(List<Carriageway> roads, java.util.function.BiConsumer<String, String> note) {
    Map<String, Double> shift = new LinkedHashMap<>();
    double[][] box = new double[roads.size()][];
    for (int i = 0; i < roads.size(); i++) {
      box[i] = bounds(roads.get(i));
    }
    double[] proj = new double[2];
    for (int i = 0; i < roads.size(); i++) {
      Carriageway a = roads.get(i);
      for (int j = i + 1; j < roads.size(); j++) {
        Carriageway b = roads.get(j);
        if (a.from().equals(b.to()) && a.to().equals(b.from()) || !touch(box[i], box[j])) {
          continue; // twins share their middle line and never overlap
        }
        double depth = Math.max(overlap(a, b, proj), overlap(b, a, proj));
        if (depth <= 0) {
          continue;
        }
        double move = Math.min(MAX_SHIFT, depth / 2 + MARGIN / 2);
        shift.merge(a.id(), move, Math::max);
        shift.merge(b.id(), move, Math::max);
        note.accept("carriageways moved apart where the source's lanes overlap", String.format(
            java.util.Locale.ROOT, "'%s' and '%s' by %.2f m each (lanes overlapped by %.2f m)", a.id(), b.id(),
            move, depth));
      }
    }
    return shift;
  }

  /**
   * The deepest overlap of {@code a}'s carriageway with {@code b}'s where the two run in opposite directions,
   * measured at points along a's line away from its ends; 0 if fewer than two points overlap.
   */
  private static double overlap(Carriageway a, Carriageway b, double[] proj) {
    Polyline la = a.line();
    Polyline lb = b.line();
    double deepest = 0;
    int hits = 0;
    for (double s = STEP; s < la.length() - STEP / 2; s += STEP) {
      double x = la.xAt(s);
      double y = la.yAt(s);
      lb.project(x, y, proj);
      if (proj[0] < 0.5 || proj[0] > lb.length() - 0.5) {
        continue; // beyond b's ends: a junction, where setbacks apply
      }
      double dh = la.headingAt(s) - lb.headingAt(proj[0]);
      if (Math.cos(dh) > OPPOSITE) {
        continue;
      }
      // b's lanes lie right of b's line, [0, b.width]; a's, right of a's line, which looking along b is to the
      // left: [o - a.width, o], where o is a's line's offset right of b's.
      double o = proj[1];
      double depth = Math.min(o, b.width()) - Math.max(o - a.width(), 0);
      if (o > 0.05 && depth > 0) {
        hits++;
        deepest = Math.max(deepest, depth);
      }
    }
    return hits >= 2 ? deepest : 0;
  }

  private static double[] bounds(Carriageway c) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    Polyline l = c.line();
    for (int k = 0; k < l.size(); k++) {
      b[0] = Math.min(b[0], l.x(k) - c.width());
      b[1] = Math.min(b[1], l.y(k) - c.width());
      b[2] = Math.max(b[2], l.x(k) + c.width());
      b[3] = Math.max(b[3], l.y(k) + c.width());
    }
    return b;
  }

  private static boolean touch(double[] a, double[] b) {
    return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
  }

  /** The line moved {@code d} m to its right, as a list of points. */
  static List<double[]> moved(List<double[]> line, double d) {
    double[] xs = new double[line.size()];
    double[] ys = new double[line.size()];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = line.get(k)[0];
      ys[k] = line.get(k)[1];
    }
    Polyline p = new Polyline(xs, ys).offsetRight(d);
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < p.size(); k++) {
      out.add(new double[] {p.x(k), p.y(k)});
    }
    return out;
  }
}
