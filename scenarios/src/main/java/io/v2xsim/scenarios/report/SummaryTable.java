package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of metrics printed after a run: grouped under headings (traffic, safety, perception, latency,
 * other), metrics with no value in any seed left out unless all are asked for.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(ExperimentSummary s) {
    return render(s, false);
  }

  /** @param allMetrics also the metrics without a value in any seed */
  public static String render(ExperimentSummary s, boolean allMetrics) {
    StringBuilder out = new StringBuilder();
    out.append(s.scenario()).append(": ").append(SeedRanges.describe(s.seeds())).append(", ")
        .append(Decimals.compact(s.duration(), 3)).append(" s each, warm-up ")
        .append(Decimals.compact(s.warmup(), 3)).append(" s\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "unit", "mean", "95% CI", "n"});
    int hidden = 0;
    for (MetricGroup group : MetricGroup.values()) {
      boolean headed = false;
      for (MetricSummary m : s.metrics()) {
        if (m.group() != group) {
          continue;
        }
        Stats st = m.stats();
        if (st.n() == 0 && !allMetrics) {
          hidden++;
          continue;
        }
        if (!headed) {
          rows.add(new String[] {group.heading()});
          headed = true;
        }
        String ci = st.n() == 0 ? "-" : ArmsTable.interval(st.ciLow(), st.ciHigh());
        rows.add(new String[] {"  " + m.name(), m.unit(), number(st.mean()), ci, Integer.toString(st.n())});
      }
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      if (row.length == widths.length) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i == 2 || i == 4;
        String cell = row.length == 1 ? row[i] : pad(row[i], widths[i], numeric);
        line.append(cell).append(i + 1 < row.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append("\n95% CI: Wilson where every seed is 0 or 1, else bootstrap percentile (docs/statistics.md)\n");
    if (hidden > 0) {
      out.append(hidden).append(hidden == 1 ? " metric" : " metrics")
          .append(" with no value in any seed not shown (--all-metrics shows them)\n");
    }
    if (s.seeds().size() == 1) {
      out.append("n=1: a single seed gives no confidence interval; run more with --seeds N.\n");
    }
    out.append('\n').append("collisions: ").append(collisionsInSeeds(s)).append('\n');
    return out.toString();
  }

  /**
   * {@code 3 in 2 of 10 seeds [0.05668, 0.5098]}: collisions in all seeds, the seeds that had any, and the
   * Wilson interval of that share of seeds.
   */
  static String collisionsInSeeds(ExperimentSummary s) {
    long n = s.collisionsPerSeed().size();
    long with = s.collisionsPerSeed().stream().filter(c -> c > 0).count();
    StringBuilder text = new StringBuilder().append(s.collisions().size()).append(" in ").append(with)
        .append(" of ").append(n).append(n == 1 ? " seed" : " seeds");
    if (n > 0) {
      Intervals.Interval ci = Intervals.wilson(with, n);
      text.append(' ').append(ArmsTable.interval(ci.low(), ci.high()));
    }
    return text.toString();
  }

  /** About four significant digits: enough to compare arms, short enough to read. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    double magnitude = Math.abs(v);
    int decimals = magnitude == 0 ? 0 : Math.max(0, Math.min(6, 3 - (int) Math.floor(Math.log10(magnitude))));
    return Decimals.fixed(v, decimals);
  }

  private static String pad(String text, int width, boolean right) {
    String spaces = " ".repeat(Math.max(0, width - text.length()));
    return right ? spaces + text : text + spaces;
  }
}
