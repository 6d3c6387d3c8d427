package io.v2xsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/**
 * The CI gate: the steady-state fusion step ({@code FusionBenchmark}, ours) and the traffic tick
 * ({@code TickBenchmark}: the catalog's traffic-10x10 after its 15-minute fill) must not allocate; the full
 * cooperative tick of the 1,000-vehicle city ({@code CityTickBenchmark}, pipeline=full) must stay within a small
 * budget ({@link #CITY_TICK_BUDGET_BYTES}; what remains is inside Netty, see BENCHMARKS.md). Allocation per
 * operation is stable from run to run, unlike time, so the gate never looks at time except to size the noise
 * allowance.
 *
 * <p><b>Threshold.</b> {@code gc.alloc.rate.norm} divides the allocation of all threads of the forked JVM by the
 * operations done. JMH's own threads allocate a little while an iteration runs; on allocation-free code this shows
 * as a steady background of about 6 KB/s (measured: 0.006 MB/s, i.e. 0.29 B/op at 50 us/op, 1.1 B/op at 190 us/op
 * and 4.2 B/op at 730 us/op for the fusion step). The gate therefore allows {@code 8 B + 0.02 B per microsecond of
 * operation} (20 KB/s, three times the background): far below one object per tracked object or per vehicle (a
 * 1,000-object fusion step that allocated one 16-byte object per object would show 16,000 B/op), yet not tripped by
 * JMH's background.
 */
final class AllocationGate {
  static final double FIXED_BYTES = 8;
  static final double BYTES_PER_MICROSECOND = 0.02;

  record Verdict(boolean passed, String report) {}

  private AllocationGate() {}

  /**
   * Budget for one tick of the 1,000-vehicle city's full cooperative pipeline, bytes. Not zero: Netty queues one
   * node per message inside its local channel (one message per frame and endpoint, about 40 frames a tick), and a
   * city still filling grows arrays to new peaks. Measured: 2-4 KB per tick. One 16-byte object per vehicle or
   * per fused object would add 16 KB or more, well above the budget.
   */
  static final double CITY_TICK_BUDGET_BYTES = 8192;

  static boolean gated(Report.Row r) {
    return (r.bench().equals("FusionBenchmark.fuse") && r.param("impl").equals("ours"))
        || r.bench().startsWith("TickBenchmark.") || onBudget(r);
  }

  /** Whether the row is gated on {@link #CITY_TICK_BUDGET_BYTES} rather than on zero. */
  static boolean onBudget(Report.Row r) {
    return r.bench().startsWith("CityTickBenchmark.") && r.param("pipeline").equals("full")
        && r.param("vehicles").equals("1000");
  }

  /** What the gate allows the row. */
  static double limit(Report.Row r) {
    return onBudget(r) ? CITY_TICK_BUDGET_BYTES : zeroLimit(r);
  }

  /** The most that still counts as allocating nothing: JMH's background plus the noise allowance. */
  static double zeroLimit(Report.Row r) {
    return FIXED_BYTES + BYTES_PER_MICROSECOND * r.micros();
  }

  /** Whether the row allocates nothing in steady state (median over iterations within {@link #zeroLimit}). */
  static boolean allocationFree(Report.Row r) {
    return r.allocMedian() <= zeroLimit(r);
  }

  /**
   * Judged on the median over measurement iterations ({@link Report#medianAllocation}): steady-state allocation is
   * in every iteration, while a rare event (a vehicle rerouting, an array growing to a new peak occupancy) lands in
   * one iteration or another depending on how fast the machine ran, which made a mean-based gate flaky.
   */
  static boolean allocates(Report.Row r) {
    return !(r.allocMedian() <= limit(r)); // NaN (no -prof gc) fails too
  }

  static Verdict check(List<RunResult> results) {
    List<Report.Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      rows.add(Report.row(r));
    }
    return checkRows(rows);
  }

  static Verdict checkRows(List<Report.Row> rows) {
    StringBuilder b = new StringBuilder("allocation gate (median over iterations; limit 8 B + 0.02 B/us of operation, city tick a budget):\n");
    boolean ok = true;
    int checked = 0;
    for (Report.Row r : rows) {
      if (!gated(r)) {
        continue;
      }
      checked++;
      boolean bad = allocates(r);
      ok &= !bad;
      b.append(String.format(Locale.ROOT, "  %s %-50s median %8.2f B/op, mean %8.2f (limit %.1f)%n",
          bad ? "FAIL" : "ok  ", r.bench() + " " + r.shownParams(), r.allocMedian(), r.allocNorm(), limit(r)));
    }
    if (checked == 0) {
      b.append("  FAIL nothing to check: the fusion and tick benchmarks did not run\n");
      ok = false;
    }
    b.append(ok ? "allocation gate: passed\n" : "allocation gate: FAILED\n");
    return new Verdict(ok, b.toString());
  }
}
