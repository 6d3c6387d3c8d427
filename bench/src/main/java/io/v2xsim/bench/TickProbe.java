package io.v2xsim.bench;

import io.v2xsim.core.engine.Engine;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where a tick's allocation comes from, tick by tick, which JMH's per-iteration average cannot show: runs a
 * catalog scene (traffic alone, as {@code TickBenchmark}) past its warm-up and reports, per round of ticks, the
 * bytes the tick thread allocated per tick, how many ticks allocated at all and the largest single tick.
 *
 * <pre>
 * java -Dv2xsim.catalog=scenarios/catalog -cp bench/target/benchmarks.jar io.v2xsim.bench.TickProbe \
 *     [SCENE] [ROUNDS] [TICKS_PER_ROUND]      (defaults: traffic-10x10 8 3000)
 * </pre>
 */
public final class TickProbe {
  private TickProbe() {}

  public static void main(String[] args) {
    String scene = args.length > 0 ? args[0] : "traffic-10x10";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int ticks = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    Engine e = CatalogScenes.warmedUp(CatalogScenes.load(scene, 200_000));
    e.measureSafety(false);
    Allocation a = new Allocation();
    for (int round = 0; round < rounds; round++) {
      long total = 0;
      long worst = 0;
      long worstTick = -1;
      int allocating = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < ticks; i++) {
        long before = a.bytes();
        e.step();
        long d = a.bytes() - before;
        total += d;
        if (d > 0) {
          allocating++;
          if (d > worst) {
            worst = d;
            worstTick = e.tick();
          }
        }
      }
      System.out.printf(Locale.ROOT,
          "t=%.0f s: %.1f B/tick, %d of %d ticks allocated, largest %d B at tick %d, %.0f us/tick, %d vehicles%n",
          e.time(), total / (double) ticks, allocating, ticks, worst, worstTick,
          (System.nanoTime() - t0) / 1e3 / ticks, e.vehicleCount());
    }
  }

  /** Bytes allocated so far by the calling thread (HotSpot's per-thread counter). */
  public static final class Allocation {
    private final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long thread = Thread.currentThread().getId();

    public long bytes() {
      return mx.getThreadAllocatedBytes(thread);
    }
  }
}
