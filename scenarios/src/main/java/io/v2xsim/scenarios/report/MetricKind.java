package io.v2xsim.scenarios.report;

import java.util.Set;

/**
 * What values a metric can take, which decides its interval (docs/statistics.md). Core's {@code MetricValue}
 * declares a unit but not a range, and unit {@code 1} covers both event counts and shares, so the kind is
 * derived here, in one place, from the unit and, for unit {@code 1}, the name. A metric this does not know
 * is {@link #UNBOUNDED}: its interval is then only kept within the values it took.
 */
public enum MetricKind {
  /** Events per seed (collisions, conflicts, lane changes): whole numbers, at least 0. */
  COUNT("count", 0, Double.POSITIVE_INFINITY),
  /** A share in [0, 1] (awarenessRatio, e2eOverBudgetLowerAutomation). */
  PROPORTION("proportion", 0, 1),
  /** Times, distances, rates, means of counts: at least 0. */
  NONNEGATIVE("nonnegative", 0, Double.POSITIVE_INFINITY),
  /** At most 1, unbounded below: MOTA is 1 minus errors over objects, and errors can exceed the objects. */
  AT_MOST_ONE("at-most-one", Double.NEGATIVE_INFINITY, 1),
  UNBOUNDED("unbounded", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  /** Unit {@code 1} metrics that are shares, not counts. */
  private static final Set<String> PROPORTIONS = Set.of("awarenessRatio", "awarenessOnboard", "awarenessRsu",
      "e2eOverBudgetLowerAutomation", "e2eOverBudgetHigherAutomation");
  /** Units whose values are never negative: SI times, lengths, accelerations, vehicles and rates. */
  private static final Set<String> NONNEGATIVE_UNITS = Set.of("s", "m", "m/s", "m/s^2", "veh", "veh/h", "1/s",
      "B/s", "B");

  private final String label;
  private final double lo;
  private final double hi;

  MetricKind(String label, double lo, double hi) {
    this.label = label;
    this.lo = lo;
    this.hi = hi;
  }

  /** Name written to summary.json. */
  public String label() {
    return label;
  }

  /** Smallest value a seed can have. */
  public double lo() {
    return lo;
  }

  /** Largest value a seed can have. */
  public double hi() {
    return hi;
  }

  /** Whether a mean of these can be a share of seeds (each seed 0 or 1), which takes a binomial interval. */
  boolean canBeBinary() {
    return this == COUNT || this == PROPORTION;
  }

  public static MetricKind of(String name, String unit) {
    if ("1".equals(unit)) {
      if (PROPORTIONS.contains(name) || name.endsWith("Ratio") || name.endsWith("Share")) {
        return PROPORTION;
      }
      if (name.equals("trackMota")) {
        return AT_MOST_ONE;
      }
      // avgStops: a mean of counts over trips, not itself a count.
      return name.startsWith("avg") || name.startsWith("mean") ? NONNEGATIVE : COUNT;
    }
    return unit != null && NONNEGATIVE_UNITS.contains(unit) ? NONNEGATIVE : UNBOUNDED;
  }
}
