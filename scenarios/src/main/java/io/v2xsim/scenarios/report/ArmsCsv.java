package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The CSV files of an experiment with several arms. Numbers with at most 6 decimals (p-values 9), no
 * trailing zeros; an undefined value (NaN) is an empty field.
 *
 * <ul>
 *   <li>arms.csv, long format: {@code arm,seed,metric,value}, in arm, seed and metric order;
 *   <li>comparison.csv: {@code metric,arm,baselineArm,meanDiff,ciLow,ciHigh,pPaired,pWilcoxon,significant,n,
 *       estimate,pHolm,significantHolm}, one row per later arm and metric (difference = arm minus baseline,
 *       paired by seed; estimate, ciLow and ciHigh the Hodges-Lehmann estimate and interval; significant by
 *       the same Wilcoxon signed-rank test at 0.05, pHolm adjusted over the arm's metrics; n pairs;
 *       p-values with 6 significant digits, an infinite bound as {@code -inf} or {@code inf});
 *   <li>conflicts.csv: {@code seed,time,x,y,first,second,firstClass,secondClass}, then {@code ttc_<arm>} and
 *       {@code pet_<arm>} for every arm (empty when that arm had no such conflict in the encounter), then
 *       {@code inArms} (the arms that had it, separated by {@code ;}).
 * </ul>
 */
public final class ArmsCsv {
  private ArmsCsv() {}

  public static void writeArms(Writer out, List<String> arms, List<List<RunResult>> results) throws IOException {
    out.write("arm,seed,metric,value\n");
    for (int a = 0; a < arms.size(); a++) {
      String arm = Csv.field(arms.get(a));
      for (RunResult r : results.get(a)) {
        for (MetricValue m : r.metrics()) {
          out.write(arm + ',' + r.seed() + ',' + Csv.field(m.name()) + ',' + number(m.value(), 6) + '\n');
        }
      }
    }
  }

  public static void writeComparison(Writer out, List<PairedDifference> differences) throws IOException {
    out.write("metric,arm,baselineArm,meanDiff,ciLow,ciHigh,pPaired,pWilcoxon,significant,n,estimate,pHolm,"
        + "significantHolm\n");
    for (PairedDifference d : differences) {
      Stats st = d.difference();
      out.write(Csv.field(d.metric()) + ',' + Csv.field(d.arm()) + ',' + Csv.field(d.baselineArm()) + ','
          + number(st.mean(), 6) + ',' + bound(d.ciLow()) + ',' + bound(d.ciHigh()) + ','
          + p(d.pPaired()) + ',' + p(d.pWilcoxon()) + ',' + d.significant() + ',' + st.n() + ','
          + number(d.estimate(), 6) + ',' + p(d.pHolm()) + ',' + d.significantHolm() + '\n');
    }
  }

  public static void writeConflicts(Writer out, List<String> arms, List<MatchedConflict> conflicts)
      throws IOException {
    StringBuilder header = new StringBuilder("seed,time,x,y,first,second,firstClass,secondClass");
    for (String arm : arms) {
      header.append(',').append(Csv.field("ttc_" + arm)).append(',').append(Csv.field("pet_" + arm));
    }
    out.write(header.append(",inArms\n").toString());
    for (MatchedConflict c : conflicts) {
      StringBuilder row = new StringBuilder();
      row.append(c.seed()).append(',').append(Csv.number(c.time(), 3)).append(',').append(Csv.number(c.x(), 3))
          .append(',').append(Csv.number(c.y(), 3)).append(',').append(Csv.field(c.first())).append(',')
          .append(Csv.field(c.second())).append(',').append(Csv.field(c.firstClass())).append(',')
          .append(Csv.field(c.secondClass()));
      StringBuilder in = new StringBuilder();
      for (int a = 0; a < arms.size(); a++) {
        row.append(',').append(Csv.number(c.ttc().get(a), 3)).append(',').append(Csv.number(c.pet().get(a), 3));
        if (c.in(a)) {
          in.append(in.length() > 0 ? ";" : "").append(arms.get(a));
        }
      }
      out.write(row.append(',').append(Csv.field(in.toString())).append('\n').toString());
    }
  }

  /** A p-value with 6 significant digits: never rounded to 0. */
  static String p(double v) {
    return Double.isFinite(v) ? Decimals.significant(v, Json.P_DIGITS) : "";
  }

  /** An interval bound: infinite when too few pairs give none. */
  static String bound(double v) {
    return Double.isInfinite(v) ? (v < 0 ? "-inf" : "inf") : number(v, 6);
  }

  static String number(double v, int decimals) {
    return Double.isFinite(v) ? Decimals.compact(v, decimals) : "";
  }
}
