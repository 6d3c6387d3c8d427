package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SeedRangesTest {
  @Test
  void consecutiveSeedsAreARange() {
    assertEquals("seeds 1-30", SeedRanges.describe(LongStream.rangeClosed(1, 30).boxed().toList()));
    assertEquals("seed 7", SeedRanges.describe(List.of(7L)));
    assertEquals("seeds 1-3, 5, 9-12", SeedRanges.describe(List.of(1L, 2L, 3L, 5L, 9L, 10L, 11L, 12L)));
  }

  @Test
  void manyRangesAreShortenedNeverListed() {
    List<Long> odd = LongStream.range(0, 50_000).map(i -> 2 * i + 1).boxed().toList();
    assertEquals("seeds 1, 3, 5, 7, 9, ..., 99999", SeedRanges.describe(odd));
    assertEquals("seeds 1-100000", SeedRanges.describe(LongStream.rangeClosed(1, 100_000).boxed().toList()));
  }
}
