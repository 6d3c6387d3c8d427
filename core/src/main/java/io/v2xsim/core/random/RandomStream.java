package io.v2xsim.core.random;

/**
 * A seeded pseudo-random stream (xoshiro256**, Blackman and Vigna 2018), one per concern of a run.
 *
 * <p>Why not {@code java.util.Random} or {@code SplittableRandom}: results must be byte-identical on every JVM
 * and every future version, so the generator is spelled out here. Streams are derived from the run seed and a
 * stable name ({@link #derive}), so adding a new concern never shifts the numbers of existing ones, and arms
 * of an experiment share demand draws (common random numbers). Not thread-safe: one stream per user.
 */
public final class RandomStream {
  private long s0;
  private long s1;
  private long s2;
  private long s3;
  private double spareGaussian = Double.NaN;

  private RandomStream(long seed) {
    seed(seed);
  }

  private void seed(long seed) {
    spareGaussian = Double.NaN;
    long z = seed;
    s0 = splitMix(z += 0x9E3779B97F4A7C15L);
    s1 = splitMix(z += 0x9E3779B97F4A7C15L);
    s2 = splitMix(z += 0x9E3779B97F4A7C15L);
    s3 = splitMix(z + 0x9E3779B97F4A7C15L);
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;

  /** The stream named {@code name} of the run with seed {@code runSeed}. */
  public static RandomStream derive(long runSeed, String name) {
    return new RandomStream(splitMix(runSeed) ^ fnv(FNV_OFFSET, name)); // FNV-1a: stable across JVMs
  }

  /**
   * Makes this stream the one {@link #derive} gives for the name {@code prefix + name + "/" + index}, without
   * building that string: for objects reused across road users, whose streams are named after them.
   */
  public void reset(long runSeed, String prefix, String name, int index) {
    long h = fnv(fnv(fnv(FNV_OFFSET, prefix), name), "/");
    if (index < 0) {
      throw new IllegalArgumentException("index " + index);
    }
    // The decimal digits of index, most significant first, as Integer.toString writes them.
    int div = 1;
    while (index / div >= 10) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      h ^= '0' + (index / div) % 10;
      h *= 0x100000001b3L;
    }
    seed(splitMix(runSeed) ^ h);
  }

  /** FNV-1a over the UTF-16 code units of {@code s}, continuing from {@code h}. */
  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    return (int) ((nextLong() >>> 33) * bound >>> 31);
  }

  /** Exponential with the given mean. */
  public double nextExponential(double mean) {
    return -mean * Math.log(1.0 - nextDouble());
  }

  /** Standard normal (Marsaglia polar method). */
  public double nextGaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double g = spareGaussian;
      spareGaussian = Double.NaN;
      return g;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * m;
    return u * m;
  }
}
