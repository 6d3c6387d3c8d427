package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.safety.ConflictKind;
import io.v2xsim.core.metrics.safety.ConflictRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lines up the conflicts of different arms: same seed, same two road users (by name, in either order), times
 * at most {@link #WINDOW} apart. Greedy in arm order and then time order, each conflict joining the
 * encounter nearest in time that has no value of its kind for its arm yet; deterministic.
 */
public final class ConflictMatcher {
  /** Seconds by which one encounter's start may differ between arms. */
  public static final double WINDOW = 3.0;

  private ConflictMatcher() {}

  /** The conflicts a run recorded. */
  public static List<ConflictRecord> conflictsOf(RunResult result) {
    return result.conflicts();
  }



  /**
   * @param conflicts per arm, per seed (same seeds in the same order in every arm), that run's conflicts
   * @param seeds the seeds
   */
  public static List<MatchedConflict> match(List<Long> seeds, List<List<List<ConflictRecord>>> conflicts) {
    int arms = conflicts.size();
    List<MatchedConflict> out = new ArrayList<>();
    for (int s = 0; s < seeds.size(); s++) {
      List<Row> rows = new ArrayList<>();
      for (int a = 0; a < arms; a++) {
        List<ConflictRecord> list = new ArrayList<>(conflicts.get(a).get(s));
        list.sort(Comparator.comparingDouble(ConflictRecord::time));
        for (ConflictRecord c : list) {
          Row row = nearest(rows, c, a);
          if (row == null) {
            row = new Row(c, arms);
            rows.add(row);
          }
          double[] slot = c.kind() == ConflictKind.TTC ? row.ttc : row.pet;
          slot[a] = c.value();
        }
      }
      rows.sort(Comparator.comparingDouble((Row r) -> r.first.time()).thenComparing(r -> r.first.first())
          .thenComparing(r -> r.first.second()));
      for (Row r : rows) {
        ConflictRecord c = r.first;
        out.add(new MatchedConflict(seeds.get(s), c.time(), c.x(), c.y(), c.first(), c.second(), c.firstClass(),
            c.secondClass(), boxed(r.ttc), boxed(r.pet)));
      }
    }
    return out;
  }

  private static Row nearest(List<Row> rows, ConflictRecord c, int arm) {
    Row best = null;
    double bestGap = Double.POSITIVE_INFINITY;
    for (Row r : rows) {
      double gap = Math.abs(r.first.time() - c.time());
      double[] slot = c.kind() == ConflictKind.TTC ? r.ttc : r.pet;
      if (gap <= WINDOW && gap < bestGap && Double.isNaN(slot[arm]) && samePair(r.first, c)) {
        best = r;
        bestGap = gap;
      }
    }
    return best;
  }

  private static boolean samePair(ConflictRecord a, ConflictRecord b) {
    return a.first().equals(b.first()) && a.second().equals(b.second())
        || a.first().equals(b.second()) && a.second().equals(b.first());
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static final class Row {
    final ConflictRecord first;
    final double[] ttc;
    final double[] pet;

    Row(ConflictRecord first, int arms) {
      this.first = first;
      ttc = new double[arms];
      pet = new double[arms];
      Arrays.fill(ttc, Double.NaN);
      Arrays.fill(pet, Double.NaN);
    }
  }
}
