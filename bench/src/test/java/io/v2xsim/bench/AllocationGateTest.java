package io.v2xsim.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationGateTest {
  static Report.Row row(String bench, String unit, double score, double alloc, String... kv) {
    Map<String, String> p = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      p.put(kv[i], kv[i + 1]);
    }
    return new Report.Row(bench, p, "avgt", score, 0, unit, alloc, alloc, Double.NaN, Double.NaN, Double.NaN);
  }

  @Test
  void jmhBackgroundPassesButPerObjectAllocationFails() {
    // Measured background on allocation-free code: 1.1 B/op at 190 us/op, 4.2 B/op at 730 us/op.
    assertFalse(AllocationGate.allocates(row("FusionBenchmark.fuse", "us/op", 190, 1.1, "impl", "ours")));
    assertFalse(AllocationGate.allocates(row("FusionBenchmark.fuse", "us/op", 730, 4.2, "impl", "ours")));
    // One 16-byte object per tracked object at 200 objects.
    assertTrue(AllocationGate.allocates(row("FusionBenchmark.fuse", "us/op", 190, 3200, "impl", "ours")));
    // A single 24-byte object per 100 us step is above the noise floor too.
    assertTrue(AllocationGate.allocates(row("FusionBenchmark.fuse", "us/op", 100, 24, "impl", "ours")));
    // Without -prof gc there is no figure, which must not pass.
    assertTrue(AllocationGate.allocates(row("FusionBenchmark.fuse", "us/op", 100, Double.NaN, "impl", "ours")));
  }

  @Test
  void aOneOffGrowthInOneIterationIsNotSteadyStateAllocation() {
    // Mean 15.8 B/op because one of three iterations held a 120 KB array growth; the others were clean.
    Report.Row oneOff = new Report.Row("TickBenchmark.tick", Map.of("scene", "traffic-10x10"), "avgt", 217, 0,
        "us/op", 15.8, 0.4, Double.NaN, Double.NaN, Double.NaN);
    assertFalse(AllocationGate.allocates(oneOff));
    // Allocation in every iteration moves the median too.
    Report.Row steady = new Report.Row("TickBenchmark.tick", Map.of("scene", "traffic-10x10"), "avgt", 217, 0,
        "us/op", 15.8, 15.1, Double.NaN, Double.NaN, Double.NaN);
    assertTrue(AllocationGate.allocates(steady));
  }

  @Test
  void theCityTickHasABudgetThatAPerVehicleObjectWouldBreak() {
    Report.Row city = row("CityTickBenchmark.tick", "ms/op", 8.4, 3550, "pipeline", "full", "vehicles", "1000");
    assertTrue(AllocationGate.gated(city));
    assertFalse(AllocationGate.allocates(city));
    // Within the budget is not the same as allocating nothing: the targets table says no for it.
    assertFalse(AllocationGate.allocationFree(city));
    assertTrue(AllocationGate.allocationFree(row("CityTickBenchmark.tick", "ms/op", 8.4, 40, "pipeline", "full",
        "vehicles", "1000")));
    // One 16-byte object per vehicle on the road.
    assertTrue(AllocationGate.allocates(row("CityTickBenchmark.tick", "ms/op", 8.4, 3550 + 16 * 1000, "pipeline",
        "full", "vehicles", "1000")));
    // The traffic-only baseline of the city is reported, not gated.
    assertFalse(AllocationGate.gated(row("CityTickBenchmark.tick", "us/op", 860, 157, "pipeline", "traffic",
        "vehicles", "1000")));
  }

  @Test
  void gatesOurFusionStepAndTheTrafficTickOnly() {
    Report.Row ref = row("FusionBenchmark.fuse", "ms/op", 4, 900_000, "impl", "reference");
    Report.Row ours = row("FusionBenchmark.fuse", "us/op", 90, 0.5, "impl", "ours");
    Report.Row tick = row("TickBenchmark.tick", "us/op", 600, 2, "scene", "traffic-10x10");
    AllocationGate.Verdict v = AllocationGate.checkRows(List.of(ref, ours, tick));
    assertTrue(v.passed(), v.report());
    Report.Row badTick = row("TickBenchmark.tick", "us/op", 600, 5000, "scene", "traffic-10x10");
    assertFalse(AllocationGate.checkRows(List.of(ref, ours, badTick)).passed());
    // Nothing gated ran: a broken suite must not pass silently.
    assertFalse(AllocationGate.checkRows(List.of(ref)).passed());
  }

  @Test
  void ratiosPairOursWithTheBaselineOfTheSameSize() {
    Report.Row ours50 = row("FusionBenchmark.fuse", "us/op", 40, 0, "objects", "50", "impl", "ours");
    Report.Row ours200 = row("FusionBenchmark.fuse", "us/op", 90, 0, "objects", "200", "impl", "ours");
    Report.Row ref50 = row("FusionBenchmark.fuse", "us/op", 900, 0, "objects", "50", "impl", "reference");
    Report.Row ref200 = row("FusionBenchmark.fuse", "ms/op", 4.5, 0, "objects", "200", "impl", "reference");
    List<Report.Row> rows = List.of(ours50, ref50, ours200, ref200);
    assertSame(ref200, Report.baselineOf(ours200, rows));
    assertSame(ref50, Report.baselineOf(ours50, rows));
    assertNull(Report.baselineOf(ours50, List.of(ours50, ref200)));
    assertTrue(Math.abs(ref200.micros() / ours200.micros() - 50) < 1e-9); // units are normalised
  }
}
