package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.ApproachQueue;
import io.v2xsim.core.metrics.CollisionRecord;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.TripRecord;
import io.v2xsim.core.spec.CompiledScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Aggregates the results of one scenario's seeds. */
public final class Summarizer {
  static final String VEHICLE_UPDATES = "vehicleUpdates";

  private Summarizer() {}

  /**
   * @param results one per seed, in seed order; the order of metrics and approaches is the order they
   *     first appear in, never hash order
   */
  public static ExperimentSummary summarize(CompiledScenario scenario, List<RunResult> results) {
    return summarize(scenario.name(), scenario.description(), scenario.duration(), scenario.dt(),
        scenario.warmup(), results);
  }

  /** The same from the scenario's figures, for callers (and tests) without a compiled scenario. */
  public static ExperimentSummary summarize(String name, String description, double duration, double dt,
      double warmup, List<RunResult> results) {
    List<Long> seeds = new ArrayList<>();
    List<Integer> trips = new ArrayList<>();
    List<Integer> arrived = new ArrayList<>();
    List<Integer> collisionCounts = new ArrayList<>();
    List<SeedCollision> collisions = new ArrayList<>();
    for (RunResult result : results) {
      seeds.add(result.seed());
      trips.add(result.trips().size());
      arrived.add((int) result.trips().stream().filter(t -> Double.isFinite(t.arrival())).count());
      collisionCounts.add(result.collisions().size());
      for (CollisionRecord collision : result.collisions()) {
        collisions.add(new SeedCollision(result.seed(), collision));
      }
    }
    return new ExperimentSummary(name, description, seeds, duration, dt, warmup, metrics(results), queues(results), trips, arrived, collisionCounts,
        collisions);
  }

  /**
   * Several arms over the same seeds: each arm summarized as a single-arm experiment, each later arm compared
   * with the first metric by metric, and conflicts matched across arms.
   *
   * @param armNames arm names in scenario order; the first is the baseline
   * @param results per arm, one result per seed in the same seed order for every arm
   */
  public static ArmsSummary summarizeArms(String name, String description, double duration, double dt,
      double warmup, List<String> armNames, List<List<RunResult>> results) {
    if (armNames.size() != results.size() || armNames.isEmpty()) {
      throw new IllegalArgumentException(armNames.size() + " arm names for " + results.size() + " arms");
    }
    List<ArmsSummary.ArmSummary> arms = new ArrayList<>();
    for (int a = 0; a < armNames.size(); a++) {
      arms.add(new ArmsSummary.ArmSummary(armNames.get(a),
          summarize(name, description, duration, dt, warmup, results.get(a))));
    }
    List<Long> seeds = arms.get(0).summary().seeds();
    for (ArmsSummary.ArmSummary arm : arms) {
      if (!arm.summary().seeds().equals(seeds)) {
        throw new IllegalArgumentException("arm " + arm.name() + " ran seeds " + arm.summary().seeds()
            + ", arm " + armNames.get(0) + " ran " + seeds + ": differences are paired by seed");
      }
    }
    List<String> metricNames = new ArrayList<>();
    for (ArmsSummary.ArmSummary arm : arms) {
      for (MetricSummary m : arm.summary().metrics()) {
        if (!metricNames.contains(m.name())) {
          metricNames.add(m.name());
        }
      }
    }
    List<PairedDifference> differences = new ArrayList<>();
    ArmsSummary.ArmSummary baseline = arms.get(0);
    for (ArmsSummary.ArmSummary arm : arms.subList(1, arms.size())) {
      for (String metric : metricNames) {
        differences.add(Comparisons.compare(metric, kindOf(arms, metric), arm.name(), baseline.name(),
            perSeed(arm, metric), perSeed(baseline, metric)));
      }
    }
    differences = Comparisons.adjustPerArm(differences);
    List<List<List<io.v2xsim.core.metrics.safety.ConflictRecord>>> conflicts = new ArrayList<>();
    for (List<RunResult> arm : results) {
      conflicts.add(arm.stream().map(ConflictMatcher::conflictsOf).toList());
    }
    return new ArmsSummary(name, description, seeds, duration, dt, warmup, arms, differences,
        ConflictMatcher.match(seeds, conflicts));
  }

  /** The kind of a metric, from the first arm that reports it. */
  private static MetricKind kindOf(List<ArmsSummary.ArmSummary> arms, String metric) {
    for (ArmsSummary.ArmSummary arm : arms) {
      for (MetricSummary m : arm.summary().metrics()) {
        if (m.name().equals(metric)) {
          return m.kind();
        }
      }
    }
    return MetricKind.UNBOUNDED;
  }

  /** Per-seed values of a metric in an arm; NaN for every seed if the arm does not report it. */
  static List<Double> perSeed(ArmsSummary.ArmSummary arm, String metric) {
    for (MetricSummary m : arm.summary().metrics()) {
      if (m.name().equals(metric)) {
        return m.perSeed();
      }
    }
    return java.util.Collections.nCopies(arm.summary().seeds().size(), Double.NaN);
  }

  private static List<MetricSummary> metrics(List<RunResult> results) {
    Map<String, MetricValue> definitions = new LinkedHashMap<>();
    for (RunResult result : results) {
      for (MetricValue metric : result.metrics()) {
        definitions.putIfAbsent(metric.name(), metric);
      }
    }
    List<MetricSummary> summaries = new ArrayList<>();
    for (MetricValue definition : definitions.values()) {
      List<Double> perSeed = new ArrayList<>();
      for (RunResult result : results) {
        perSeed.add(result.metric(definition.name()));
      }
      summaries.add(new MetricSummary(definition.name(), definition.unit(), definition.description(),
          Stats.of(perSeed, MetricKind.of(definition.name(), definition.unit()), definition.name()), perSeed));
    }
    return summaries;
  }

  private static List<QueueSummary> queues(List<RunResult> results) {
    Map<List<String>, ApproachQueue[]> byApproach = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      for (ApproachQueue queue : results.get(i).queues()) {
        byApproach.computeIfAbsent(List.of(queue.junction(), queue.road()),
            k -> new ApproachQueue[results.size()])[i] = queue;
      }
    }
    List<QueueSummary> summaries = new ArrayList<>();
    for (Map.Entry<List<String>, ApproachQueue[]> entry : byApproach.entrySet()) {
      List<Double> means = new ArrayList<>();
      List<Integer> maxima = new ArrayList<>();
      int max = 0;
      for (ApproachQueue queue : entry.getValue()) {
        means.add(queue == null ? Double.NaN : queue.meanQueue());
        maxima.add(queue == null ? -1 : queue.maxQueue());
        max = Math.max(max, queue == null ? 0 : queue.maxQueue());
      }
      Stats meanQueue = Stats.of(means, MetricKind.NONNEGATIVE,
          "meanQueue@" + entry.getKey().get(0) + "/" + entry.getKey().get(1));
      summaries.add(new QueueSummary(entry.getKey().get(0), entry.getKey().get(1), meanQueue, means, max,
          maxima));
    }
    return summaries;
  }

  /**
   * Vehicle updates (one vehicle advanced by one tick) over all runs: core's {@code vehicleUpdates} metric
   * where a run reports it, else an estimate from the trip records (time in the network divided by dt),
   * which misses vehicles that departed during warm-up and so is a lower bound.
   */
  public static long vehicleUpdates(CompiledScenario scenario, List<RunResult> results) {
    double ticks = 0;
    for (RunResult result : results) {
      double counted = result.metric(VEHICLE_UPDATES);
      if (Double.isFinite(counted)) {
        ticks += counted;
        continue;
      }
      for (TripRecord trip : result.trips()) {
        if (Double.isFinite(trip.depart())) {
          double end = Double.isFinite(trip.arrival()) ? trip.arrival() : result.simulatedSeconds();
          ticks += Math.max(0, end - trip.depart()) / scenario.dt();
        }
      }
    }
    return Math.round(ticks);
  }
}
