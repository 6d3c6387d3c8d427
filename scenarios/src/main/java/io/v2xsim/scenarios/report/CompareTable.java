package io.v2xsim.scenarios.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code v2xsim compare} prints: a row per signal strategy with the measures planners compare
 * strategies on (mean and 95% interval over seeds), then a row per later strategy with its paired shift from
 * the first (Hodges-Lehmann estimate, the interval and p-value of the same Wilcoxon signed-rank test). The
 * full metric set stays in summary.json and comparison.csv, and is printed with {@code --all-metrics}.
 */
public final class CompareTable {
  /** Metric, column title; in table order. Metrics no strategy reports (no emergency vehicles) are left out. */
  static final List<String[]> COLUMNS = List.of(
      new String[] {"avgTravelTime", "travel time"},
      new String[] {"avgTravelTimeCityFlow", "travel time (CityFlow)"},
      new String[] {"avgTimeLoss", "delay"},
      new String[] {"avgStops", "stops"},
      new String[] {"meanQueue", "queue"},
      new String[] {"throughput", "throughput"},
      new String[] {"tripsCompleted", "completed"},
      new String[] {"emergencyTravelTime", "emergency response"},
      new String[] {"redLightViolations", "red-light conflicts"});

  private CompareTable() {}

  /** The metrics of {@link #COLUMNS} that at least one strategy reports with a value. */
  static List<String[]> columns(ArmsSummary s) {
    List<String[]> shown = new ArrayList<>();
    for (String[] column : COLUMNS) {
      for (ArmsSummary.ArmSummary arm : s.arms()) {
        MetricSummary m = find(arm.summary(), column[0]);
        if (m != null && m.stats().n() > 0) {
          shown.add(column);
          break;
        }
      }
    }
    return shown;
  }

  public static String render(ArmsSummary s) {
    StringBuilder out = new StringBuilder();
    int seeds = s.seeds().size();
    out.append(s.scenario()).append(": ").append(s.arms().size()).append(" strategies, ")
        .append(SeedRanges.describe(s.seeds())).append(", ")
        .append(Decimals.compact(s.duration(), 3)).append(" s each, warm-up ")
        .append(Decimals.compact(s.warmup(), 3)).append(" s\n\n");
    List<String[]> columns = columns(s);
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("strategy"));
    for (String[] c : columns) {
      header.add(c[1] + " (" + unit(s, c[0]) + ")");
    }
    rows.add(header.toArray(new String[0]));
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      List<String> row = new ArrayList<>(List.of(arm.name()));
      for (String[] c : columns) {
        MetricSummary m = find(arm.summary(), c[0]);
        row.add(m == null ? "n/a" : meanAndInterval(m.stats()));
      }
      rows.add(row.toArray(new String[0]));
    }
    appendAligned(out, rows);

    if (s.arms().size() > 1) {
      out.append("\nPaired difference from ").append(s.baselineArm())
          .append(" (Hodges-Lehmann shift, 95% interval and p of the Wilcoxon signed-rank test):\n\n");
      rows.clear();
      rows.add(header.toArray(new String[0]));
      for (ArmsSummary.ArmSummary arm : s.arms().subList(1, s.arms().size())) {
        List<String> row = new ArrayList<>(List.of(arm.name() + " - " + s.baselineArm()));
        for (String[] c : columns) {
          PairedDifference d = difference(s, arm.name(), c[0]);
          row.add(d == null || d.difference().n() == 0 ? "n/a" : ArmsTable.shift(d).replace('\u0000', ' ')
              + " p=" + p(d.pWilcoxon()));
        }
        rows.add(row.toArray(new String[0]));
      }
      appendAligned(out, rows);
      out.append('\n').append(ArmsTable.MARK).append(" p < ").append(Decimals.compact(Comparisons.SIGNIFICANCE, 3))
          .append(" (0 outside the interval), ").append(ArmsTable.HOLM_MARK)
          .append(" also after Holm's correction over every metric of the strategy (comparison.csv);\n")
          .append("negative is better for times, stops, queues and conflicts, positive for throughput\n");
    }
    if (seeds == 1) {
      out.append("n=1: a single seed gives no confidence interval or test; run more with --seeds N.\n");
    }
    return out.toString();
  }

  /** compare.csv: a row per (strategy, metric) of the table, with the paired difference from the first. */
  public static void writeCsv(Writer w, ArmsSummary s) throws IOException {
    w.write("strategy,metric,unit,n,mean,ci_low,ci_high,diff_mean,diff_ci_low,diff_ci_high,p_wilcoxon,"
        + "p_paired_t,significant,diff_estimate,p_holm,significant_holm\n");
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      for (String[] c : columns(s)) {
        MetricSummary m = find(arm.summary(), c[0]);
        Stats st = m == null ? Stats.of(List.of()) : m.stats();
        PairedDifference d = arm == s.arms().get(0) ? null : difference(s, arm.name(), c[0]);
        w.write(String.join(",", Csv.field(arm.name()), c[0], Csv.field(unit(s, c[0])), Integer.toString(st.n()),
            Csv.number(st.mean(), 6), Csv.number(st.ciLow(), 6), Csv.number(st.ciHigh(), 6),
            d == null ? "" : Csv.number(d.difference().mean(), 6),
            d == null ? "" : ArmsCsv.bound(d.ciLow()),
            d == null ? "" : ArmsCsv.bound(d.ciHigh()),
            d == null ? "" : ArmsCsv.p(d.pWilcoxon()),
            d == null ? "" : ArmsCsv.p(d.pPaired()),
            d == null ? "" : Boolean.toString(d.significant()),
            d == null ? "" : Csv.number(d.estimate(), 6),
            d == null ? "" : ArmsCsv.p(d.pHolm()),
            d == null ? "" : Boolean.toString(d.significantHolm())));
        w.write('\n');
      }
    }
  }

  private static String meanAndInterval(Stats st) {
    if (st == null || st.n() == 0) {
      return "n/a";
    }
    String mean = SummaryTable.number(st.mean());
    return st.n() < 2 && !st.interval().equals("wilson") ? mean
        : mean + " " + ArmsTable.interval(st.ciLow(), st.ciHigh());
  }

  /** Two significant digits, never 0: a tiny p prints as 3.1e-07. */
  private static String p(double p) {
    return Double.isNaN(p) ? "n/a" : Decimals.significant(p, 2);
  }

  private static void appendAligned(StringBuilder out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        // Names left-aligned, figures right-aligned so that magnitudes read down a column.
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(i == 0 ? cell + pad : pad + cell).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static MetricSummary find(ExperimentSummary s, String metric) {
    for (MetricSummary m : s.metrics()) {
      if (m.name().equals(metric)) {
        return m;
      }
    }
    return null;
  }

  private static String unit(ArmsSummary s, String metric) {
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      MetricSummary m = find(arm.summary(), metric);
      if (m != null) {
        return m.unit();
      }
    }
    return "";
  }

  private static PairedDifference difference(ArmsSummary s, String arm, String metric) {
    for (PairedDifference d : s.differences()) {
      if (d.arm().equals(arm) && d.metric().equals(metric)) {
        return d;
      }
    }
    return null;
  }
}
