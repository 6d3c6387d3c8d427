package io.v2xsim.scenarios.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeds as a person reads them: {@code seeds 1-30}, {@code seeds 1-5, 8, 10-12}; never every seed (a list of
 * 100,000 seeds made a 660 KB header line). summary.json keeps the full list.
 */
final class SeedRanges {
  /** More runs of consecutive seeds than this are shortened to the first few and the last. */
  static final int MAX_RANGES = 6;

  private SeedRanges() {}

  /** {@code seed 7}, {@code seeds 1-10}, {@code seeds 1-3, 5, 9-12}, {@code seeds 1, 3, 5, 7, 9, ..., 99}. */
  static String describe(List<Long> seeds) {
    if (seeds.isEmpty()) {
      return "no seeds";
    }
    List<String> ranges = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= seeds.size(); i++) {
      if (i == seeds.size() || seeds.get(i) != seeds.get(i - 1) + 1) {
        long a = seeds.get(start);
        long b = seeds.get(i - 1);
        ranges.add(a == b ? Long.toString(a) : a + "-" + b);
        start = i;
      }
    }
    String list = ranges.size() <= MAX_RANGES ? String.join(", ", ranges)
        : String.join(", ", ranges.subList(0, MAX_RANGES - 1)) + ", ..., " + ranges.get(ranges.size() - 1);
    return (seeds.size() == 1 ? "seed " : "seeds ") + list;
  }
}
