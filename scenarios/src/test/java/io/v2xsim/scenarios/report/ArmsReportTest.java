package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.safety.ConflictKind;
import io.v2xsim.core.metrics.safety.ConflictRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of experiments with several arms, from hand-made results. */
class ArmsReportTest {
  private static final List<String> ARMS = List.of("vehicle-only", "v2x", "v2x-lossy");
  private static final double[][] COLLISIONS = {
      {1, 1, 0, 2, 1, 1, 0, 1, 1, 1},
      {0, 0, 0, 1, 0, 0, 0, 0, 0, 1},
      {1, 0, 0, 2, 1, 0, 0, 1, 1, 1}};
  private static final double[][] MIN_TTC = {
      {0.8, 1.1, 2.0, 0.4, 0.9, 1.2, 1.9, 0.7, 1.0, 0.6},
      {1.4, 1.5, 2.1, 0.9, 1.6, 1.3, 2.2, 1.2, 1.7, 1.1},
      {0.9, 1.6, Double.NaN, 0.4, 1.0, 1.9, 1.8, 0.8, 1.2, 0.5}};

  @TempDir
  Path dir;

  /** Synthetic results: per arm, per seed 1..10; the constant metric is the same in every arm and seed. */
  static List<List<RunResult>> results() {
    List<List<RunResult>> out = new ArrayList<>();
    for (int a = 0; a < ARMS.size(); a++) {
      List<RunResult> arm = new ArrayList<>();
      for (int s = 0; s < 10; s++) {
        arm.add(new RunResult(s + 1, 60, List.of(
            new MetricValue("collisions", "1", "pairs whose boxes overlapped", COLLISIONS[a][s]),
            new MetricValue("minTtc", "s", "smallest TTC", MIN_TTC[a][s]),
            new MetricValue("constant", "1", "the same everywhere", 3.0)), List.of(), List.of(), List.of()));
      }
      out.add(arm);
    }
    return out;
  }

  static ArmsSummary summary() {
    return Summarizer.summarizeArms("crossing", "test", 60, 0.05, 0, ARMS, results());
  }

  private static PairedDifference difference(ArmsSummary s, String arm, String metric) {
    return s.differences().stream().filter(d -> d.arm().equals(arm) && d.metric().equals(metric)).findFirst()
        .orElseThrow();
  }

  @Test
  void pairedShiftIntervalAndTestByHand() {
    ArmsSummary s = summary();
    assertEquals(2 * 3, s.differences().size(), "each later arm against the first, every metric");
    PairedDifference d = difference(s, "v2x", "collisions");
    assertEquals("vehicle-only", d.baselineArm());
    double[] diffs = new double[10];
    for (int i = 0; i < 10; i++) {
      diffs[i] = COLLISIONS[1][i] - COLLISIONS[0][i];
    }
    assertEquals(Arrays.stream(diffs).boxed().toList(), d.perSeed());
    assertEquals(10, d.difference().n());
    assertEquals(-0.7, d.difference().mean(), 1e-12);
    assertEquals(new TTest().pairedTTest(COLLISIONS[1], COLLISIONS[0]), d.pPaired(), 1e-15);
    // Seven seeds -1, three 0: the Walsh averages are 28 of -1, 21 of -0.5 and 6 of 0. The estimate is the
    // 28th of 55 (-1); n = 10 gives k = 9, so the interval is [W_(9), W_(47)] = [-1, -0.5]; 6 averages are
    // >= 0 and P(T <= 6) = 14/1024, so p = 28/1024.
    assertEquals(-1.0, d.estimate());
    assertEquals(-1.0, d.ciLow());
    assertEquals(-0.5, d.ciHigh());
    assertEquals(28 / 1024.0, d.pWilcoxon(), 1e-15);
    assertTrue(d.significant(), "0 is outside [-1, -0.5]");
    // Holm over the metrics of v2x whose test can reject (constant is equal in every pair, p = 1 whatever
    // the signs): minTtc (10 of 10 up, p = 2/1024) x 2, then collisions x 1.
    PairedDifference ttc = difference(s, "v2x", "minTtc");
    assertEquals(2 / 1024.0, ttc.pWilcoxon(), 1e-15);
    assertEquals(2 * 2 / 1024.0, ttc.pHolm(), 1e-15);
    assertTrue(ttc.significantHolm());
    assertEquals(28 / 1024.0, d.pHolm(), 1e-15);
    assertTrue(d.significantHolm());
    assertFalse(difference(s, "v2x", "constant").canReject());
    assertEquals(1.0, difference(s, "v2x", "constant").pHolm());
    // v2x-lossy: 8 of 10 seeds equal, 2 one fewer. The 36 Walsh averages of 0 count against rejection.
    PairedDifference lossy = difference(s, "v2x-lossy", "collisions");
    assertEquals(1.0, lossy.pWilcoxon());
    assertEquals(0.0, lossy.estimate());
    assertEquals(-0.5, lossy.ciLow());
    assertEquals(0.0, lossy.ciHigh());
    // Two tests that can reject (p = 0.5 each: two pairs, both up) and one that cannot: the family is two.
    List<PairedDifference> three = Comparisons.adjustPerArm(List.of(
        Comparisons.compare("a", "b", "base", List.of(1.0, 2.0), List.of(0.0, 0.0)),
        Comparisons.compare("c", "b", "base", List.of(1.0, 2.0), List.of(0.0, 0.0)),
        Comparisons.compare("e", "b", "base", List.of(1.0, 1.0), List.of(1.0, 1.0))));
    assertEquals(0.5, three.get(0).pWilcoxon(), 1e-15);
    assertEquals(1.0, three.get(0).pHolm(), 1e-15, "0.5 x 2");
    assertEquals(1.0, three.get(1).pHolm(), 1e-15);
    assertFalse(three.get(2).canReject());
    assertEquals(1.0, three.get(2).pHolm());
  }

  @Test
  void undefinedValuesDropTheirPairAndDegenerateDifferencesGiveNoMark() {
    ArmsSummary s = summary();
    PairedDifference ttc = difference(s, "v2x-lossy", "minTtc");
    assertEquals(9, ttc.difference().n(), "seed 3 has no minTtc in v2x-lossy");
    assertTrue(Double.isNaN(ttc.perSeed().get(2)));
    double[] a = new double[9];
    double[] b = new double[9];
    for (int i = 0, k = 0; i < 10; i++) {
      if (i != 2) {
        a[k] = MIN_TTC[2][i];
        b[k++] = MIN_TTC[0][i];
      }
    }
    assertEquals(new TTest().pairedTTest(a, b), ttc.pPaired(), 1e-15);

    // Every difference zero: no t-test; the signed-rank p is 1 and the interval [0, 0].
    PairedDifference constant = difference(s, "v2x", "constant");
    assertEquals(0.0, constant.difference().mean());
    assertTrue(Double.isNaN(constant.pPaired()));
    assertEquals(1.0, constant.pWilcoxon());
    assertEquals(0.0, constant.ciLow());
    assertEquals(0.0, constant.ciHigh());
    assertFalse(constant.significant());

    // Every difference the same and non-zero: no t-test, but the signs alone are a signed-rank result;
    // three pairs give no 95% interval (it is unbounded) and so no mark.
    PairedDifference shift = Comparisons.compare("m", "b", "a", List.of(2.0, 3.0, 4.0), List.of(1.0, 2.0, 3.0));
    assertTrue(Double.isNaN(shift.pPaired()));
    assertEquals(0.25, shift.pWilcoxon(), 1e-12);
    assertEquals(1.0, shift.estimate());
    assertEquals(Double.NEGATIVE_INFINITY, shift.ciLow());
    assertFalse(shift.significant());
    // A share differs by at most 1: the unbounded interval is cut to [-1, 1].
    PairedDifference share = Comparisons.compare("awarenessRatio", MetricKind.PROPORTION, "b", "a",
        List.of(0.9, 0.8), List.of(0.5, 0.6));
    assertEquals(-1.0, share.ciLow());
    assertEquals(1.0, share.ciHigh());
    // One pair, or none.
    PairedDifference one = Comparisons.compare("m", "b", "a", List.of(2.0, Double.NaN), List.of(1.0, 5.0));
    assertEquals(1, one.difference().n());
    assertTrue(Double.isNaN(one.pPaired()));
    assertEquals(1.0, one.pWilcoxon());
    PairedDifference none = Comparisons.compare("m", "b", "a", List.of(Double.NaN), List.of(Double.NaN));
    assertEquals(0, none.difference().n());
    assertTrue(Double.isNaN(none.pPaired()) && Double.isNaN(none.pWilcoxon()) && !none.significant());
  }

  @Test
  void tableGroupsMetricsAndPutsTheShiftBesideTheArms() {
    String table = ArmsTable.render(summary());
    String[] lines = table.split("\n");
    assertEquals("crossing: seeds 1-10, 60 s each, warm-up 0 s, 3 arms", lines[0]);
    String header = lines[2];
    assertTrue(header.startsWith("metric"), header);
    List<String> columns = List.of("unit", "vehicle-only", "v2x", "v2x-lossy", "v2x - vehicle-only",
        "v2x-lossy - vehicle-only");
    int last = 0;
    for (String c : columns) {
      int at = header.indexOf(c, last);
      assertTrue(at > last, c + " in order in " + header);
      last = at;
    }
    assertEquals("safety", lines[3], table);
    String collisions = lines[4];
    assertTrue(collisions.startsWith("  collisions "), table);
    // Bootstrap intervals of counts that are 0, 1 or 2 per seed: inside [0, 2], never below 0.
    assertTrue(collisions.contains("0.9000 [0.6000, 1.200]"), table);
    // v2x: 2 seeds of 10 with one collision, every seed 0 or 1: the Wilson interval of 2/10.
    assertTrue(collisions.contains("0.2000 [0.05668, 0.5098]"), table);
    assertTrue(collisions.contains("-1.000 [-1.000, -0.5000] **  "), "v2x fewer collisions is marked:\n" + table);
    assertTrue(collisions.endsWith("0 [-0.5000, 0]"), "v2x-lossy not:\n" + table);
    assertTrue(lines[5].startsWith("  minTtc") && lines[5].contains("+0.4500 [0.3000, 0.6000] **"), table);
    assertEquals("", lines[6], table);
    // Nothing to compare in a metric that is 3 everywhere: one line under the table, not a row.
    assertFalse(table.contains("  constant"), table);
    assertTrue(table.contains("\nthe same in every seed and arm: constant 3\n"), table);
    assertTrue(ArmsTable.render(summary(), true).contains("\nother\n  constant "), "--all-metrics");
    // Each column starts at the same offset in every row.
    for (String c : columns.subList(1, columns.size())) {
      int at = header.indexOf(c);
      for (int r : new int[] {4, 5}) {
        assertEquals(' ', lines[r].charAt(at - 1), "column " + c + " row\n" + lines[r] + "\n" + header);
      }
    }
    assertTrue(table.contains("* p < 0.05 (0 outside the interval); ** also after Holm's correction over 2 tests"
        + " of v2x, 2 tests of v2x-lossy"), table);
    assertTrue(table.contains("collisions: vehicle-only 0 in 0 of 10 seeds [0, 0.2775], v2x 0 in 0"), table);
  }

  @Test
  void metricsWithoutAValueInAnyArmAreShownOnlyWhenAsked() {
    List<List<RunResult>> results = new ArrayList<>();
    for (List<RunResult> arm : results()) {
      List<RunResult> withUndefined = new ArrayList<>();
      for (RunResult r : arm) {
        List<MetricValue> metrics = new ArrayList<>(r.metrics());
        metrics.add(new MetricValue("hazardToBrake", "s", "no hazard in this scene", Double.NaN));
        withUndefined.add(new RunResult(r.seed(), r.simulatedSeconds(), metrics, r.trips(), r.collisions(),
            r.queues()));
      }
      results.add(withUndefined);
    }
    ArmsSummary s = Summarizer.summarizeArms("crossing", "test", 60, 0.05, 0, ARMS, results);
    String table = ArmsTable.render(s);
    assertFalse(table.contains("hazardToBrake"), table);
    assertTrue(table.contains("1 metric with no value in any arm not shown (--all-metrics shows them)"), table);
    String all = ArmsTable.render(s, true);
    String row = all.lines().filter(l -> l.startsWith("  hazardToBrake")).findFirst().orElseThrow();
    assertTrue(row.contains("n/a"), all);
    assertFalse(all.contains("not shown"), all);
    // An undefined metric is no test: Holm counts 2 per arm (collisions, minTtc), not 3 or 4.
    assertTrue(all.contains("over 2 tests of v2x,"), all);
  }

  @Test
  void aTinyPValueIsWrittenWithItsDigitsNotAsZero() throws IOException {
    List<Double> base = new ArrayList<>();
    List<Double> better = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      base.add(10.0 + i);
      better.add(10.0 + 2 * i + 1); // 30 distinct positive differences 1, 2, ..., 30
    }
    PairedDifference d = Comparisons.compare("avgTravelTime", MetricKind.NONNEGATIVE, "b", "a", better, base);
    assertEquals(2 / Math.pow(2, 30), d.pWilcoxon(), 1e-22);
    StringWriter csv = new StringWriter();
    ArmsCsv.writeComparison(csv, List.of(d));
    assertTrue(csv.toString().contains(",1.86265e-09,true,30,"), csv.toString());
  }

  @Test
  void summaryIsByteIdenticalForIdenticalInputsAndNestsArms() throws IOException {
    String one = SummaryJson.render(summary());
    String two = SummaryJson.render(summary());
    assertEquals(one, two);
    assertFalse(one.contains("wallClock"));
    JsonNode root = new ObjectMapper().readTree(one);
    assertEquals("vehicle-only", root.get("baselineArm").asText());
    assertEquals(List.of("vehicle-only", "v2x", "v2x-lossy"), iterable(root.get("arms").fieldNames()));
    JsonNode v2x = root.get("arms").get("v2x");
    assertEquals(List.of("metrics", "trips", "queues", "collisions"), iterable(v2x.fieldNames()));
    assertEquals(0.2, v2x.get("metrics").get("collisions").get("mean").asDouble(), 1e-12);
    JsonNode share = v2x.get("metrics").get("collisions").get("seedsWithAny");
    assertEquals(2, share.get("seeds").asInt());
    assertEquals(10, share.get("n").asInt());
    assertEquals(0.056682, share.get("wilson95").get(0).asDouble(), 1e-12);
    assertEquals("wilson", v2x.get("metrics").get("collisions").get("interval").asText());
    assertEquals("count", v2x.get("metrics").get("collisions").get("kind").asText());
    JsonNode diff = root.get("differences").get("v2x").get("collisions");
    assertEquals(-0.7, diff.get("meanDiff").asDouble(), 1e-12);
    assertEquals(-1.0, diff.get("estimate").asDouble(), 1e-12);
    assertEquals("[-1,-0.5]", diff.get("ci95").toString());
    assertEquals("0.0273438", diff.get("pWilcoxon").asText());
    assertEquals("0.0273438", diff.get("pHolm").asText());
    assertTrue(diff.get("significant").asBoolean());
    assertTrue(diff.get("significantHolm").asBoolean());
    assertEquals("wilcoxon-signed-rank", root.get("significance").get("test").asText());
    assertEquals("hodges-lehmann", root.get("significance").get("interval").asText());
    assertFalse(root.get("differences").has("vehicle-only"));

    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    RunInfo info = new RunInfo("crossing", "x.yaml", List.of(1L), 1, java.time.Instant.EPOCH, 1, 1, 1, "t",
        List.of());
    new ReportWriter(a).write(summary(), results(), info);
    new ReportWriter(b).write(summary(), results(), info);
    for (String f : List.of("summary.json", "trips.csv", "arms.csv", "comparison.csv", "conflicts.csv")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    try (Stream<Path> files = Files.list(a)) {
      assertEquals(List.of("arms.csv", "comparison.csv", "conflicts.csv", "run-info.json", "summary.json",
          "trips.csv"), files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void csvFilesHaveTheirDocumentedColumns() throws IOException {
    ArmsSummary s = summary();
    StringWriter arms = new StringWriter();
    ArmsCsv.writeArms(arms, ARMS, results());
    List<String> rows = arms.toString().lines().toList();
    assertEquals("arm,seed,metric,value", rows.get(0));
    assertEquals("vehicle-only,1,collisions,1", rows.get(1));
    assertEquals("vehicle-only,1,minTtc,0.8", rows.get(2));
    assertEquals(1 + 3 * 10 * 3, rows.size());
    assertTrue(rows.contains("v2x-lossy,3,minTtc,"), "NaN is an empty field");

    StringWriter comparison = new StringWriter();
    ArmsCsv.writeComparison(comparison, s.differences());
    List<String> c = comparison.toString().lines().toList();
    assertEquals("metric,arm,baselineArm,meanDiff,ciLow,ciHigh,pPaired,pWilcoxon,significant,n,estimate,pHolm,"
        + "significantHolm", c.get(0));
    assertEquals("collisions,v2x,vehicle-only,-0.7,-1,-0.5,0.00132295,0.0273438,true,10,-1,0.0273438,true",
        c.get(1));
    assertEquals("constant,v2x,vehicle-only,0,0,0,,1,false,10,0,1,false", c.get(3));
    // Three pairs: no 95% interval, written as infinite bounds.
    StringWriter few = new StringWriter();
    ArmsCsv.writeComparison(few, List.of(Comparisons.compare("m", "b", "a", List.of(2.0, 3.0, 4.0),
        List.of(1.0, 2.0, 3.0))));
    assertEquals("m,b,a,1,-inf,inf,,0.25,false,3,1,0.25,false", few.toString().lines().toList().get(1));
  }

  @Test
  void conflictsAreMatchedAcrossArmsBySeedPairAndTime() throws IOException {
    ConflictRecord carPed = conflict(ConflictKind.TTC, 12.0, "car.3", "ped.1", 0.9);
    ConflictRecord carPedLater = conflict(ConflictKind.TTC, 13.5, "ped.1", "car.3", 1.3); // same, reversed names
    ConflictRecord carPedPet = conflict(ConflictKind.PET, 14.0, "car.3", "ped.1", 0.4);
    ConflictRecord farLater = conflict(ConflictKind.TTC, 40.0, "car.3", "ped.1", 1.1); // another encounter
    ConflictRecord cars = conflict(ConflictKind.TTC, 20.0, "car.1", "car.2", 1.2);
    List<List<List<ConflictRecord>>> byArm = List.of(
        List.of(List.of(carPed, cars), List.of(carPed)),
        List.of(List.of(carPedLater, carPedPet, farLater), List.of()));
    List<MatchedConflict> m = ConflictMatcher.match(List.of(5L, 6L), byArm);
    assertEquals(4, m.size(), m::toString);
    MatchedConflict first = m.get(0);
    assertEquals(5L, first.seed());
    assertEquals(12.0, first.time());
    assertEquals(List.of(0.9, 1.3), first.ttc());
    assertTrue(Double.isNaN(first.pet().get(0)));
    assertEquals(0.4, first.pet().get(1));
    assertEquals("car.1", m.get(1).first()); // by time: 20 s
    assertTrue(m.get(1).in(0) && !m.get(1).in(1), "only the first arm had the car-car conflict");
    assertEquals(40.0, m.get(2).time());
    assertTrue(!m.get(2).in(0) && m.get(2).in(1));
    assertEquals(6L, m.get(3).seed());

    StringWriter csv = new StringWriter();
    ArmsCsv.writeConflicts(csv, List.of("vehicle-only", "v2x"), m);
    List<String> rows = csv.toString().lines().toList();
    assertEquals("seed,time,x,y,first,second,firstClass,secondClass,ttc_vehicle-only,pet_vehicle-only,ttc_v2x,"
        + "pet_v2x,inArms", rows.get(0));
    assertEquals("5,12.000,10.000,-2.000,car.3,ped.1,CAR,PEDESTRIAN,0.900,,1.300,0.400,vehicle-only;v2x",
        rows.get(1));
    assertEquals("5,20.000,10.000,-2.000,car.1,car.2,CAR,PEDESTRIAN,1.200,,,,vehicle-only", rows.get(2));
    assertEquals("6,12.000,10.000,-2.000,car.3,ped.1,CAR,PEDESTRIAN,0.900,,,,vehicle-only", rows.get(4));
  }

  private static ConflictRecord conflict(ConflictKind kind, double time, String first, String second,
      double value) {
    return new ConflictRecord(kind, time, 10, -2, first.hashCode(), second.hashCode(), first, second, "CAR",
        "PEDESTRIAN", value);
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void singleArmSummaryKeepsItsLayout() {
    // The single-arm file is rendered from the same pieces: identical to rendering its own summary.
    ExperimentSummary one = Summarizer.summarize("tiny", "", 120, 0.05, 0, SummaryJsonTest.results());
    String text = SummaryJson.render(one);
    assertTrue(text.startsWith("{\n  \"scenario\": \"tiny\""));
    assertFalse(text.contains("\"arms\""));
    assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }
}
