package io.v2xsim.core.metrics.safety;

import io.v2xsim.core.collections.LongIntMap;
import io.v2xsim.core.sensing.ObjectClass;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The open encounters of one kind of conflict, keyed by the unordered pair of road users. An encounter
 * keeps its smallest value and where it happened; it closes into a {@link ConflictRecord} once the pair has
 * gone a gap without another observation below the threshold. Few encounters are open at once, so they live
 * in small parallel arrays that grow and are reused; only a closing encounter allocates (its record).
 */
final class Episodes {
  private final ConflictKind kind;
  private final LongIntMap index = new LongIntMap();
  private int count;
  private long[] key = new long[16];
  private double[] start = new double[16];
  private double[] lastSeen = new double[16];
  private double[] min = new double[16];
  private double[] x = new double[16];
  private double[] y = new double[16];
  private int[] firstId = new int[16];
  private int[] secondId = new int[16];
  private byte[] firstClass = new byte[16];
  private byte[] secondClass = new byte[16];
  private String[] firstName = new String[16];
  private String[] secondName = new String[16];

  Episodes(ConflictKind kind) {
    this.kind = kind;
  }

  static long pairKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  /** One observation below the threshold; {@code a} and {@code b} keep the order of the first one. */
  void observe(double time, double value, double px, double py, int a, byte ca, int b, byte cb,
      IntFunction<String> names) {
    long k = pairKey(a, b);
    int e = index.get(k);
    if (e < 0) {
      if (count == key.length) {
        grow();
      }
      e = count++;
      index.put(k, e);
      key[e] = k;
      start[e] = time;
      min[e] = Double.POSITIVE_INFINITY;
      firstId[e] = a;
      secondId[e] = b;
      firstClass[e] = ca;
      secondClass[e] = cb;
      // Resolved now: an actor that has left the road by the time the encounter closes has no name.
      firstName[e] = names.apply(a);
      secondName[e] = names.apply(b);
    }
    lastSeen[e] = time;
    if (value < min[e]) {
      min[e] = value;
      x[e] = px;
      y[e] = py;
    }
  }

  /** Closes encounters last observed before {@code before}. */
  void closeBefore(double before, List<ConflictRecord> out) {
    for (int e = count - 1; e >= 0; e--) {
      if (lastSeen[e] < before) {
        close(e, out);
      }
    }
  }

  void closeAll(List<ConflictRecord> out) {
    closeBefore(Double.POSITIVE_INFINITY, out);
  }

  private void close(int e, List<ConflictRecord> out) {
    out.add(new ConflictRecord(kind, start[e], x[e], y[e], firstId[e], secondId[e], firstName[e],
        secondName[e], ObjectClass.name(firstClass[e]), ObjectClass.name(secondClass[e]), min[e]));
    index.remove(key[e]);
    int last = --count;
    if (e != last) {
      move(last, e);
      index.put(key[e], e);
    }
    firstName[last] = null;
    secondName[last] = null;
  }

  private void move(int from, int to) {
    key[to] = key[from];
    start[to] = start[from];
    lastSeen[to] = lastSeen[from];
    min[to] = min[from];
    x[to] = x[from];
    y[to] = y[from];
    firstId[to] = firstId[from];
    secondId[to] = secondId[from];
    firstClass[to] = firstClass[from];
    secondClass[to] = secondClass[from];
    firstName[to] = firstName[from];
    secondName[to] = secondName[from];
  }

  private void grow() {
    int n = key.length * 2;
    key = Arrays.copyOf(key, n);
    start = Arrays.copyOf(start, n);
    lastSeen = Arrays.copyOf(lastSeen, n);
    min = Arrays.copyOf(min, n);
    x = Arrays.copyOf(x, n);
    y = Arrays.copyOf(y, n);
    firstId = Arrays.copyOf(firstId, n);
    secondId = Arrays.copyOf(secondId, n);
    firstClass = Arrays.copyOf(firstClass, n);
    secondClass = Arrays.copyOf(secondClass, n);
    firstName = Arrays.copyOf(firstName, n);
    secondName = Arrays.copyOf(secondName, n);
  }
}
