package io.v2xsim.bench.fusion;

import java.util.Locale;

/**
 * The fusion benchmark's scene stepped in a plain loop, one line per second of steps: for a profiler attached
 * outside JMH (JFR with {@code -XX:+DebugNonSafepoints} for line-level samples), and for timing two builds of the
 * tracker alternately on the same machine, which a noisy VM needs before a small difference means anything.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.v2xsim.bench.fusion.FusionProbe [OBJECTS] [SECONDS]   (200 10)
 * </pre>
 */
public final class FusionProbe {
  private FusionProbe() {}

  public static void main(String[] args) {
    FusionBenchmark b = new FusionBenchmark();
    b.objects = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    b.impl = "ours";
    b.setUp();
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long sink = 0;
    for (int r = 0; r < seconds; r++) {
      long t0 = System.nanoTime();
      int n = 0;
      while (System.nanoTime() - t0 < 1_000_000_000L) {
        sink += b.fuse();
        n++;
      }
      System.out.printf(Locale.ROOT, "%.1f us/step%n", (System.nanoTime() - t0) / 1e3 / n);
    }
    if (sink == 42) {
      System.out.println(); // keeps the result live
    }
  }
}
