package io.v2xsim.scenarios.report;

import java.util.List;

/** One run-level metric across seeds: its definition, its statistics, and the value of every seed. */
public record MetricSummary(String name, String unit, String description, Stats stats, List<Double> perSeed) {
  public MetricSummary {
    perSeed = List.copyOf(perSeed);
  }

  public MetricKind kind() {
    return MetricKind.of(name, unit);
  }

  public MetricGroup group() {
    return MetricGroup.of(name);
  }

  /**
   * For a count: the seeds where it happened at least once, of the seeds with a value, with the Wilson
   * interval of that share ("seeds with a collision"); null for other kinds or when no seed has a value.
   */
  public SeedShare seedsWithAny() {
    if (kind() != MetricKind.COUNT) {
      return null;
    }
    long n = perSeed.stream().filter(v -> !Double.isNaN(v)).count();
    if (n == 0) {
      return null;
    }
    long any = perSeed.stream().filter(v -> v > 0).count();
    Intervals.Interval ci = Intervals.wilson(any, n);
    return new SeedShare(any, n, ci.low(), ci.high());
  }

  /** {@code seeds} of {@code n} seeds, with the 95% Wilson interval of the share. */
  public record SeedShare(long seeds, long n, double ciLow, double ciHigh) {}
}
