package io.v2xsim.core.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogHistogramTest {
  @Test
  void percentilesAreWithinBucketResolution() {
    LogHistogram h = new LogHistogram();
    for (long v = 1; v <= 100_000; v++) {
      h.record(v * 1000);
    }
    assertEquals(100_000, h.count());
    assertEquals(50_000_000, h.percentile(0.5), 50_000_000 * 0.0625);
    assertEquals(99_000_000, h.percentile(0.99), 99_000_000 * 0.0625);
    assertEquals(100_000_000, h.percentile(1.0), 100_000_000 * 0.0625);
    assertEquals(1000, h.min());
  }

  @Test
  void bucketsAreContiguous() {
    for (int i = 0; i < 959; i++) {
      long lo = LogHistogram.lowerBound(i);
      assertEquals(i, LogHistogram.index(lo));
      assertEquals(i, LogHistogram.index(LogHistogram.lowerBound(i + 1) - 1));
    }
  }
}
