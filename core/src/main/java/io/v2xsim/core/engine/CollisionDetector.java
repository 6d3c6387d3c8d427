package io.v2xsim.core.engine;

import io.v2xsim.core.collections.LongIntMap;
import io.v2xsim.core.metrics.CollisionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds road users whose oriented bounding boxes overlap (separating axis test), using a uniform spatial hash
 * so that a tick costs O(n). The hash is a pair of int arrays rebuilt each tick: no allocation in steady state.
 * Each pair is reported once, at the first tick of contact.
 */
final class CollisionDetector {
  /**
   * Side of the hash's cells this tick: twice the largest reach (half length plus half width) of any body, so
   * that two bodies that overlap are in the same or adjacent cells. A fixed 12 m cell missed pairs of buses
   * or trucks (reach over 6 m) and, in a jam, held some fifty cars in each 3 x 3 block of cells.
   */
  private double cell = 1.0;

  private final Engine engine;
  private int[] head = new int[1024];
  private int[] next = new int[256];
  private int[] cellX = new int[256];
  private int[] cellY = new int[256];
  // Each body's box copied out once a tick, F doubles per body side by side: centre, heading's cosine and sine,
  // half length and width, and the half extents of its axis-aligned bounding box. The pair loop reads this
  // dense array and touches a body only to report a collision.
  private static final int F = 8;
  private double[] box = new double[256 * F];
  private boolean[] onFoot = new boolean[256];
  private Body[] bodies = new Body[256];
  /** Pairs reported so far (lower id << 32 | higher id), each once. */
  private final LongIntMap reported = new LongIntMap();
  private final List<CollisionRecord> records = new ArrayList<>();

  CollisionDetector(Engine engine) {
    this.engine = engine;
  }

  List<CollisionRecord> records() {
    return records;
  }

  void detect(double time) {
    int n = engine.activeCount + engine.actors().activeCount;
    if (bodies.length < n) {
      bodies = new Body[n * 2];
    }
    System.arraycopy(engine.active, 0, bodies, 0, engine.activeCount);
    System.arraycopy(engine.actors().active, 0, bodies, engine.activeCount, engine.actors().activeCount);
    Body[] vs = bodies;
    if (head.length < 2 * n) {
      head = new int[Integer.highestOneBit(Math.max(2 * n, 16)) << 1];
    }
    if (next.length < n) {
      next = new int[n * 2];
      cellX = new int[n * 2];
      cellY = new int[n * 2];
      box = new double[n * 2 * F];
      onFoot = new boolean[n * 2];
    }
    Arrays.fill(head, -1);
    int mask = head.length - 1;
    double widest = 0.5;
    for (int i = 0; i < n; i++) {
      Body b = vs[i];
      widest = Math.max(widest, 0.5 * (b.length + b.width));
    }
    cell = 2 * widest;
    double[] f = box;
    for (int i = 0; i < n; i++) {
      Body b = vs[i];
      int at = i * F;
      double c = b.cosHeading;
      double s = b.sinHeading;
      double hl = 0.5 * b.length;
      double hw = 0.5 * b.width;
      f[at] = b.x;
      f[at + 1] = b.y;
      f[at + 2] = c;
      f[at + 3] = s;
      f[at + 4] = hl;
      f[at + 5] = hw;
      f[at + 6] = hl * Math.abs(c) + hw * Math.abs(s);
      f[at + 7] = hl * Math.abs(s) + hw * Math.abs(c);
      onFoot[i] = b instanceof Actor x && x.kind == io.v2xsim.core.actors.ActorKind.PEDESTRIAN;
      cellX[i] = cell(b.x);
      cellY[i] = cell(b.y);
      int h = hash(cellX[i], cellY[i]) & mask;
      next[i] = head[h];
      head[h] = i;
    }
    for (int i = 0; i < n; i++) {
      int cx = cellX[i];
      int cy = cellY[i];
      int a = i * F;
      double ax = f[a];
      double ay = f[a + 1];
      double ar = f[a + 4] + f[a + 5];
      for (int dx = -1; dx <= 1; dx++) {
        for (int dy = -1; dy <= 1; dy++) {
          int h = hash(cx + dx, cy + dy) & mask;
          // Bodies were pushed onto their chains in index order, so a chain runs from the highest index down:
          // the pairs (i, j > i) are its first entries.
          for (int j = head[h]; j > i; j = next[j]) {
            if (cellX[j] != cx + dx || cellY[j] != cy + dy) {
              continue; // hash collision with another cell
            }
            int b = j * F;
            double ex = f[b] - ax;
            double ey = f[b + 1] - ay;
            // Reach (half length plus half width) bounds how far apart the centres of overlapping boxes can be.
            double r = ar + f[b + 4] + f[b + 5];
            if (ex * ex + ey * ey > r * r || Math.abs(ex) > f[a + 6] + f[b + 6]
                || Math.abs(ey) > f[a + 7] + f[b + 7]) {
              continue; // further apart than any two points of their boxes, or of their bounding boxes, can be
            }
            if (onFoot[i] && onFoot[j]) {
              continue; // people walking close together, or queueing at a kerb, touch: that is no traffic crash
            }
            if (boxesOverlap(ax, ay, f[a + 2], f[a + 3], f[a + 4], f[a + 5],
                f[b], f[b + 1], f[b + 2], f[b + 3], f[b + 4], f[b + 5])) {
              report(time, vs[i], vs[j]);
            }
          }
        }
      }
    }
  }

  private int cell(double c) {
    return (int) Math.floor(c / cell);
  }

  private static int hash(int cx, int cy) {
    return cx * 73856093 ^ cy * 19349663;
  }

  private void report(double time, Body a, Body b) {
    int lo = Math.min(a.bodyId, b.bodyId);
    int hi = Math.max(a.bodyId, b.bodyId);
    if (reported.put(((long) lo << 32) | hi, 1) != LongIntMap.ABSENT) {
      return;
    }
    Body first = a.bodyId == lo ? a : b;
    Body second = first == a ? b : a;
    records.add(new CollisionRecord(time, first.name(engine), second.name(engine), 0.5 * (a.x + b.x),
        0.5 * (a.y + b.y), where(first) + "|" + where(second), kind(first) + "-" + kind(second)));
  }

  private static String where(Body b) {
    return b instanceof Vehicle v ? v.link.id() : "path";
  }

  /** vehicle, pedestrian or cyclist. */
  static String kind(Body b) {
    if (b instanceof Actor a) {
      return a.kind == null ? "obstacle" : a.kind.name().toLowerCase(java.util.Locale.ROOT);
    }
    return "vehicle";
  }

  /** Separating-axis test for two oriented rectangles given by centre, heading and half extents. */
  static boolean boxesOverlap(double ax, double ay, double ah, double al, double aw,
      double bx, double by, double bh, double bl, double bw) {
    return boxesOverlap(ax, ay, Math.cos(ah), Math.sin(ah), al, aw, bx, by, Math.cos(bh), Math.sin(bh), bl, bw);
  }

  /**
   * The same with headings given as cosine and sine, so the tick needs no trigonometry. Each box's extent on
   * the other's axes depends only on the angle between them: its cosine and sine are taken once, and a box's
   * extent on its own axes is its half length or width.
   */
  static boolean boxesOverlap(double ax, double ay, double ac, double as, double al, double aw,
      double bx, double by, double bc, double bs, double bl, double bw) {
    double dx = bx - ax;
    double dy = by - ay;
    double c = Math.abs(ac * bc + as * bs);
    double s = Math.abs(ac * bs - as * bc);
    return Math.abs(dx * ac + dy * as) <= al + bl * c + bw * s
        && Math.abs(-dx * as + dy * ac) <= aw + bl * s + bw * c
        && Math.abs(dx * bc + dy * bs) <= bl + al * c + aw * s
        && Math.abs(-dx * bs + dy * bc) <= bw + al * s + aw * c;
  }
}
