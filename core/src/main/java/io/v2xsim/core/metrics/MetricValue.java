package io.v2xsim.core.metrics;

/**
 * One run-level figure.
 *
 * @param name stable machine name, e.g. {@code avgTravelTime}
 * @param unit SI unit or a count ({@code s}, {@code veh/h}, {@code veh}, {@code 1})
 * @param description one line on how it is defined
 * @param value the figure; NaN when undefined for this run (e.g. no trip completed)
 */
public record MetricValue(String name, String unit, String description, double value) {}
