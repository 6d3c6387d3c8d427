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
  void pairedStatisticsAgreeWithCommonsMath() {
    ArmsSummary s = summary();
    assertEquals(2 * 3, s.differences().size(), "each later arm against the first, every metric");
    PairedDifference d = difference(s, "v2x", "collisions");
    assertEquals("vehicle-only", d.baselineArm());
    double[] diffs = new double[10];
    for (int i = 0; i < 10; i++) {
      diffs[i] = COLLISIONS[1][i] - COLLISIONS[0][i];
    }
    assertEquals(Arrays.stream(diffs).boxed().toList(), d.perSeed());
    Stats expected = Stats.of(Arrays.stream(diffs).boxed().toList());
    assertEquals(expected, d.difference());
    assertEquals(new TTest().pairedTTest(COLLISIONS[1], COLLISIONS[0]), d.pPaired(), 1e-15);
    // The two zero differences are dropped before the signed-rank test.
    double[] x = new double[7];
    double[] y = new double[7];
    for (int i = 0, k = 0; i < 10; i++) {
      if (COLLISIONS[1][i] != COLLISIONS[0][i]) {
        x[k] = COLLISIONS[1][i];
        y[k++] = COLLISIONS[0][i];
      }
    }
    double wilcoxon = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, true);
    assertEquals(wilcoxon, d.pWilcoxon(), 1e-15);
    assertTrue(d.significant(), "7 of 7 non-zero differences negative: p = 2 / 2^7");
    assertEquals(2.0 / 128, d.pWilcoxon(), 1e-12);
  }

  @Test
  void undefinedValuesDropTheirPairAndDegenerateDifferencesGiveNoTest() {
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

    PairedDifference constant = difference(s, "v2x", "constant");
    assertEquals(0.0, constant.difference().mean());
    assertTrue(Double.isNaN(constant.pPaired()));
    assertTrue(Double.isNaN(constant.pWilcoxon()));
    assertFalse(constant.significant());

    // Every difference the same and non-zero: no t-test, but the signs alone are a Wilcoxon result.
    PairedDifference shift = Comparisons.compare("m", "b", "a", List.of(2.0, 3.0, 4.0), List.of(1.0, 2.0, 3.0));
    assertTrue(Double.isNaN(shift.pPaired()));
    assertEquals(0.25, shift.pWilcoxon(), 1e-12);
    assertFalse(shift.significant());
    // One pair, or none.
    PairedDifference one = Comparisons.compare("m", "b", "a", List.of(2.0, Double.NaN), List.of(1.0, 5.0));
    assertEquals(1, one.difference().n());
    assertTrue(Double.isNaN(one.pPaired()));
    PairedDifference none = Comparisons.compare("m", "b", "a", List.of(Double.NaN), List.of(Double.NaN));
    assertEquals(0, none.difference().n());
    assertTrue(Double.isNaN(none.pPaired()) && Double.isNaN(none.pWilcoxon()) && !none.significant());
  }

  @Test
  void tableHasAColumnPerArmThenTheDifferencesMarkedWhenSignificant() {
    String table = ArmsTable.render(summary());
    String[] lines = table.split("\n");
    assertEquals("crossing: 10 seeds [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 60 s each, warm-up 0 s, 3 arms", lines[0]);
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
    String collisions = lines[3];
    assertTrue(collisions.startsWith("collisions "), table);
    assertTrue(collisions.contains("-0.7000 [-1.046, -0.3544] *  -0.2000 [-0.5016, 0.1016]"),
        "v2x fewer collisions is significant, v2x-lossy not:\n" + table);
    assertTrue(lines[5].startsWith("constant") && !lines[5].contains("*"), table);
    // Each column starts at the same offset in every row.
    for (String c : columns.subList(1, columns.size())) {
      int at = header.indexOf(c);
      for (int r = 3; r <= 5; r++) {
        assertEquals(' ', lines[r].charAt(at - 1), "column " + c + " row\n" + lines[r] + "\n" + header);
      }
    }
    assertTrue(table.contains("* paired by seed, Wilcoxon signed-rank p < 0.05"), table);
    assertTrue(table.contains("collisions in all seeds: vehicle-only 0, v2x 0, v2x-lossy 0"), table);
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
    JsonNode diff = root.get("differences").get("v2x").get("collisions");
    assertEquals(-0.7, diff.get("meanDiff").asDouble(), 1e-12);
    assertTrue(diff.get("significant").asBoolean());
    assertEquals("wilcoxon-signed-rank", root.get("significance").get("test").asText());
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
    assertEquals("metric,arm,baselineArm,meanDiff,ciLow,ciHigh,pPaired,pWilcoxon,significant,n", c.get(0));
    assertTrue(c.get(1).startsWith("collisions,v2x,vehicle-only,-0.7,-1.045"), c.get(1));
    assertTrue(c.get(1).endsWith(",0.015625,true,10"), c.get(1));
    assertEquals("constant,v2x,vehicle-only,0,0,0,,,false,10", c.get(3));
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
