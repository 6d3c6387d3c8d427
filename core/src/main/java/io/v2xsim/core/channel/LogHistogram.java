package io.v2xsim.core.channel;

/**
 * A fixed-bucket log-linear histogram of non-negative longs (wall-clock nanoseconds of the transport path):
 * each power of two is split into 16 linear sub-buckets, so a percentile is within 6.25% of the true value.
 * Fixed size (about 8 KiB), no allocation when recording.
 *
 * <p>Single writer: record from one thread; read from another only after a happens-before edge (the
 * transport's quiescence wait provides one). Wall-clock figures it holds never feed the model.
 */
public final class LogHistogram {
  private static final int SUB_BITS = 4;
  private static final int SUB = 1 << SUB_BITS;
  private final long[] counts = new long[64 * SUB];
  private long count;
  private long min = Long.MAX_VALUE;
  private long max;
  private double sum;

  public void record(long value) {
    long v = Math.max(0, value);
    counts[index(v)]++;
    count++;
    sum += v;
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
  }

  /** Adds every value of {@code other} to this histogram. */
  public void add(LogHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    count += other.count;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  public void reset() {
    java.util.Arrays.fill(counts, 0);
    count = 0;
    sum = 0;
    min = Long.MAX_VALUE;
    max = 0;
  }

  public long count() {
    return count;
  }

  public long max() {
    return max;
  }

  public long min() {
    return count == 0 ? 0 : min;
  }

  public double mean() {
    return count == 0 ? 0 : sum / count;
  }

  /** The value at quantile {@code q} in [0, 1]: the midpoint of its bucket, clamped to [min, max]. */
  public long percentile(double q) {
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        long lo = lowerBound(i);
        long hi = lowerBound(i + 1) - 1;
        long mid = lo + (hi - lo) / 2;
        return Math.max(min, Math.min(max, mid));
      }
    }
    return max;
  }

  /** {@code "n=.. p50=..us p99=..us max=..us"}, microseconds. */
  public String summaryMicros() {
    return String.format(
        java.util.Locale.ROOT, "n=%d p50=%.1fus p99=%.1fus max=%.1fus",
        count, percentile(0.5) / 1e3, percentile(0.99) / 1e3, max / 1e3);
  }

  static int index(long v) {
    if (v < SUB) {
      return (int) v;
    }
    int e = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
    int sub = (int) (v >>> (e - SUB_BITS)) & (SUB - 1);
    return (e - SUB_BITS + 1) * SUB + sub;
  }

  static long lowerBound(int index) {
    if (index < SUB) {
      return index;
    }
    int e = index / SUB + SUB_BITS - 1;
    int sub = index % SUB;
    if (e >= 63) {
      return Long.MAX_VALUE;
    }
    return (1L << e) + ((long) sub << (e - SUB_BITS));
  }
}
