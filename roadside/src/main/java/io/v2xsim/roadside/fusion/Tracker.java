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
  private int[] mask;

  // Queued detections and the scans (runs of one sensor and time) found in them.
  private final Detections pending = new Detections(256);
  private int scanCount;
  private int[] scanStart = new int[16];
  private int[] scanEnd = new int[16];
  private int[] scanOrder = new int[16];

  // Association scratch, sized to the largest scan and track count seen.
  private int[] gridHead = new int[64];
  private int[] gridNext = new int[64];
  private int[] detStamp = new int[64];
  private int stamp;
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
    pending.appendAll(scans);
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
      assign(s, m);
    }
    int bit = 1 << (d.sensorId[s] & 31);
    for (int j = 0; j < m; j++) {
      if (!assigned[j] && !nearTrack[j]) {
        birth(s + j, bit);
      }
    }
  }

  private void gate(int s, int m) {
    Detections d = pending;
    int hmask = gridHead.length - 1;
    Arrays.fill(gridHead, -1);
    double maxTraceR = 0;
    for (int j = 0; j < m; j++) {
      int h = hash(cell(d.x[s + j]), cell(d.y[s + j])) & hmask;
      gridNext[j] = gridHead[h];
      gridHead[h] = j;
      maxTraceR = Math.max(maxTraceR, d.cxx[s + j] + d.cyy[s + j]);
    }
    edgeCount = 0;
    double g = cfg.birthGate(); // search wide enough for birth suppression, which is the wider gate
    for (int k = 0; k < n; k++) {
      int po = 10 * k;
      double a = pc[po];
      double b = pc[po + 1];
      double c = pc[po + 4];
      double half = 0.5 * (a - c);
      double lambda = 0.5 * (a + c) + Math.sqrt(half * half + b * b); // largest eigenvalue of P_pos
      // Every gated detection lies within this radius: d^2 <= gate implies |z - x|^2 <= gate * lambda_max(S),
      // and lambda_max(P + R) <= lambda_max(P) + trace(R).
      double r = Math.sqrt(g * (lambda + maxTraceR));
      double tx = st[4 * k];
      double ty = st[4 * k + 1];
      int gx0 = cell(tx - r);
      int gx1 = cell(tx + r);
      int gy0 = cell(ty - r);
      int gy1 = cell(ty + r);
      if ((long) (gx1 - gx0 + 1) * (gy1 - gy0 + 1) >= m) {
        for (int j = 0; j < m; j++) {
          tryPair(k, j, s);
        }
        continue;
      }
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(detStamp, 0);
        stamp = 1;
      }
      for (int gx = gx0; gx <= gx1; gx++) {
        for (int gy = gy0; gy <= gy1; gy++) {
          for (int j = gridHead[hash(gx, gy) & hmask]; j >= 0; j = gridNext[j]) {
            if (detStamp[j] != stamp) {
              detStamp[j] = stamp;
              tryPair(k, j, s);
            }
          }
        }
      }
    }
  }

  private void tryPair(int k, int j, int s) {
    Detections d = pending;
    int i = s + j;
    double d2 = CvKalman.mahalanobis2(st, 4 * k, pc, 10 * k, d.x[i], d.y[i], d.cxx[i], d.cxy[i], d.cyy[i]);
    if (d2 <= cfg.birthGate()) {
      nearTrack[j] = true;
    }
    if (d2 <= cfg.gate()) {
      if (edgeCount == edgeT.length) {
        int len = edgeCount * 2;
        edgeT = Arrays.copyOf(edgeT, len);
        edgeD = Arrays.copyOf(edgeD, len);
        edgeC = Arrays.copyOf(edgeC, len);
        edgeList = Arrays.copyOf(edgeList, len);
      }
      edgeT[edgeCount] = k;
      edgeD[edgeCount] = j;
      edgeC[edgeCount] = d2;
      edgeCount++;
    }
  }

  private static int cell(double c) {
    return (int) Math.floor(c / CELL);
  }

  private static int hash(int cx, int cy) {
    int h = cx * 73856093 ^ cy * 19349663;
    return h ^ (h >>> 16);
  }

  private int find(int a) {
    while (parent[a] != a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  }

  /** Clusters the gated graph (tracks 0..n-1, detections n..n+m-1) and solves each cluster. */
  private void assign(int s, int m) {
    if (edgeCount == 0) {
      return;
    }
    int nodes = n + m;
    for (int a = 0; a < nodes; a++) {
      parent[a] = a;
      label[a] = -1;
    }
    for (int k = 0; k < edgeCount; k++) {
      int ra = find(edgeT[k]);
      int rb = find(n + edgeD[k]);
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
    for (int a = 0; a < nodes; a++) {
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
    bucket(trackStart, trackList, comps, 0, n);
    bucket(detStart, detList, comps, n, m);
    // Edges by the component of their track.
    Arrays.fill(edgeStart, 0, comps + 1, 0);
    for (int k = 0; k < edgeCount; k++) {
      edgeStart[compOf[edgeT[k]] + 1]++;
    }
    for (int c = 0; c < comps; c++) {
      edgeStart[c + 1] += edgeStart[c];
    }
    System.arraycopy(edgeStart, 0, fill, 0, comps);
    for (int k = 0; k < edgeCount; k++) {
      edgeList[fill[compOf[edgeT[k]]]++] = k;
    }
    Detections d = pending;
    int bit = 1 << (d.sensorId[s] & 31);
    double g = cfg.gate();
    for (int c = 0; c < comps; c++) {
      int rows = trackStart[c + 1] - trackStart[c];
      int dets = detStart[c + 1] - detStart[c];
      if (rows == 0 || dets == 0) {
        continue;
      }
      if (rows == 1 && dets == 1) {
        update(trackList[trackStart[c]], s, detList[detStart[c]] - n, bit); // the single edge is gated
        continue;
      }
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

  /** Counting sort of nodes [from, from + count) into lists by component, keeping node order. */
  private void bucket(int[] start, int[] list, int comps, int from, int count) {
    Arrays.fill(start, 0, comps + 1, 0);
    for (int a = from; a < from + count; a++) {
      start[compOf[a] + 1]++;
    }
    for (int c = 0; c < comps; c++) {
      start[c + 1] += start[c];
    }
    System.arraycopy(start, 0, fill, 0, comps);
    for (int a = from; a < from + count; a++) {
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
      gridNext = new int[len];
      detStamp = new int[len];
      detList = new int[len];
      gridHead = new int[Integer.highestOneBit(Math.max(16, 2 * len - 1)) << 1];
    }
    if (parent.length < nodes) {
      int len = Math.max(nodes, parent.length * 2);
      parent = new int[len];
      label = new int[len];
      compOf = new int[len];
      local = new int[len];
    }
    if (trackList.length < n) {
      trackList = new int[Math.max(n, trackList.length * 2)];
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
