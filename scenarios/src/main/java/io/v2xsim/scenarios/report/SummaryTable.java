package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;

/** The aligned table of metrics printed after a run. */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(ExperimentSummary s) {
    StringBuilder out = new StringBuilder();
    out.append(s.scenario()).append(": ").append(s.seeds().size()).append(s.seeds().size() == 1 ? " seed " : " seeds ")
        .append(s.seeds()).append(", ").append(Decimals.compact(s.duration(), 3)).append(" s each, warm-up ")
        .append(Decimals.compact(s.warmup(), 3)).append(" s\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"metric", "unit", "mean", "95% CI", "n"});
    for (MetricSummary m : s.metrics()) {
      Stats st = m.stats();
      String ci = st.n() == 0 ? "-" : "[" + number(st.ciLow()) + ", " + number(st.ciHigh()) + "]";
      rows.add(new String[] {m.name(), m.unit(), number(st.mean()), ci, Integer.toString(st.n())});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i == 2 || i == 4;
        String cell = numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
        line.append(cell).append(i + 1 < row.length ? "  " : "");
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    if (s.seeds().size() == 1) {
      out.append("\nn=1: a single seed gives no confidence interval; run more with --seeds N.\n");
    }
    int collisions = s.collisions().size();
    out.append('\n').append(collisions).append(collisions == 1 ? " collision" : " collisions")
        .append(" in all seeds\n");
    return out.toString();
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
