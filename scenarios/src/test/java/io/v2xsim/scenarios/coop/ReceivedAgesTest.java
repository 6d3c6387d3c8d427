package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ages of received objects: stages, budgets and a percentile over every sample. */
class ReceivedAgesTest {
  @Test
  void budgetsAreTheThreeGppFigures() {
    assertEquals(0.100, LatencyBudget.SENSOR_SHARING_LOWER_AUTOMATION.seconds);
    assertEquals(0.010, LatencyBudget.SENSOR_SHARING_HIGHER_AUTOMATION.seconds);
  }

  @Test
  void stagesAddUpAndTheTransferIsComparedWithEachBudget() {
    ReceivedAges a = new ReceivedAges();
    assertTrue(Double.isNaN(a.mean()));
    assertTrue(Double.isNaN(a.overBudget(LatencyBudget.SENSOR_SHARING_LOWER_AUTOMATION)));
    // Measured at 0, generated at 0.1, delivered at 0.13, decided at 0.4: sensing+fusion 0.1, channel 0.03,
    // waiting 0.27. A second object: 0.1, channel 0.12, age 0.5, waiting 0.28. A third: channel 0.005.
    a.record(0.4, 0.1, 0.03);
    a.record(0.5, 0.1, 0.12);
    a.record(0.2, 0.15, 0.005);
    assertEquals(1.1 / 3, a.mean(), 1e-12);
    assertEquals(0.35 / 3, a.meanSensingFusion(), 1e-12);
    assertEquals(0.155 / 3, a.meanChannel(), 1e-12);
    assertEquals((0.27 + 0.28 + 0.045) / 3, a.meanWaiting(), 1e-12);
    // Transfer over 100 ms: only the second; over 10 ms: the first two. Neither depends on the age before
    // generation, which alone (0.1 s of RSU sensing and fusion) put every object over 100 ms before.
    assertEquals(1.0 / 3, a.overBudget(LatencyBudget.SENSOR_SHARING_LOWER_AUTOMATION), 1e-12);
    assertEquals(2.0 / 3, a.overBudget(LatencyBudget.SENSOR_SHARING_HIGHER_AUTOMATION), 1e-12);
  }

  @Test
  void percentileUsesEverySampleNotTheFirstTwoHundredThousand() {
    // 200,000 fresh objects (50 ms), then 100,000 stale ones (200 ms): the 95th percentile (rank 285,000) is
    // 200 ms. Keeping only the first 200,000 samples gave 50 ms.
    ReceivedAges a = new ReceivedAges();
    for (int i = 0; i < 200_000; i++) {
      a.record(0.05, 0.02, 0.01);
    }
    for (int i = 0; i < 100_000; i++) {
      a.record(0.2, 0.02, 0.01);
    }
    assertEquals(300_000, a.count());
    assertEquals(0.2, a.percentile(0.95), 0.2 * 0.0625);
    assertEquals(0.05, a.percentile(0.5), 0.05 * 0.0625);
  }
}
