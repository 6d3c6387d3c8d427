package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricKindTest {
  @Test
  void kindFromUnitAndName() {
    assertEquals(MetricKind.COUNT, MetricKind.of("collisions", "1"));
    assertEquals(MetricKind.COUNT, MetricKind.of("conflictsTtc", "1"));
    assertEquals(MetricKind.PROPORTION, MetricKind.of("awarenessRatio", "1"));
    assertEquals(MetricKind.PROPORTION, MetricKind.of("e2eOverBudgetLowerAutomation", "1"));
    assertEquals(MetricKind.AT_MOST_ONE, MetricKind.of("trackMota", "1"));
    assertEquals(MetricKind.NONNEGATIVE, MetricKind.of("avgStops", "1"));
    assertEquals(MetricKind.NONNEGATIVE, MetricKind.of("minTtc", "s"));
    assertEquals(MetricKind.NONNEGATIVE, MetricKind.of("maxDrac", "m/s^2"));
    assertEquals(MetricKind.NONNEGATIVE, MetricKind.of("throughput", "veh/h"));
    assertEquals(MetricKind.UNBOUNDED, MetricKind.of("offset", "m/s^3"));
  }

  @Test
  void groupFromName() {
    assertEquals(MetricGroup.TRAFFIC, MetricGroup.of("avgTravelTime"));
    assertEquals(MetricGroup.SAFETY, MetricGroup.of("collisionsPedestrian"));
    assertEquals(MetricGroup.SAFETY, MetricGroup.of("minTtcEgoTrue"));
    assertEquals(MetricGroup.PERCEPTION, MetricGroup.of("trackOspa"));
    assertEquals(MetricGroup.LATENCY, MetricGroup.of("aoiChannel"));
    assertEquals(MetricGroup.OTHER, MetricGroup.of("somethingNew"));
  }
}
