package io.v2xsim.scenarios.report;

import java.util.List;

/** One run-level metric across seeds: its definition, its statistics, and the value of every seed. */
public record MetricSummary(String name, String unit, String description, Stats stats, List<Double> perSeed) {
  public MetricSummary {
    perSeed = List.copyOf(perSeed);
  }
}
