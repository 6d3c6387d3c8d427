package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The table printed after an experiment with several arms: metrics grouped under a heading (traffic, safety,
 * perception, latency, other), a column per arm (mean and 95% interval), then a column per later arm with
 * its paired shift from the first: Hodges-Lehmann estimate, the interval of the signed-rank test, and that
 * test's mark. Metrics no arm has a value for are left out, and metrics with the same value in every seed of
 * every arm are named in one line under the table (there is nothing to compare), unless all are asked for.
 */
public final class ArmsTable {
  /** 0 is outside the 95% interval: the signed-rank p is below 0.05. */
  static final String MARK = "*";
  /** The same after Holm's correction over the arm's metrics. */
  static final String HOLM_MARK = "**";

  private ArmsTable() {}

  public static String render(ArmsSummary s) {
    return render(s, false);
  }

  /** @param allMetrics also the metrics without a value in any arm */
  public static String render(ArmsSummary s, boolean allMetrics) {
    StringBuilder out = new StringBuilder();
    int seeds = s.seeds().size();
    out.append(s.scenario()).append(": ").append(SeedRanges.describe(s.seeds())).append(", ")
        .append(Decimals.compact(s.duration(), 3)).append(" s each, warm-up ")
        .append(Decimals.compact(s.warmup(), 3)).append(" s, ").append(s.arms().size()).append(" arms\n\n");

    List<MetricSummary> metrics = new ArrayList<>();
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      for (MetricSummary m : arm.summary().metrics()) {
        if (metrics.stream().noneMatch(k -> k.name().equals(m.name()))) {
          metrics.add(m);
        }
      }
    }
    List<String> later = s.armNames().subList(1, s.arms().size());
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("metric", "unit"));
    header.addAll(s.armNames());
    for (String arm : later) {
      header.add(arm + " - " + s.baselineArm());
    }
    rows.add(header.toArray(new String[0]));
    int hidden = 0;
    List<String> constants = new ArrayList<>();
    for (MetricGroup group : MetricGroup.values()) {
      boolean headed = false;
      for (MetricSummary metric : metrics) {
        if (metric.group() != group) {
          continue;
        }
        boolean defined = s.arms().stream().anyMatch(a -> {
          Stats st = find(a.summary(), metric.name());
          return st != null && st.n() > 0;
        });
        if (!defined && !allMetrics) {
          hidden++;
          continue;
        }
        double same = constant(s, metric.name());
        if (!Double.isNaN(same) && !allMetrics) {
          constants.add(metric.name() + " " + Decimals.compact(same, 4));
          continue;
        }
        if (!headed) {
          rows.add(new String[] {group.heading()});
          headed = true;
        }
        List<String> row = new ArrayList<>(List.of("  " + metric.name(), metric.unit()));
        for (ArmsSummary.ArmSummary arm : s.arms()) {
          row.add(cell(find(arm.summary(), metric.name())));
        }
        for (String arm : later) {
          row.add(shift(difference(s, arm, metric.name())));
        }
        rows.add(row.toArray(new String[0]));
      }
    }
    appendAligned(out, rows, 2);
    out.append('\n').append("arms: mean over seeds [95% interval: Wilson where every seed is 0 or 1, else "
        + "bootstrap percentile]\n");
    if (!later.isEmpty()) {
      out.append("differences: Hodges-Lehmann shift [95% interval of the Wilcoxon signed-rank test], paired by "
          + "seed\n");
      out.append(MARK).append(" p < ").append(Decimals.compact(Comparisons.SIGNIFICANCE, 3))
          .append(" (0 outside the interval); ").append(HOLM_MARK).append(" also after Holm's correction over ");
      for (int a = 0; a < later.size(); a++) {
        String arm = later.get(a);
        long tests = s.differences().stream().filter(d -> d.arm().equals(arm) && d.canReject()).count();
        out.append(a == 0 ? "" : ", ").append(tests).append(" tests of ").append(arm);
      }
      out.append("\np-values in comparison.csv; the methods in docs/statistics.md\n");
    }
    if (!constants.isEmpty()) {
      wrap(out, "the same in every seed and arm: " + String.join(", ", constants));
    }
    if (hidden > 0) {
      out.append(hidden).append(hidden == 1 ? " metric" : " metrics")
          .append(" with no value in any arm not shown (--all-metrics shows them)\n");
    }
    if (seeds == 1) {
      out.append("n=1: a single seed gives no confidence interval or test; run more with --seeds N.\n");
    } else if (seeds <= 5 && !later.isEmpty()) {
      out.append("n<=5: no 95% signed-rank interval exists (it is +-inf) and no shift can be significant; "
          + "run more with --seeds N.\n");
    }
    out.append('\n').append("collisions:");
    for (int a = 0; a < s.arms().size(); a++) {
      ExperimentSummary arm = s.arms().get(a).summary();
      out.append(a == 0 ? " " : ", ").append(s.arms().get(a).name()).append(' ')
          .append(SummaryTable.collisionsInSeeds(arm));
    }
    out.append('\n');
    if (!s.conflicts().isEmpty()) {
      out.append("conflicts matched across arms: ").append(s.conflicts().size()).append(" (conflicts.csv)\n");
    }
    return out.toString();
  }

  /** Lines of at most 100 characters, broken after a comma; later lines indented. */
  private static void wrap(StringBuilder out, String text) {
    int width = 100;
    String indent = "";
    while (indent.length() + text.length() > width) {
      int cut = text.lastIndexOf(", ", width - indent.length());
      if (cut <= 0) {
        break;
      }
      out.append(indent).append(text, 0, cut + 1).append('\n');
      text = text.substring(cut + 2);
      indent = "  ";
    }
    out.append(indent).append(text).append('\n');
  }

  /** The value every seed of every arm has, or NaN if the values differ or an arm has none. */
  static double constant(ArmsSummary s, String metric) {
    double value = Double.NaN;
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      List<Double> values = Summarizer.perSeed(arm, metric).stream().filter(v -> !v.isNaN()).toList();
      if (values.isEmpty()) {
        return Double.NaN;
      }
      for (double v : values) {
        if (Double.isNaN(value)) {
          value = v;
        } else if (v != value) {
          return Double.NaN;
        }
      }
    }
    return value;
  }

  /** Mean, then interval; the mean is padded per column later so that intervals line up. */
  static String cell(Stats st) {
    if (st == null || st.n() == 0) {
      return "n/a";
    }
    return SummaryTable.number(st.mean()) + "\u0000" + interval(st.ciLow(), st.ciHigh());
  }

  static String shift(PairedDifference d) {
    if (d.difference().n() == 0) {
      return "n/a";
    }
    String mark = d.significantHolm() ? " " + HOLM_MARK : d.significant() ? " " + MARK : "";
    return signed(d.estimate()) + "\u0000" + interval(d.ciLow(), d.ciHigh()) + mark;
  }

  static String interval(double low, double high) {
    if (low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY) {
      return "[too few seeds]"; // five pairs or fewer: no 95% signed-rank interval exists (docs/statistics.md)
    }
    return "[" + bound(low) + ", " + bound(high) + "]";
  }

  private static String bound(double v) {
    return Double.isInfinite(v) ? (v < 0 ? "-inf" : "+inf") : SummaryTable.number(v);
  }

  private static String signed(double v) {
    return v > 0 ? "+" + SummaryTable.number(v) : SummaryTable.number(v);
  }

  /**
   * Rows of cells, one-cell rows being group headings. The mean part of every value cell (before
   * {@code \0}) is right-aligned within its column, so that intervals line up; then columns are padded.
   */
  static void appendAligned(StringBuilder out, List<String[]> rows, int firstValueColumn) {
    int columns = rows.get(0).length;
    List<String[]> body = rows.subList(1, rows.size()).stream().filter(r -> r.length == columns).toList();
    for (int c = firstValueColumn; c < columns; c++) {
      int width = 0;
      for (String[] row : body) {
        width = Math.max(width, row[c].indexOf('\u0000') < 0 ? row[c].length() : row[c].indexOf('\u0000'));
      }
      for (String[] row : body) {
        int split = row[c].indexOf('\u0000');
        String mean = split < 0 ? row[c] : row[c].substring(0, split);
        String rest = split < 0 ? "" : " " + row[c].substring(split + 1);
        row[c] = " ".repeat(width - mean.length()) + mean + rest;
      }
    }
    int[] widths = new int[columns];
    for (String[] row : rows) {
      if (row.length == columns) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(Math.max(0, widths[i] - row[i].length()))).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static Stats find(ExperimentSummary s, String metric) {
    for (MetricSummary m : s.metrics()) {
      if (m.name().equals(metric)) {
        return m.stats();
      }
    }
    return null;
  }

  private static PairedDifference difference(ArmsSummary s, String arm, String metric) {
    for (PairedDifference d : s.differences()) {
      if (d.arm().equals(arm) && d.metric().equals(metric)) {
        return d;
      }
    }
    throw new IllegalStateException("no difference of " + metric + " for arm " + arm);
  }
}
