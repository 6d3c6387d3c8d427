package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The table printed after an experiment with several arms: a row per metric, a column per arm (mean and 95%
 * interval), then a column per later arm with its paired difference from the first, marked {@code *} when
 * significant.
 */
public final class ArmsTable {
  static final String MARK = "*";

  private ArmsTable() {}

  public static String render(ArmsSummary s) {
    StringBuilder out = new StringBuilder();
    int seeds = s.seeds().size();
    ExperimentSummary base = s.arms().get(0).summary();
    out.append(s.scenario()).append(": ").append(seeds).append(seeds == 1 ? " seed " : " seeds ")
        .append(s.seeds()).append(", ").append(Decimals.compact(s.duration(), 3)).append(" s each, warm-up ")
        .append(Decimals.compact(s.warmup(), 3)).append(" s, ").append(s.arms().size()).append(" arms\n\n");

    List<String> metrics = new ArrayList<>();
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      for (MetricSummary m : arm.summary().metrics()) {
        if (!metrics.contains(m.name())) {
          metrics.add(m.name());
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
    for (String metric : metrics) {
      List<String> row = new ArrayList<>(List.of(metric, unit(s, metric)));
      for (ArmsSummary.ArmSummary arm : s.arms()) {
        row.add(cell(find(arm.summary(), metric), false));
      }
      for (String arm : later) {
        PairedDifference d = difference(s, arm, metric);
        String text = cell(d.difference(), true);
        row.add(d.significant() ? text + " " + MARK : text);
      }
      rows.add(row.toArray(new String[0]));
    }
    alignNumbers(rows, 2);
    int[] widths = new int[header.size()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length())).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append('\n').append(MARK).append(" paired by seed, Wilcoxon signed-rank p < ")
        .append(Decimals.compact(Comparisons.SIGNIFICANCE, 3))
        .append("; paired t-test and both p-values in comparison.csv\n");
    if (seeds == 1) {
      out.append("n=1: a single seed gives no confidence interval or test; run more with --seeds N.\n");
    }
    out.append('\n').append("collisions in all seeds:");
    for (int a = 0; a < s.arms().size(); a++) {
      out.append(a == 0 ? " " : ", ").append(s.arms().get(a).name()).append(' ')
          .append(s.arms().get(a).summary().collisions().size());
    }
    out.append('\n');
    if (!s.conflicts().isEmpty()) {
      out.append("conflicts matched across arms: ").append(s.conflicts().size()).append(" (conflicts.csv)\n");
    }
    return out.toString();
  }

  /** Mean, then interval; the mean is padded per column later so that intervals line up. */
  private static String cell(Stats st, boolean signed) {
    if (st == null || st.n() == 0) {
      return "n/a";
    }
    String mean = SummaryTable.number(st.mean());
    if (signed && st.mean() > 0) {
      mean = "+" + mean;
    }
    String ci = "[" + SummaryTable.number(st.ciLow()) + ", " + SummaryTable.number(st.ciHigh()) + "]";
    return mean + "\u0000" + ci;
  }

  /** Right-aligns the mean part of every value cell within its column, then joins it to its interval. */
  private static void alignNumbers(List<String[]> rows, int firstValueColumn) {
    int columns = rows.get(0).length;
    for (int c = firstValueColumn; c < columns; c++) {
      int width = 0;
      for (String[] row : rows.subList(1, rows.size())) {
        width = Math.max(width, row[c].indexOf('\u0000') < 0 ? row[c].length() : row[c].indexOf('\u0000'));
      }
      for (String[] row : rows.subList(1, rows.size())) {
        int split = row[c].indexOf('\u0000');
        String mean = split < 0 ? row[c] : row[c].substring(0, split);
        String rest = split < 0 ? "" : " " + row[c].substring(split + 1);
        row[c] = " ".repeat(width - mean.length()) + mean + rest;
      }
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

  private static String unit(ArmsSummary s, String metric) {
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      for (MetricSummary m : arm.summary().metrics()) {
        if (m.name().equals(metric)) {
          return m.unit();
        }
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
    throw new IllegalStateException("no difference of " + metric + " for arm " + arm);
  }
}
