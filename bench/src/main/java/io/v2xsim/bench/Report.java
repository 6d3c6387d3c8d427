package io.v2xsim.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The markdown summary of a suite run: one table per benchmark class with time per operation, allocation per
 * operation and the ratio to the baseline measured in the same run; percentiles and frames per second for the
 * transport; and the targets, each with the figure that decides it.
 *
 * <p>A baseline is the row that differs from ours only in {@code impl} (any value but {@code ours}) or, for the
 * city tick, in {@code pipeline=traffic} (the engine alone, so the ratio is what cooperation costs).
 */
final class Report {
  private Report() {}

  /** One result, reduced to what the tables need. */
  record Row(String bench, Map<String, String> params, String mode, double score, double error, String unit,
      double allocNorm, double allocMedian, double p50, double p99, double p999) {

    double micros() {
      return toMicros(score, unit);
    }

    String param(String k) {
      return params.getOrDefault(k, "");
    }

    /** Params other than the one that picks ours or the baseline. */
    String key() {
      Map<String, String> m = new LinkedHashMap<>(params);
      m.remove("impl");
      m.remove("pipeline");
      return bench + m;
    }

    String shownParams() {
      StringBuilder b = new StringBuilder();
      params.forEach((k, v) -> {
        if (!k.equals("warmup")) {
          b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v);
        }
      });
      return b.toString();
    }
  }

  static Row row(RunResult r) {
    BenchmarkParams p = r.getParams();
    Map<String, String> params = new LinkedHashMap<>();
    for (String k : p.getParamsKeys()) {
      params.put(k, p.getParam(k));
    }
    String bench = p.getBenchmark();
    String[] parts = bench.split("\\.");
    bench = parts[parts.length - 2] + "." + parts[parts.length - 1];
    Result<?> primary = r.getPrimaryResult();
    Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
    boolean sample = p.getMode().shortLabel().equals("sample");
    var stats = primary.getStatistics();
    return new Row(bench, params, p.getMode().shortLabel(), primary.getScore(), primary.getScoreError(),
        primary.getScoreUnit(), alloc == null ? Double.NaN : alloc.getScore(), medianAllocation(r),
        sample ? stats.getPercentile(50) : Double.NaN, sample ? stats.getPercentile(99) : Double.NaN,
        sample ? stats.getPercentile(99.9) : Double.NaN);
  }

  /**
   * The median over measurement iterations of {@code gc.alloc.rate.norm}. Allocation that happens every operation
   * shows in every iteration; a one-off (an array growing to a new peak) shows in one, and the median ignores it.
   */
  static double medianAllocation(RunResult r) {
    List<Double> perIteration = new ArrayList<>();
    for (var br : r.getBenchmarkResults()) {
      for (var ir : br.getIterationResults()) {
        Result<?> a = ir.getSecondaryResults().get("gc.alloc.rate.norm");
        if (a != null) {
          perIteration.add(a.getScore());
        }
      }
    }
    if (perIteration.isEmpty()) {
      return Double.NaN;
    }
    perIteration.sort(null);
    int n = perIteration.size();
    return n % 2 == 1 ? perIteration.get(n / 2) : (perIteration.get(n / 2 - 1) + perIteration.get(n / 2)) / 2;
  }

  static double toMicros(double v, String unit) {
    return switch (unit) {
      case "ns/op" -> v / 1e3;
      case "us/op" -> v;
      case "ms/op" -> v * 1e3;
      case "s/op" -> v * 1e6;
      default -> Double.NaN;
    };
  }

  static Row baselineOf(Row ours, List<Row> rows) {
    for (Row r : rows) {
      boolean isBase = (!r.param("impl").isEmpty() && !r.param("impl").equals("ours"))
          || r.param("pipeline").equals("traffic");
      if (isBase && r.key().equals(ours.key()) && r.mode().equals(ours.mode())) {
        return r;
      }
    }
    return null;
  }

  static boolean isOurs(Row r) {
    return r.param("impl").equals("ours") || r.param("pipeline").equals("full");
  }

  static String markdown(List<RunResult> results, String mode, String machine) {
    List<Row> rows = new ArrayList<>();
    for (RunResult r : results) {
      rows.add(row(r));
    }
    StringBuilder b = new StringBuilder();
    b.append("# v2xsim benchmark summary (").append(mode).append(" mode)\n\n");
    b.append("Machine: ").append(machine).append(".\n");
    b.append("Every ratio compares two rows of this same run. Times are averages (SampleTime: mean of samples);\n");
    b.append("allocation is `gc.alloc.rate.norm` from `-prof gc` (bytes per operation, all threads).\n\n");
    targets(b, rows);
    String current = null;
    for (Row r : rows) {
      String cls = r.bench().substring(0, r.bench().indexOf('.'));
      if (!cls.equals(current)) {
        current = cls;
        b.append("\n## ").append(cls).append("\n\n");
        if (cls.equals("TransportBenchmark")) {
          b.append("| params | mean | p50 | p99 | p99.9 | frames/s | alloc B/op |\n");
          b.append("|---|---:|---:|---:|---:|---:|---:|\n");
        } else {
          b.append("| params | time/op | error | alloc B/op | ratio |\n");
          b.append("|---|---:|---:|---:|---|\n");
        }
      }
      if (cls.equals("TransportBenchmark")) {
        double receivers = Double.parseDouble(r.param("receivers").isEmpty() ? "1" : r.param("receivers"));
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |\n", r.shownParams(),
            time(r.micros()), time(toMicros(r.p50(), r.unit())), time(toMicros(r.p99(), r.unit())),
            time(toMicros(r.p999(), r.unit())), num(receivers * 1e6 / r.micros()), bytes(r.allocNorm())));
        continue;
      }
      String ratio = "";
      if (isOurs(r)) {
        Row base = baselineOf(r, rows);
        if (base != null) {
          double x = base.micros() / r.micros();
          ratio = r.param("pipeline").equals("full")
              ? String.format(Locale.ROOT, "%.2fx the traffic-only tick", 1 / x)
              : String.format(Locale.ROOT, "**%s faster** than %s", factor(x), base.param("impl"));
        }
      }
      String err = Double.isNaN(r.error()) ? "" : "±" + time(toMicros(r.error(), r.unit()));
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |\n", r.shownParams(), time(r.micros()), err,
          bytes(r.allocNorm()), ratio));
    }
    return b.toString();
  }

  private static void targets(StringBuilder b, List<Row> rows) {
    Row f200 = find(rows, "FusionBenchmark.fuse", "objects", "200", "ours");
    Row f1000 = find(rows, "FusionBenchmark.fuse", "objects", "1000", "ours");
    Row f50 = find(rows, "FusionBenchmark.fuse", "objects", "50", "ours");
    if (f200 == null && f1000 == null) {
      return;
    }
    b.append("## Targets\n\n| target | figure | met |\n|---|---|---|\n");
    if (f200 != null) {
      Row base = baselineOf(f200, rows);
      if (base != null) {
        double x = base.micros() / f200.micros();
        b.append(String.format(Locale.ROOT, "| fusion step, 200 objects x 4 sensors, >= 20x the library pipeline "
            + "| %s faster (%s vs %s) | %s |\n", factor(x), time(f200.micros()), time(base.micros()), yes(x >= 20)));
      }
      b.append(String.format(Locale.ROOT, "| fusion step, 200 objects, < 100 us | %s | %s |\n",
          time(f200.micros()), yes(f200.micros() < 100)));
    }
    if (f1000 != null) {
      b.append(String.format(Locale.ROOT, "| fusion step, 1,000 objects, < 2 ms | %s | %s |\n",
          time(f1000.micros()), yes(f1000.micros() < 2000)));
    }
    for (Row r : rows) {
      if (r.bench().equals("FusionBenchmark.fuse") && isOurs(r)) {
        b.append(String.format(Locale.ROOT, "| zero allocation per fusion step (%s) | %s B/op (median of iterations %s) | %s |\n",
            r.shownParams(), bytes(r.allocNorm()), bytes(r.allocMedian()), yes(!AllocationGate.allocates(r))));
      }
      if (r.bench().startsWith("CityTickBenchmark") || r.bench().startsWith("TickBenchmark")) {
        // Zero is the target for every tick; the city's cooperative tick is gated on a budget (see AllocationGate).
        String gate = AllocationGate.onBudget(r) ? ", CI-gated at " + bytes(AllocationGate.limit(r)) + " B"
            : AllocationGate.gated(r) ? ", CI-gated" : ", reported only";
        String met = yes(AllocationGate.allocationFree(r))
            + (AllocationGate.onBudget(r) ? " (within the CI budget: " + yes(!AllocationGate.allocates(r)) + ")" : "");
        b.append(String.format(Locale.ROOT, "| zero allocation per tick (%s %s)%s | %s B/op (median of iterations %s) | %s |\n",
            r.bench(), r.shownParams(), gate, bytes(r.allocNorm()), bytes(r.allocMedian()), met));
      }
    }
    if (f50 != null) {
      // A junction RSU sees tens of road users: 50 is a busy one. 100 RSUs x 10 Hz = 1,000 steps per second.
      double share = 100 * 10 * f50.micros() / 1e6;
      b.append(String.format(Locale.ROOT, "| 100 RSUs at 10 Hz on one core (50 objects each: 1,000 steps/s x %s) "
          + "| %.0f%% of one core | %s |\n", time(f50.micros()), share * 100, yes(share < 1)));
    }
    b.append('\n');
  }

  static Row find(List<Row> rows, String bench, String key, String value, String impl) {
    for (Row r : rows) {
      if (r.bench().equals(bench) && r.param(key).equals(value) && r.param("impl").equals(impl)) {
        return r;
      }
    }
    return null;
  }

  private static String yes(boolean b) {
    return b ? "yes" : "**no**";
  }

  static String time(double us) {
    if (Double.isNaN(us)) {
      return "-";
    }
    if (us >= 1e6) {
      return String.format(Locale.ROOT, "%.2f s", us / 1e6);
    }
    if (us >= 1e3) {
      return String.format(Locale.ROOT, "%.2f ms", us / 1e3);
    }
    if (us >= 1) {
      return String.format(Locale.ROOT, "%.1f us", us);
    }
    return String.format(Locale.ROOT, "%.0f ns", us * 1e3);
  }

  private static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "-";
    }
    return b >= 100 ? String.format(Locale.ROOT, "%.0f", b) : String.format(Locale.ROOT, "%.2f", b);
  }

  private static String factor(double x) {
    return x >= 100 ? String.format(Locale.ROOT, "%.0fx", x) : String.format(Locale.ROOT, "%.1fx", x);
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%,.0f", x);
  }
}
