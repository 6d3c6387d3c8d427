package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.CollisionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layout of summary.json; the README documents every field named here, docs/statistics.md the
 * statistical ones (kind, interval, seedsWithAny, estimate, pHolm, significantHolm).
 */
public final class SummaryJson {
  private SummaryJson() {}

  public static String render(ExperimentSummary s) {
    Map<String, Object> root = Json.object();
    root.put("scenario", s.scenario());
    root.put("description", s.description());
    root.put("seeds", s.seeds());
    root.put("duration", s.duration());
    root.put("dt", s.dt());
    root.put("warmup", s.warmup());
    putBody(root, s);
    return Json.render(root);
  }

  /**
   * Several arms: the header of a single-arm file, then {@code arms} (each arm's metrics, trips, queues and
   * collisions, laid out as at the top level of a single-arm file) and {@code differences} (per later arm,
   * per metric, the paired difference from the baseline arm).
   */
  public static String render(ArmsSummary s) {
    Map<String, Object> root = Json.object();
    root.put("scenario", s.scenario());
    root.put("description", s.description());
    root.put("seeds", s.seeds());
    root.put("duration", s.duration());
    root.put("dt", s.dt());
    root.put("warmup", s.warmup());
    root.put("baselineArm", s.baselineArm());
    Map<String, Object> arms = Json.object();
    for (ArmsSummary.ArmSummary arm : s.arms()) {
      Map<String, Object> body = Json.object();
      putBody(body, arm.summary());
      arms.put(arm.name(), body);
    }
    root.put("arms", arms);
    Map<String, Object> significance = Json.object();
    significance.put("test", "wilcoxon-signed-rank");
    significance.put("estimate", "hodges-lehmann");
    significance.put("interval", "hodges-lehmann");
    significance.put("alpha", Comparisons.SIGNIFICANCE);
    significance.put("pairedBy", "seed");
    significance.put("multipleComparisons", "holm-per-arm");
    root.put("significance", significance);
    Map<String, Object> differences = Json.object();
    for (PairedDifference d : s.differences()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ofArm = (Map<String, Object>) differences.computeIfAbsent(d.arm(), k -> Json.object());
      Map<String, Object> m = Json.object();
      m.put("baselineArm", d.baselineArm());
      m.put("n", d.difference().n());
      m.put("meanDiff", d.difference().mean());
      m.put("estimate", d.estimate());
      m.put("ci95", List.of(d.ciLow(), d.ciHigh()));
      m.put("stdev", d.difference().stdev());
      m.put("pPaired", Json.p(d.pPaired()));
      m.put("pWilcoxon", Json.p(d.pWilcoxon()));
      m.put("pHolm", Json.p(d.pHolm()));
      m.put("significant", d.significant());
      m.put("significantHolm", d.significantHolm());
      m.put("perSeed", d.perSeed());
      ofArm.put(d.metric(), m);
    }
    root.put("differences", differences);
    Map<String, Object> conflicts = Json.object();
    conflicts.put("matched", s.conflicts().size());
    Map<String, Object> only = Json.object();
    for (int a = 0; a < s.arms().size(); a++) {
      int arm = a;
      only.put(s.arms().get(a).name(), (int) s.conflicts().stream()
          .filter(c -> c.in(arm) && java.util.stream.IntStream.range(0, s.arms().size())
              .filter(b -> b != arm).noneMatch(c::in)).count());
    }
    conflicts.put("onlyInArm", only);
    root.put("conflicts", conflicts);
    return Json.render(root);
  }

  private static void putBody(Map<String, Object> root, ExperimentSummary s) {
    Map<String, Object> metrics = Json.object();
    for (MetricSummary metric : s.metrics()) {
      Map<String, Object> m = Json.object();
      m.put("unit", metric.unit());
      m.put("description", metric.description());
      m.put("kind", metric.kind().label());
      putStats(m, metric.stats());
      MetricSummary.SeedShare any = metric.seedsWithAny();
      if (any != null) {
        Map<String, Object> share = Json.object();
        share.put("seeds", any.seeds());
        share.put("n", any.n());
        share.put("wilson95", List.of(any.ciLow(), any.ciHigh()));
        m.put("seedsWithAny", share);
      }
      m.put("perSeed", metric.perSeed());
      metrics.put(metric.name(), m);
    }
    root.put("metrics", metrics);
    Map<String, Object> trips = Json.object();
    trips.put("perSeed", s.tripsPerSeed());
    trips.put("arrivedPerSeed", s.arrivedPerSeed());
    root.put("trips", trips);
    List<Object> queues = new ArrayList<>();
    for (QueueSummary queue : s.queues()) {
      Map<String, Object> q = Json.object();
      q.put("junction", queue.junction());
      q.put("road", queue.road());
      Map<String, Object> mean = Json.object();
      putStats(mean, queue.meanQueue());
      mean.put("perSeed", queue.meanQueuePerSeed());
      q.put("meanQueue", mean);
      q.put("maxQueue", queue.maxQueue());
      q.put("maxQueuePerSeed", queue.maxQueuePerSeed());
      queues.add(q);
    }
    root.put("queues", queues);
    Map<String, Object> collisions = Json.object();
    collisions.put("total", s.collisions().size());
    collisions.put("perSeed", s.collisionsPerSeed());
    List<Object> records = new ArrayList<>();
    for (SeedCollision seeded : s.collisions()) {
      CollisionRecord c = seeded.collision();
      Map<String, Object> r = Json.object();
      r.put("seed", seeded.seed());
      r.put("time", c.time());
      r.put("first", c.first());
      r.put("second", c.second());
      r.put("x", c.x());
      r.put("y", c.y());
      r.put("where", c.where());
      r.put("type", c.type());
      records.add(r);
    }
    collisions.put("records", records);
    root.put("collisions", collisions);
  }

  private static void putStats(Map<String, Object> target, Stats stats) {
    target.put("n", stats.n());
    target.put("mean", stats.mean());
    target.put("ci95", List.of(stats.ciLow(), stats.ciHigh()));
    target.put("interval", stats.interval());
    target.put("stdev", stats.stdev());
  }
}
