package io.v2xsim.roadside.fusion;

import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.sensing.ObjectClass;
import java.util.Arrays;

/**
 * The RSU's multi-sensor tracker: global-nearest-neighbour association with optimal assignment, one
 * constant-velocity Kalman filter per track, M-of-N confirmation. Tracks live in parallel primitive arrays that
 * grow only when more tracks or detections arrive than ever before, so {@link #step} allocates nothing in steady
 * state (checked by the JMH benchmark with {@code -prof gc}).
 *
 * <p>One step, for each ready scan in measurement-time order (a sequential multi-sensor update: each scan, with
 * its own covariances, refines the tracks the previous scans left):
 * <ol>
 *   <li>predict every track to the scan time (a scan older than a track's state is applied without prediction,
 *       the usual approximation for slightly out-of-sequence measurements);
 *   <li>gate: a pair (track, detection) is allowed when the squared Mahalanobis distance of the detection to the
 *       predicted position, with S = P_pos + R, is at most {@link TrackerConfig#gate()}; candidates come from a
 *       hashed grid of the scan's detections, searched within a radius that bounds the gate ellipse;
 *   <li>split the gated bipartite graph into connected clusters and solve each cluster exactly
 *       ({@link Assignment}): minimise the sum of d^2 over assigned pairs plus {@code gate} for each track left
 *       without a detection (equivalently gate/2 per unassigned track and per unassigned detection), so any
 *       gated pair is worth taking unless it spoils a better one;
 *   <li>Kalman-update assigned tracks; start a tentative track at every unassigned detection that is not within
 *       {@link TrackerConfig#birthGate()} of an existing track.
 * </ol>
 * Then each track records whether it was updated this step; tentative tracks with M hits in the last N steps
 * become confirmed; tracks with too many consecutive misses or a position covariance trace above twice
 * {@link TrackerConfig#maxPositionVariance()} are deleted. Deletion keeps the order of the survivors, so tracks
 * stay in creation order and ties in assignment favour older tracks.
 *
 * <p>Track ids are pseudonyms from a per-tracker counter. The tracker never reads {@code Detections.truthId}.
 */
public final class Tracker implements Fusion {
  private static final double CELL = 8.0;
  private static final double FORBIDDEN = 1e9;

  private final TrackerConfig cfg;
  private final double q;
  private final int windowMask;
  private int nextId = 1;

  // Tracks, slot order = creation order.
  private int n;
  private int[] id;
  private double[] st;
  private double[] pc;
  private double[] t;
  private int[] hist;
  private int[] misses;
  private boolean[] confirmed;
  private double[] confirmedAt;
  private double[] lastUpdate;
  private int[] votes;
  private boolean[] hit;
  /** Scratch of one scan: each track's squared Euclidean bound of its birth gate. */
  private double[] birthR2;
  private int[] mask;

  // Queued detections and the scans (runs of one sensor and time) found in them.
  private final Detections pending = new Detections(256);
  private int scanCount;
  private int[] scanStart = new int[16];
  private int[] scanEnd = new int[16];
  private int[] scanOrder = new int[16];

  // Association scratch, sized to the largest scan and track count seen.
  private int[] cellStart = new int[65];
  private int[] detCell = new int[64];
  private int[] sortedJ = new int[64];
  private double[] sx = new double[64];
  private double[] sy = new double[64];
  private double[] sxx = new double[64];
  private double[] sxy = new double[64];
  private double[] syy = new double[64];
  private double[] str = new double[64];
  private boolean[] assigned = new boolean[64];
  private boolean[] nearTrack = new boolean[64];
  private int edgeCount;
  private int[] edgeT = new int[256];
  private int[] edgeD = new int[256];
  private double[] edgeC = new double[256];
  private int[] parent = new int[128];
  private int[] label = new int[128];
  private int[] compOf = new int[128];
  private int[] local = new int[128];
  private int[] trackStart = new int[65];
  private int[] trackList = new int[64];
  private int[] detStart = new int[65];
  private int[] detList = new int[64];
  private int[] edgeStart = new int[65];
  private int[] edgeList = new int[256];
  private int[] complexEdge = new int[256];
  private int[] degT = new int[64];
  private int[] degD = new int[64];
  private boolean[] inGraph = new boolean[128];
  private int[] nodeList = new int[128];
  private int[] fill = new int[65];
  private double[] cost = new double[256];
  private int[] rowToCol = new int[16];
  private final Assignment assignment = new Assignment();

  public Tracker(TrackerConfig config) {
    this(config, 64);
  }

  public Tracker(TrackerConfig config, int initialCapacity) {
    this.cfg = config;
    this.q = config.sigmaAccel() * config.sigmaAccel();
    this.windowMask = (1 << config.confirmWindow()) - 1;
    allocateTracks(Math.max(4, initialCapacity));
  }

  public TrackerConfig config() {
    return cfg;
  }

  @Override
  public int trackCount() {
    return n;
  }

  /** Confirmed tracks right now. */
  public int confirmedCount() {
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (confirmed[i]) {
        c++;
      }
    }
    return c;
  }

  @Override
  public void ingest(Detections scans) {
    // Array by array rather than Detections.appendAll's detection by detection: the same content (every field,
    // truthId included so the queue stays a faithful copy; the tracker never reads it) at a fraction of the cost
    // for the hundreds of detections an RSU queues per step.
    Detections p = pending;
    int at = p.count;
    int k = scans.count;
    p.ensureCapacity(at + k);
    System.arraycopy(scans.sensorId, 0, p.sensorId, at, k);
    System.arraycopy(scans.time, 0, p.time, at, k);
    System.arraycopy(scans.readyTime, 0, p.readyTime, at, k);
    System.arraycopy(scans.x, 0, p.x, at, k);
    System.arraycopy(scans.y, 0, p.y, at, k);
    System.arraycopy(scans.cxx, 0, p.cxx, at, k);
    System.arraycopy(scans.cxy, 0, p.cxy, at, k);
    System.arraycopy(scans.cyy, 0, p.cyy, at, k);
    System.arraycopy(scans.hasVelocity, 0, p.hasVelocity, at, k);
    System.arraycopy(scans.vx, 0, p.vx, at, k);
    System.arraycopy(scans.vy, 0, p.vy, at, k);
    System.arraycopy(scans.vxx, 0, p.vxx, at, k);
    System.arraycopy(scans.vxy, 0, p.vxy, at, k);
    System.arraycopy(scans.vyy, 0, p.vyy, at, k);
    System.arraycopy(scans.objectClass, 0, p.objectClass, at, k);
    System.arraycopy(scans.truthId, 0, p.truthId, at, k);
    p.count = at + k;
  }

  @Override
  public void step(double now, FusedObjects out) {
    findReadyScans(now);
    for (int k = 0; k < scanCount; k++) {
      int s = scanOrder[k];
      processScan(scanStart[s], scanEnd[s]);
    }
    dropUsed(now);
    manage(now);
    write(now, out);
  }

  // ---------------------------------------------------------------------------------------------- scans

  private void findReadyScans(double now) {
    scanCount = 0;
    int i = 0;
    while (i < pending.count) {
      if (pending.readyTime[i] > now) {
        i++;
        continue;
      }
      int s = i;
      int sensor = pending.sensorId[i];
      double time = pending.time[i];
      i++;
      while (i < pending.count && pending.sensorId[i] == sensor && pending.time[i] == time
          && pending.readyTime[i] <= now) {
        i++;
      }
      if (scanCount == scanStart.length) {
        scanStart = Arrays.copyOf(scanStart, scanCount * 2);
        scanEnd = Arrays.copyOf(scanEnd, scanCount * 2);
        scanOrder = Arrays.copyOf(scanOrder, scanCount * 2);
      }
      scanStart[scanCount] = s;
      scanEnd[scanCount] = i;
      scanOrder[scanCount] = scanCount;
      scanCount++;
    }
    // Insertion sort by (time, sensor, arrival): few scans, usually already in order.
    for (int a = 1; a < scanCount; a++) {
      int v = scanOrder[a];
      int b = a - 1;
      while (b >= 0 && scanAfter(scanOrder[b], v)) {
        scanOrder[b + 1] = scanOrder[b];
        b--;
      }
      scanOrder[b + 1] = v;
    }
  }

  private boolean scanAfter(int a, int b) {
    double ta = pending.time[scanStart[a]];
    double tb = pending.time[scanStart[b]];
    if (ta != tb) {
      return ta > tb;
    }
    int sa = pending.sensorId[scanStart[a]];
    int sb = pending.sensorId[scanStart[b]];
    if (sa != sb) {
      return sa > sb;
    }
    return scanStart[a] > scanStart[b];
  }

  private void dropUsed(double now) {
    int w = 0;
    for (int i = 0; i < pending.count; i++) {
      if (pending.readyTime[i] > now) {
        if (w != i) {
          pending.move(i, w);
        }
        w++;
      }
    }
    pending.count = w;
  }

  // ---------------------------------------------------------------------------------------- association

  private void processScan(int s, int e) {
    Detections d = pending;
    int m = e - s;
    double time = d.time[s];
    for (int k = 0; k < n; k++) {
      if (time > t[k]) {
        CvKalman.predict(st, 4 * k, pc, 10 * k, time - t[k], q);
        t[k] = time;
      }
    }
    ensureScan(m);
    Arrays.fill(assigned, 0, m, false);
    Arrays.fill(nearTrack, 0, m, false);
    if (n > 0 && m > 0) {
      gate(s, m);
      suppressBirths(s, m);
      assign(s, m);
    }
    int bit = 1 << (d.sensorId[s] & 31);
    for (int j = 0; j < m; j++) {
      if (!assigned[j] && !nearTrack[j]) {
        birth(s + j, bit);
      }
    }
  }

  /**
   * Finds every (track, detection) pair within the gate and records it as an edge (which also marks the detection
   * as near a track: the gate is inside the birth gate).
   *
   * <p>The scan's detections are counting-sorted into a dense grid over their bounding box, with positions and
   * covariances copied into cell order, so each row of cells a track's search box covers is one contiguous run of
   * memory: no hashing, no linked lists, no duplicate visits. Within that run a cheap Euclidean test against the
   * bounding radius rejects most candidates before the Mahalanobis distance is computed (with exactly the
   * arithmetic of {@link CvKalman#mahalanobis2}, so the edges and their costs do not depend on the search).
   */
  private void gate(int s, int m) {
    Detections d = pending;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double maxTraceR = 0;
    for (int j = 0; j < m; j++) {
      double x = d.x[s + j];
      double y = d.y[s + j];
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      maxTraceR = Math.max(maxTraceR, d.cxx[s + j] + d.cyy[s + j]);
    }
    // Cells of CELL metres, coarser when the detections are spread so thin that the grid would exceed ~4 cells
    // per detection (the grid is cleared every scan, so its size must stay proportional to the scan).
    double cellSize = CELL;
    double w = maxX - minX;
    double h = maxY - minY;
    double maxCells = 4.0 * m + 64;
    if ((w / cellSize + 1) * (h / cellSize + 1) > maxCells) {
      cellSize = Math.max(cellSize, Math.sqrt(w * h / maxCells) * 1.5 + 1e-9);
      while ((w / cellSize + 1) * (h / cellSize + 1) > maxCells) {
        cellSize *= 1.5;
      }
    }
    double inv = 1.0 / cellSize;
    int gw = (int) (w * inv) + 1;
    int gh = (int) (h * inv) + 1;
    int cells = gw * gh;
    if (cellStart.length < cells + 1) {
      cellStart = new int[Math.max(cells + 1, cellStart.length * 2)];
    }
    Arrays.fill(cellStart, 0, cells + 1, 0);
    for (int j = 0; j < m; j++) {
      int c = Math.min(gh - 1, (int) ((d.y[s + j] - minY) * inv)) * gw
          + Math.min(gw - 1, (int) ((d.x[s + j] - minX) * inv));
      detCell[j] = c;
      cellStart[c + 1]++;
    }
    for (int c = 0; c < cells; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    for (int j = 0; j < m; j++) {
      int slot = cellStart[detCell[j]]++;
      int i = s + j;
      sortedJ[slot] = j;
      sx[slot] = d.x[i];
      sy[slot] = d.y[i];
      sxx[slot] = d.cxx[i];
      sxy[slot] = d.cxy[i];
      syy[slot] = d.cyy[i];
      str[slot] = d.cxx[i] + d.cyy[i];
    }
    // The fill loop advanced each start to its end: shift back by one cell.
    System.arraycopy(cellStart, 0, cellStart, 1, cells);
    cellStart[0] = 0;

    edgeCount = 0;
    Arrays.fill(degT, 0, n, 0);
    Arrays.fill(degD, 0, m, 0);
    // The search covers the gate only. Birth suppression needs the wider birth gate, but only for detections left
    // without an edge, which are few; suppressBirths() checks those against the tracks directly. Searching every
    // track's birth-gate box instead cost about 2.7 times the area.
    double gate = cfg.gate();
    double bg = cfg.birthGate();
    for (int k = 0; k < n; k++) {
      int po = 10 * k;
      double a = pc[po];
      double b = pc[po + 1];
      double c = pc[po + 4];
      // Gershgorin bound on the largest eigenvalue of P_pos: no square root, a little wider than the exact one.
      double lambda = Math.max(a, c) + Math.abs(b);
      // Every detection within the birth gate lies within this radius: d^2 <= g implies
      // |z - x|^2 <= g * lambda_max(S), and lambda_max(P + R) <= lambda_max(P) + trace(R). The margin covers
      // rounding, so the Euclidean pre-test never rejects a pair the Mahalanobis test would accept.
      double r2 = gate * (lambda + maxTraceR) * (1 + 1e-9) + 1e-9;
      double r = Math.sqrt(r2);
      double gl = gate * lambda;
      birthR2[k] = bg * (lambda + maxTraceR) * (1 + 1e-9) + 1e-9;
      double tx = st[4 * k];
      double ty = st[4 * k + 1];
      double fx1 = (tx + r - minX) * inv;
      double fy1 = (ty + r - minY) * inv;
      if (fx1 < 0 || fy1 < 0) {
        continue;
      }
      // Truncation is the floor for the non-negative values kept; negative lower bounds clamp to cell 0.
      int gx0 = (int) Math.max(0, (tx - r - minX) * inv);
      int gy0 = (int) Math.max(0, (ty - r - minY) * inv);
      if (gx0 >= gw || gy0 >= gh) {
        continue;
      }
      int gx1 = (int) Math.min(fx1, gw - 1);
      int gy1 = (int) Math.min(fy1, gh - 1);
      for (int gy = gy0; gy <= gy1; gy++) {
        int from = cellStart[gy * gw + gx0];
        int to = cellStart[gy * gw + gx1 + 1];
        for (int slot = from; slot < to; slot++) {
          double ex = sx[slot] - tx;
          double ey = sy[slot] - ty;
          // The same bound with this detection's own trace(R) instead of the scan's largest (camera noise grows
          // with range, so the largest is far wider than most).
          if (ex * ex + ey * ey > (gl + gate * str[slot]) * (1 + 1e-9) + 1e-9) {
            continue;
          }
          // CvKalman.mahalanobis2, written out with the track's terms hoisted.
          double s00 = a + sxx[slot];
          double s01 = b + sxy[slot];
          double s11 = c + syy[slot];
          double det = s00 * s11 - s01 * s01;
          double num = s11 * ex * ex - 2 * s01 * ex * ey + s00 * ey * ey;
          // Reject without the division when clearly outside (the margin dwarfs rounding); d2 itself is still
          // num / det, so accepted edges and their costs are bit for bit those of mahalanobis2.
          if (det > 0 && num > gate * det * (1 + 1e-9)) {
            continue;
          }
          double d2 = num / det;
          if (d2 <= gate) {
            int j = sortedJ[slot];
            nearTrack[j] = true;
            addEdge(k, j, d2);
          }
        }
      }
    }
  }

  /**
   * Marks the detections without an edge that lie within the birth gate of some track (against the predicted
   * tracks, before any update of this scan, exactly as if the gate search had covered the birth gate). Runs before
   * {@link #assign}, which updates tracks in place.
   */
  private void suppressBirths(int s, int m) {
    Detections d = pending;
    double bg = cfg.birthGate();
    for (int j = 0; j < m; j++) {
      if (degD[j] != 0) {
        continue;
      }
      int i = s + j;
      double zx = d.x[i];
      double zy = d.y[i];
      double rxx = d.cxx[i];
      double rxy = d.cxy[i];
      double ryy = d.cyy[i];
      for (int k = 0; k < n; k++) {
        double ex = zx - st[4 * k];
        double ey = zy - st[4 * k + 1];
        if (ex * ex + ey * ey > birthR2[k]) {
          continue;
        }
        int po = 10 * k;
        double s00 = pc[po] + rxx;
        double s01 = pc[po + 1] + rxy;
        double s11 = pc[po + 4] + ryy;
        double det = s00 * s11 - s01 * s01;
        double d2 = (s11 * ex * ex - 2 * s01 * ex * ey + s00 * ey * ey) / det;
        if (d2 <= bg) {
          nearTrack[j] = true;
          break;
        }
      }
    }
  }

  private void addEdge(int k, int j, double d2) {
    if (edgeCount == edgeT.length) {
      int len = edgeCount * 2;
      edgeT = Arrays.copyOf(edgeT, len);
      edgeD = Arrays.copyOf(edgeD, len);
      edgeC = Arrays.copyOf(edgeC, len);
      edgeList = Arrays.copyOf(edgeList, len);
      complexEdge = Arrays.copyOf(complexEdge, len);
    }
    degT[k]++;
    degD[j]++;
    edgeT[edgeCount] = k;
    edgeD[edgeCount] = j;
    edgeC[edgeCount] = d2;
    edgeCount++;
  }

  private int find(int a) {
    while (parent[a] != a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  }

  /**
   * Solves the gated graph (tracks are nodes 0..n-1, detections n..n+m-1). A gated pair whose track and detection
   * have no other edge is its own cluster with a trivial answer (take the pair: d^2 <= gate), and that is most
   * pairs in ordinary traffic, so those are updated at once; only the rest go through union-find clustering and
   * the exact solver, at a cost proportional to the ambiguous part of the scene.
   */
  private void assign(int s, int m) {
    if (edgeCount == 0) {
      return;
    }
    Detections d = pending;
    int bit = 1 << (d.sensorId[s] & 31);
    int complex = 0;
    Arrays.fill(inGraph, 0, n + m, false);
    for (int e = 0; e < edgeCount; e++) {
      int k = edgeT[e];
      int j = edgeD[e];
      if (degT[k] == 1 && degD[j] == 1) {
        update(k, s, j, bit);
      } else {
        complexEdge[complex++] = e;
        inGraph[k] = true;
        inGraph[n + j] = true;
      }
    }
    if (complex == 0) {
      return;
    }
    // Nodes of the ambiguous part, tracks in slot order then detections in scan order.
    int nodes = 0;
    int trackNodes = 0;
    for (int a = 0; a < n + m; a++) {
      if (inGraph[a]) {
        nodeList[nodes++] = a;
        parent[a] = a;
        label[a] = -1;
        if (a < n) {
          trackNodes++;
        }
      }
    }
    for (int x = 0; x < complex; x++) {
      int e = complexEdge[x];
      int ra = find(edgeT[e]);
      int rb = find(n + edgeD[e]);
      if (ra != rb) {
        if (ra < rb) {
          parent[rb] = ra;
        } else {
          parent[ra] = rb;
        }
      }
    }
    // Components numbered by their first node: tracks first, in slot order.
    int comps = 0;
    for (int x = 0; x < nodes; x++) {
      int a = nodeList[x];
      int r = find(a);
      if (label[r] < 0) {
        label[r] = comps++;
      }
      compOf[a] = label[r];
    }
    if (trackStart.length < comps + 1) {
      int len = Math.max(comps + 1, trackStart.length * 2);
      trackStart = new int[len];
      detStart = new int[len];
      edgeStart = new int[len];
      fill = new int[len];
    }
    bucket(trackStart, trackList, comps, 0, trackNodes);
    bucket(detStart, detList, comps, trackNodes, nodes);
    // Edges by the component of their track.
    Arrays.fill(edgeStart, 0, comps + 1, 0);
    for (int x = 0; x < complex; x++) {
      edgeStart[compOf[edgeT[complexEdge[x]]] + 1]++;
    }
    for (int c = 0; c < comps; c++) {
      edgeStart[c + 1] += edgeStart[c];
    }
    System.arraycopy(edgeStart, 0, fill, 0, comps);
    for (int x = 0; x < complex; x++) {
      int e = complexEdge[x];
      edgeList[fill[compOf[edgeT[e]]]++] = e;
    }
    double g = cfg.gate();
    for (int c = 0; c < comps; c++) {
      int rows = trackStart[c + 1] - trackStart[c];
      int dets = detStart[c + 1] - detStart[c];
      for (int r = 0; r < rows; r++) {
        local[trackList[trackStart[c] + r]] = r;
      }
      for (int j = 0; j < dets; j++) {
        local[detList[detStart[c] + j]] = j;
      }
      int cols = dets + rows;
      int size = rows * cols;
      if (cost.length < size) {
        cost = new double[Math.max(size, cost.length * 2)];
      }
      if (rowToCol.length < rows) {
        rowToCol = new int[Math.max(rows, rowToCol.length * 2)];
      }
      Arrays.fill(cost, 0, size, FORBIDDEN);
      for (int r = 0; r < rows; r++) {
        cost[r * cols + dets + r] = g;
      }
      for (int k = edgeStart[c]; k < edgeStart[c + 1]; k++) {
        int e = edgeList[k];
        cost[local[edgeT[e]] * cols + local[n + edgeD[e]]] = edgeC[e];
      }
      assignment.solve(cost, rows, cols, rowToCol);
      for (int r = 0; r < rows; r++) {
        int col = rowToCol[r];
        if (col < dets && cost[r * cols + col] < FORBIDDEN) {
          update(trackList[trackStart[c] + r], s, detList[detStart[c] + col] - n, bit);
        }
      }
    }
  }

  /** Counting sort of nodeList[from, to) into lists by component, keeping node order. */
  private void bucket(int[] start, int[] list, int comps, int from, int to) {
    Arrays.fill(start, 0, comps + 1, 0);
    for (int x = from; x < to; x++) {
      start[compOf[nodeList[x]] + 1]++;
    }
    for (int c = 0; c < comps; c++) {
      start[c + 1] += start[c];
    }
    System.arraycopy(start, 0, fill, 0, comps);
    for (int x = from; x < to; x++) {
      int a = nodeList[x];
      list[fill[compOf[a]]++] = a;
    }
  }

  private void update(int k, int s, int j, int bit) {
    Detections d = pending;
    int i = s + j;
    CvKalman.update(st, 4 * k, pc, 10 * k, d.x[i], d.y[i], d.cxx[i], d.cxy[i], d.cyy[i]);
    assigned[j] = true;
    hit[k] = true;
    lastUpdate[k] = d.time[i];
    mask[k] |= bit;
    votes[k * ObjectClass.COUNT + (d.objectClass[i] & 0xff) % ObjectClass.COUNT]++;
  }

  private void birth(int i, int bit) {
    if (n == id.length) {
      growTracks(n * 2);
    }
    Detections d = pending;
    int k = n++;
    id[k] = nextId++;
    int xo = 4 * k;
    int po = 10 * k;
    st[xo] = d.x[i];
    st[xo + 1] = d.y[i];
    Arrays.fill(pc, po, po + 10, 0);
    pc[po] = d.cxx[i];
    pc[po + 1] = d.cxy[i];
    pc[po + 4] = d.cyy[i];
    if (d.hasVelocity[i]) {
      st[xo + 2] = d.vx[i];
      st[xo + 3] = d.vy[i];
      pc[po + 7] = d.vxx[i];
      pc[po + 8] = d.vxy[i];
      pc[po + 9] = d.vyy[i];
    } else {
      st[xo + 2] = 0;
      st[xo + 3] = 0;
      double v = cfg.initialSpeedSigma() * cfg.initialSpeedSigma();
      pc[po + 7] = v;
      pc[po + 9] = v;
    }
    t[k] = d.time[i];
    hist[k] = 0;
    misses[k] = 0;
    confirmed[k] = false;
    confirmedAt[k] = 0;
    lastUpdate[k] = d.time[i];
    Arrays.fill(votes, k * ObjectClass.COUNT, (k + 1) * ObjectClass.COUNT, 0);
    votes[k * ObjectClass.COUNT + (d.objectClass[i] & 0xff) % ObjectClass.COUNT] = 1;
    hit[k] = true;
    mask[k] = bit;
  }

  // ------------------------------------------------------------------------------------------ management

  private void manage(double now) {
    int w = 0;
    double maxTrace = 2 * cfg.maxPositionVariance();
    for (int k = 0; k < n; k++) {
      hist[k] = ((hist[k] << 1) | (hit[k] ? 1 : 0)) & windowMask;
      misses[k] = hit[k] ? 0 : misses[k] + 1;
      if (!confirmed[k] && Integer.bitCount(hist[k]) >= cfg.confirmHits()) {
        confirmed[k] = true;
        confirmedAt[k] = now;
      }
      boolean dead = confirmed[k] ? misses[k] >= cfg.deleteMisses() : misses[k] >= cfg.tentativeMisses();
      dead |= pc[10 * k] + pc[10 * k + 4] > maxTrace;
      if (!dead) {
        if (w != k) {
          moveTrack(k, w);
        }
        w++;
      }
    }
    n = w;
  }

  private void write(double now, FusedObjects out) {
    out.clear();
    for (int k = 0; k < n; k++) {
      boolean wasHit = hit[k];
      hit[k] = false;
      if (!confirmed[k]) {
        continue;
      }
      int o = out.next();
      out.trackId[o] = id[k];
      int best = 0;
      int total = 0;
      int vo = k * ObjectClass.COUNT;
      for (int c = 0; c < ObjectClass.COUNT; c++) {
        total += votes[vo + c];
        if (votes[vo + c] > votes[vo + best]) {
          best = c;
        }
      }
      out.objectClass[o] = (byte) best;
      out.classConfidence[o] = total == 0 ? 0 : votes[vo + best] / (double) total;
      out.time[o] = t[k];
      out.x[o] = st[4 * k];
      out.y[o] = st[4 * k + 1];
      out.vx[o] = st[4 * k + 2];
      out.vy[o] = st[4 * k + 3];
      System.arraycopy(pc, 10 * k, out.cov, 10 * o, 10);
      out.existence[o] = Integer.bitCount(hist[k]) / (double) cfg.confirmWindow();
      out.age[o] = now - confirmedAt[k];
      out.lastUpdate[o] = lastUpdate[k];
      out.sensorMask[o] = wasHit ? mask[k] : 0;
    }
    Arrays.fill(mask, 0, n, 0);
  }

  // ------------------------------------------------------------------------------------------- storage

  private void ensureScan(int m) {
    int nodes = n + m + 1;
    if (assigned.length < m) {
      int len = Math.max(m, assigned.length * 2);
      assigned = new boolean[len];
      nearTrack = new boolean[len];
      detList = new int[len];
      detCell = new int[len];
      degD = new int[len];
      sortedJ = new int[len];
      sx = new double[len];
      sy = new double[len];
      sxx = new double[len];
      sxy = new double[len];
      syy = new double[len];
      str = new double[len];
    }
    if (parent.length < nodes) {
      int len = Math.max(nodes, parent.length * 2);
      parent = new int[len];
      label = new int[len];
      compOf = new int[len];
      local = new int[len];
      inGraph = new boolean[len];
      nodeList = new int[len];
    }
    if (trackList.length < n) {
      trackList = new int[Math.max(n, trackList.length * 2)];
      degT = new int[trackList.length];
    }
  }

  private void allocateTracks(int cap) {
    id = new int[cap];
    st = new double[4 * cap];
    pc = new double[10 * cap];
    t = new double[cap];
    hist = new int[cap];
    misses = new int[cap];
    confirmed = new boolean[cap];
    confirmedAt = new double[cap];
    lastUpdate = new double[cap];
    votes = new int[ObjectClass.COUNT * cap];
    hit = new boolean[cap];
    mask = new int[cap];
    birthR2 = new double[cap];
  }

  private void growTracks(int cap) {
    id = Arrays.copyOf(id, cap);
    st = Arrays.copyOf(st, 4 * cap);
    pc = Arrays.copyOf(pc, 10 * cap);
    t = Arrays.copyOf(t, cap);
    hist = Arrays.copyOf(hist, cap);
    misses = Arrays.copyOf(misses, cap);
    confirmed = Arrays.copyOf(confirmed, cap);
    confirmedAt = Arrays.copyOf(confirmedAt, cap);
    lastUpdate = Arrays.copyOf(lastUpdate, cap);
    votes = Arrays.copyOf(votes, ObjectClass.COUNT * cap);
    hit = Arrays.copyOf(hit, cap);
    mask = Arrays.copyOf(mask, cap);
    birthR2 = new double[cap];
  }

  private void moveTrack(int from, int to) {
    id[to] = id[from];
    System.arraycopy(st, 4 * from, st, 4 * to, 4);
    System.arraycopy(pc, 10 * from, pc, 10 * to, 10);
    t[to] = t[from];
    hist[to] = hist[from];
    misses[to] = misses[from];
    confirmed[to] = confirmed[from];
    confirmedAt[to] = confirmedAt[from];
    lastUpdate[to] = lastUpdate[from];
    System.arraycopy(votes, ObjectClass.COUNT * from, votes, ObjectClass.COUNT * to, ObjectClass.COUNT);
    hit[to] = hit[from];
    mask[to] = mask[from];
  }
}
