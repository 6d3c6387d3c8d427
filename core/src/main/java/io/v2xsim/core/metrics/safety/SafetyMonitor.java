package io.v2xsim.core.metrics.safety;

import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.sensing.GroundTruth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Surrogate safety measures of one run, from ground truth: TTC and PET conflicts, the minimum TTC and the
 * maximum DRAC. Fed every tick with {@link #observe}; evaluates every {@link SafetyConfig#interval()}.
 * Not thread-safe; one monitor per run.
 *
 * <p><b>Candidate pairs.</b> Each road user is entered into a uniform spatial hash over every cell its box
 * sweeps in the TTC horizon at its current velocity (the box's circumscribed circle moved along the
 * velocity, as an axis-aligned rectangle). Two users that could touch within the horizon share a cell; each
 * pair is tested once, in the cell that holds the lower corner of the overlap of their swept rectangles. Cost
 * per evaluation is O(n + pairs that could touch), never O(n^2).
 *
 * <p><b>TTC</b> is the exact time at which the two oriented boxes first touch if both keep their velocity
 * and heading ({@link BoxMotion}); pairs already overlapping are collisions, not conflicts, and are left to
 * the collision detector. Constant velocity is the textbook assumption and its known weakness: on a curve it
 * predicts contact with traffic in the next lane that the road will in fact keep apart. One record per
 * encounter with TTC below the threshold.
 *
 * <p><b>PET</b> uses a grid of points {@link SafetyConfig#petCell()} apart. Each point remembers who covered it
 * last and the last evaluation that found it covered (boxes are grown to at least {@code petCell * sqrt(2)}
 * on a side so that even a pedestrian always covers a point). At each evaluation a road user in a crossing
 * area enters only the points its box newly covers and releases those it left, which gives the same times
 * as marking every covered point at every evaluation, at a fraction of the cost. When a point last held by one user is entered by another
 * whose heading differs by at least {@link SafetyConfig#rearEndAngle()}, PET is the time between the first
 * leaving and the second arriving, estimated from the sampling instants as {@code t_seen_second -
 * t_last_seen_first - interval} (clamped at 0): the error is within one interval. Same-direction pairs are
 * left out because a follower passing where its leader was is headway, not encroachment.
 *
 * <p><b>DRAC</b>: for each vehicle (id below 1,000,000), its nearest road user ahead that travels within
 * {@code rearEndAngle} of its heading and overlaps its path laterally, among the candidate pairs; if the
 * follower is closing in, {@code (v_f - v_l)^2 / (2 gap)} with speeds along the follower's heading and the
 * bumper-to-bumper gap. A leader so far ahead that the two swept rectangles do not meet is missed; its DRAC is
 * below {@code v_f / (2 horizon)}. For a vehicle on a collision course with a road user whose heading differs
 * by at least {@code rearEndAngle} (a crossing pedestrian, cyclist or vehicle), {@code v / (2 TTC)}: the
 * deceleration that stops it before the point of contact.
 *
 * <p>In steady state an evaluation allocates nothing: scratch arrays grow with the number of road users and
 * are reused; only a conflict that closes allocates its record.
 */
public final class SafetyMonitor {
  /** Ground-truth ids from here on are pedestrians and cyclists. */
  static final int ACTOR_ID_BASE = 1_000_000;
  private static final double SQRT2 = Math.sqrt(2);

  private final SafetyConfig config;
  private final IntFunction<String> names;
  private final double cosRearEnd;
  private final Episodes ttc = new Episodes(ConflictKind.TTC);
  private final Episodes pet = new Episodes(ConflictKind.PET);
  private final List<ConflictRecord> closed = new ArrayList<>();
  private final PointHistory points = new PointHistory(4096);
  private long nextEvaluation;
  private boolean finished;

  private double minTtc = Double.POSITIVE_INFINITY;
  private double maxDrac;
  private long evaluations;

  // Per-road-user scratch, indexed like the ground-truth snapshot.
  private double[] cos = new double[0];
  /** The heading whose cosine and sine {@link #cos} and {@link #sin} hold at each index (NaN: none yet). */
  private double[] cosOf = new double[0];
  private double[] sin = new double[0];
  private double[] minX = new double[0];
  private double[] minY = new double[0];
  private double[] maxX = new double[0];
  private double[] maxY = new double[0];
  private double[] leaderGap = new double[0];
  private double[] leaderDrac = new double[0];

  // Spatial hash of swept rectangles: bucket heads and a list of (road user, cell) entries.
  private int[] head = new int[1024];
  private int[] entryItem = new int[1024];
  private int[] entryCx = new int[1024];
  private int[] entryCy = new int[1024];
  private int[] entryNext = new int[1024];
  private int entries;

  /**
   * @param names display name of a ground-truth id (the engine's {@code objectName}); null for the id itself
   */
  public SafetyMonitor(SafetyConfig config, IntFunction<String> names) {
    this.config = config;
    this.names = names != null ? names : Integer::toString;
    this.cosRearEnd = Math.cos(config.rearEndAngle());
  }

  public SafetyConfig config() {
    return config;
  }

  /**
   * Whether {@link #observe} at this model time would evaluate: callers that build the snapshot only for
   * this monitor can skip building it otherwise.
   */
  public boolean isDue(double time) {
    return !finished && time >= config.warmup() && time + 1e-9 >= nextEvaluation * config.interval();
  }

  /**
   * Call once per tick with the snapshot of that tick and its model time; evaluates when due.
   *
   * @param truth every road user's state at {@code time}; read only, not kept
   */
  public void observe(GroundTruth truth, double time) {
    if (!isDue(time)) {
      return;
    }
    nextEvaluation = (long) Math.floor(time / config.interval() + 1e-9) + 1;
    evaluations++;
    int n = truth.count;
    prepare(truth, n);
    buildHash(n);
    pairs(truth, time, n);
    for (int i = 0; i < n; i++) {
      if (leaderGap[i] < Double.POSITIVE_INFINITY) {
        maxDrac = Math.max(maxDrac, leaderDrac[i]);
      }
    }
    occupy(truth, time, n);
    double before = time - config.episodeGap() - 1e-9;
    ttc.closeBefore(before, closed);
    pet.closeBefore(before, closed);
  }

  /** Number of evaluations so far. */
  public long evaluations() {
    return evaluations;
  }

  /** Closes the encounters still open; later observations are ignored. Called by the result methods. */
  public void finish() {
    if (!finished) {
      finished = true;
      ttc.closeAll(closed);
      pet.closeAll(closed);
    }
  }

  /** Every conflict of the run, by time, then kind, then ids. Finishes the monitor. */
  public List<ConflictRecord> conflicts() {
    finish();
    List<ConflictRecord> out = new ArrayList<>(closed);
    out.sort(Comparator.comparingDouble(ConflictRecord::time).thenComparing(ConflictRecord::kind)
        .thenComparingInt(ConflictRecord::firstId).thenComparingInt(ConflictRecord::secondId));
    return out;
  }

  /** {@code conflictsTtc}, {@code conflictsPet}, {@code minTtc}, {@code maxDrac}. Finishes the monitor. */
  public List<MetricValue> metrics() {
    finish();
    int ttcCount = 0;
    int petCount = 0;
    for (ConflictRecord r : closed) {
      if (r.kind() == ConflictKind.TTC) {
        ttcCount++;
      } else {
        petCount++;
      }
    }
    String ttcLimit = Double.toString(config.ttcThreshold());
    return List.of(
        new MetricValue("conflictsTtc", "1", "encounters of two road users (ground truth) with time to collision"
            + " below " + ttcLimit + " s under constant velocity", ttcCount),
        new MetricValue("conflictsPet", "1", "encounters of two road users crossing paths with post-encroachment"
            + " time below " + config.petThreshold() + " s", petCount),
        new MetricValue("minTtc", "s", "smallest time to collision of any pair on a collision course within "
            + config.horizon() + " s; NaN if none", minTtc == Double.POSITIVE_INFINITY ? Double.NaN : minTtc),
        new MetricValue("maxDrac", "m/s^2", "largest deceleration a vehicle needed to avoid a collision: behind"
            + " a road user heading the same way, (v_f - v_l)^2 / (2 gap); on a crossing collision course within "
            + config.horizon() + " s (oriented boxes), v / (2 TTC); 0 if none", maxDrac));
  }

  private void prepare(GroundTruth g, int n) {
    if (cos.length < n) {
      int m = Math.max(n, 2 * cos.length);
      cos = Arrays.copyOf(cos, m);
      sin = Arrays.copyOf(sin, m);
      int old = cosOf.length;
      cosOf = Arrays.copyOf(cosOf, m);
      Arrays.fill(cosOf, old, m, Double.NaN); // padded with 0.0, which is a heading
      minX = new double[m];
      minY = new double[m];
      maxX = new double[m];
      maxY = new double[m];
      leaderGap = new double[m];
      leaderDrac = new double[m];
    }
    double h = config.horizon();
    for (int i = 0; i < n; i++) {
      // Most road users keep their place in the snapshot and their heading from one evaluation to the next
      // (straight roads): the cosine and sine of the last heading at this index are reused, the same values.
      if (cosOf[i] != g.heading[i]) {
        cosOf[i] = g.heading[i];
        cos[i] = Math.cos(g.heading[i]);
        sin[i] = Math.sin(g.heading[i]);
      }
      // Only bounds the candidate search, so sqrt serves (hypot guards against overflow at a cost).
      double r = 0.5 * Math.sqrt(g.length[i] * g.length[i] + g.width[i] * g.width[i]);
      double ex = g.x[i] + g.vx[i] * h;
      double ey = g.y[i] + g.vy[i] * h;
      minX[i] = Math.min(g.x[i], ex) - r;
      maxX[i] = Math.max(g.x[i], ex) + r;
      minY[i] = Math.min(g.y[i], ey) - r;
      maxY[i] = Math.max(g.y[i], ey) + r;
      leaderGap[i] = Double.POSITIVE_INFINITY;
      leaderDrac[i] = 0;
    }
  }

  private int cell(double c) {
    return (int) Math.floor(c / config.pairCell());
  }

  private void buildHash(int n) {
    entries = 0;
    for (int i = 0; i < n; i++) {
      for (int cx = cell(minX[i]), cx1 = cell(maxX[i]); cx <= cx1; cx++) {
        for (int cy = cell(minY[i]), cy1 = cell(maxY[i]); cy <= cy1; cy++) {
          if (entries == entryItem.length) {
            int m = entries * 2;
            entryItem = Arrays.copyOf(entryItem, m);
            entryCx = Arrays.copyOf(entryCx, m);
            entryCy = Arrays.copyOf(entryCy, m);
            entryNext = Arrays.copyOf(entryNext, m);
          }
          entryItem[entries] = i;
          entryCx[entries] = cx;
          entryCy[entries] = cy;
          entries++;
        }
      }
    }
    if (head.length < entries) {
      head = new int[Integer.highestOneBit(entries - 1) << 1];
    }
    Arrays.fill(head, -1);
    int mask = head.length - 1;
    for (int e = 0; e < entries; e++) {
      int b = bucket(entryCx[e], entryCy[e], mask);
      entryNext[e] = head[b];
      head[b] = e;
    }
  }

  private static int bucket(int cx, int cy, int mask) {
    int h = cx * 73856093 ^ cy * 19349663;
    return (h ^ (h >>> 16)) & mask;
  }

  private void pairs(GroundTruth g, double time, int n) {
    for (int e = 0; e < entries; e++) {
      int cx = entryCx[e];
      int cy = entryCy[e];
      int i = entryItem[e];
      // Earlier entries of the same bucket: each pair of entries of a cell is seen once.
      for (int f = entryNext[e]; f >= 0; f = entryNext[f]) {
        if (entryCx[f] != cx || entryCy[f] != cy) {
          continue; // another cell that hashes to the same bucket
        }
        int j = entryItem[f];
        double lox = Math.max(minX[i], minX[j]);
        double loy = Math.max(minY[i], minY[j]);
        if (lox > Math.min(maxX[i], maxX[j]) || loy > Math.min(maxY[i], maxY[j])) {
          continue;
        }
        if (cell(lox) != cx || cell(loy) != cy) {
          continue; // tested in the cell holding the lower corner of the overlap
        }
        testPair(g, time, Math.min(i, j), Math.max(i, j));
      }
    }
  }

  private void testPair(GroundTruth g, double time, int a, int b) {
    double dx = g.x[b] - g.x[a];
    double dy = g.y[b] - g.y[a];
    double t = BoxMotion.timeToContact(dx, dy, g.vx[b] - g.vx[a], g.vy[b] - g.vy[a],
        cos[a], sin[a], 0.5 * g.length[a], 0.5 * g.width[a], cos[b], sin[b], 0.5 * g.length[b],
        0.5 * g.width[b], config.horizon());
    if (t > 0) { // NaN: no contact in the horizon; 0: overlapping, a collision
      minTtc = Math.min(minTtc, t);
      if (t < config.ttcThreshold()) {
        int lo = g.id[a] <= g.id[b] ? a : b;
        int hi = lo == a ? b : a;
        ttc.observe(time, t, g.x[a] + 0.5 * dx, g.y[a] + 0.5 * dy, g.id[lo], g.objectClass[lo], g.id[hi],
            g.objectClass[hi], names);
      }
      if (cos[a] * cos[b] + sin[a] * sin[b] < cosRearEnd) {
        stopBefore(g, a, t);
        stopBefore(g, b, t);
      }
    }
    follow(g, a, b);
    follow(g, b, a);
  }

  /**
   * DRAC of a vehicle on a crossing collision course (headings differ by at least the rear-end angle, e.g. a
   * pedestrian stepping out): the deceleration that stops it within the distance it would cover until contact,
   * {@code v^2 / (2 v ttc) = v / (2 ttc)}: the rear-end DRAC (Almqvist et al. 1991) with the other party as a
   * standing obstacle at the point of contact. The literature defines DRAC for rear-end conflicts; this
   * extension is the project's. Without it a vehicle hitting a crossing pedestrian had no DRAC at all.
   */
  private void stopBefore(GroundTruth g, int i, double t) {
    if (g.id[i] >= ACTOR_ID_BASE) {
      return;
    }
    double v = Math.hypot(g.vx[i], g.vy[i]);
    maxDrac = Math.max(maxDrac, v / (2 * t));
  }

  /**
   * Time until two oriented boxes (centre, velocity, heading, length along the heading, width) first touch if
   * both keep velocity and heading; the same geometry as the collision detector. 0 if they overlap now; NaN if
   * they do not touch within {@code horizon} seconds. No allocation.
   */
  public static double timeToContact(double ax, double ay, double avx, double avy, double aHeading,
      double aLength, double aWidth, double bx, double by, double bvx, double bvy, double bHeading, double bLength,
      double bWidth, double horizon) {
    return BoxMotion.timeToContact(bx - ax, by - ay, bvx - avx, bvy - avy, Math.cos(aHeading), Math.sin(aHeading),
        0.5 * aLength, 0.5 * aWidth, Math.cos(bHeading), Math.sin(bHeading), 0.5 * bLength, 0.5 * bWidth, horizon);
  }

  /** The same for two entries of a snapshot, by index. */
  public static double timeToContact(GroundTruth g, int a, int b, double horizon) {
    return BoxMotion.timeToContact(g.x[b] - g.x[a], g.y[b] - g.y[a], g.vx[b] - g.vx[a], g.vy[b] - g.vy[a],
        Math.cos(g.heading[a]), Math.sin(g.heading[a]), 0.5 * g.length[a], 0.5 * g.width[a],
        Math.cos(g.heading[b]), Math.sin(g.heading[b]), 0.5 * g.length[b], 0.5 * g.width[b], horizon);
  }

  /** Whether {@code leader} is ahead of vehicle {@code follower} in its path; keeps the nearest one's DRAC. */
  private void follow(GroundTruth g, int follower, int leader) {
    if (g.id[follower] >= ACTOR_ID_BASE) {
      return;
    }
    double c = cos[follower];
    double s = sin[follower];
    if (c * cos[leader] + s * sin[leader] < cosRearEnd) {
      return;
    }
    double dx = g.x[leader] - g.x[follower];
    double dy = g.y[leader] - g.y[follower];
    double lateral = -dx * s + dy * c;
    if (Math.abs(lateral) >= 0.5 * (g.width[follower] + g.width[leader])) {
      return;
    }
    double gap = dx * c + dy * s - 0.5 * (g.length[follower] + g.length[leader]);
    if (gap <= 0 || gap >= leaderGap[follower]) {
      return; // behind, overlapping (a collision), or not the nearest
    }
    leaderGap[follower] = gap;
    double closing = (g.vx[follower] - g.vx[leader]) * c + (g.vy[follower] - g.vy[leader]) * s;
    leaderDrac[follower] = closing > 0 ? closing * closing / (2 * gap) : 0;
  }

  private final CoveringBoxes boxes = new CoveringBoxes();

  /**
   * PET bookkeeping: each road user in a crossing area enters the points its box newly covers and releases
   * those it left (they keep the time of the last evaluation that found them covered, as if the box had
   * marked them at every evaluation). A road user that leaves the crossing areas or the scene releases all.
   */
  private void occupy(GroundTruth g, double time, int n) {
    double step = config.petCell();
    double minHalf = 0.5 * step * SQRT2;
    double staleBefore = time - config.petThreshold() - config.interval() - 1e-9;
    for (int i = 0; i < n; i++) {
      if (!g.crossingArea[i]) {
        continue; // following and opposing traffic on a road never encroach on each other's points
      }
      double c = cos[i];
      double s = sin[i];
      double hl = Math.max(0.5 * g.length[i], minHalf);
      double hw = Math.max(0.5 * g.width[i], minHalf);
      double x = g.x[i];
      double y = g.y[i];
      int k = boxes.find(g.id[i]);
      boolean had = k != io.v2xsim.core.collections.LongIntMap.ABSENT;
      if (!had) {
        k = boxes.add(g.id[i]);
      } else if (boxes.same(k, x, y, c, s, hl, hw)) {
        boxes.touch(k, time, evaluations);
        continue; // standing: it covers what it covered
      } else {
        releaseLeft(k, x, y, c, s, hl, hw, step);
      }
      enter(g, i, k, had, time, staleBefore, x, y, c, s, hl, hw, step);
      boxes.set(k, x, y, c, s, hl, hw, g.heading[i], time, evaluations);
    }
    for (int k = 0; k < boxes.count(); ) {
      if (boxes.stamp(k) == evaluations) {
        k++;
        continue;
      }
      releaseLeft(k, Double.NaN, Double.NaN, 1, 0, 0, 0, step); // NaN centre: a box that covers nothing
      boxes.remove(k);
    }
  }

  /** Enters the points of the box (x, y, c, s, hl, hw) that the road user's previous box did not cover. */
  private void enter(GroundTruth g, int i, int k, boolean had, double time, double staleBefore, double x,
      double y, double c, double s, double hl, double hw, double step) {
    double ex = hl * Math.abs(c) + hw * Math.abs(s);
    double ey = hl * Math.abs(s) + hw * Math.abs(c);
    // Points sit at cell centres, (k + 0.5) * step.
    int kx1 = (int) Math.floor((x + ex) / step - 0.5);
    int ky1 = (int) Math.floor((y + ey) / step - 0.5);
    for (int kx = (int) Math.ceil((x - ex) / step - 0.5); kx <= kx1; kx++) {
      double px = (kx + 0.5) * step;
      for (int ky = (int) Math.ceil((y - ey) / step - 0.5); ky <= ky1; ky++) {
        double py = (ky + 0.5) * step;
        if (!CoveringBoxes.covers(x, y, c, s, hl, hw, px, py) || (had && boxes.covers(k, px, py))) {
          continue;
        }
        int prev = points.visit(kx, ky, g.id[i], g.objectClass[i], g.heading[i], PointHistory.HELD, staleBefore);
        if (prev < 0) {
          continue;
        }
        double cosAngle = c * Math.cos(points.prevHeading) + s * Math.sin(points.prevHeading);
        if (cosAngle >= cosRearEnd) {
          continue; // same direction: headway, not encroachment
        }
        double value = points.prevLast >= time ? 0 : Math.max(0, time - points.prevLast - config.interval());
        if (value < config.petThreshold()) {
          pet.observe(time, value, px, py, prev, points.prevClass, g.id[i], g.objectClass[i], names);
        }
      }
    }
  }

  /** Releases the points of tracked box {@code k} that the box (x, y, c, s, hl, hw) does not cover. */
  private void releaseLeft(int k, double x, double y, double c, double s, double hl, double hw, double step) {
    double[] b = boxes.box;
    int at = k * CoveringBoxes.WIDTH;
    double ox = b[at + CoveringBoxes.X];
    double oy = b[at + CoveringBoxes.Y];
    double oc = b[at + CoveringBoxes.COS];
    double os = b[at + CoveringBoxes.SIN];
    double ol = b[at + CoveringBoxes.HALF_LENGTH];
    double ow = b[at + CoveringBoxes.HALF_WIDTH];
    double ex = ol * Math.abs(oc) + ow * Math.abs(os);
    double ey = ol * Math.abs(os) + ow * Math.abs(oc);
    int kx1 = (int) Math.floor((ox + ex) / step - 0.5);
    int ky1 = (int) Math.floor((oy + ey) / step - 0.5);
    for (int kx = (int) Math.ceil((ox - ex) / step - 0.5); kx <= kx1; kx++) {
      double px = (kx + 0.5) * step;
      for (int ky = (int) Math.ceil((oy - ey) / step - 0.5); ky <= ky1; ky++) {
        double py = (ky + 0.5) * step;
        if (CoveringBoxes.covers(ox, oy, oc, os, ol, ow, px, py)
            && !CoveringBoxes.covers(x, y, c, s, hl, hw, px, py)) {
          points.release(kx, ky, boxes.id(k), b[at + CoveringBoxes.HEADING], b[at + CoveringBoxes.TIME]);
        }
      }
    }
  }
}
