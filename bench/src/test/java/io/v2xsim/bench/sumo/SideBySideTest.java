package io.v2xsim.bench.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side table: ratios are SUMO's time over ours, and a failed or missing SUMO is said so. */
class SideBySideTest {
  private static final V2xsimRun OURS = new V2xsimRun(8.0, 1.0, 5.0, 5001, 142.9, 0, 2, 7_140_071);

  @Test
  void ratiosAreSumosTimeOverOurs() {
    SideBySide.Pair p = new SideBySide.Pair("grid10", false,
        new SumoRun(40.0, 39.0, 5001, 5001, 157.5, 0, 0), null, OURS);
    assertEquals(5.0, p.wallRatio(), 1e-12);
    assertEquals(7.8, p.loopRatio(), 1e-12);
    String md = SideBySide.markdown(List.of(p), "heavy", 0.1, 2400, 1, true, true);
    assertTrue(md.contains("| grid10 | trips | 40.0 | 8.0 | 5.0x | 39.0 | 5.0 | 7.8x | 5001 / 5001 | 157.5 / 142.9"
        + " | 0 / 0 | 2 |"), md);
    assertTrue(md.contains("each pinned to one core"), md);
    assertTrue(md.contains("a trip every 0.36 s demand"), md);
  }

  @Test
  void aFailedSumoRunIsARowThatSaysSo() {
    SideBySide.Pair p = new SideBySide.Pair("spider", true, null, "exit 134: Assertion failed", OURS);
    assertTrue(Double.isNaN(p.wallRatio()));
    String md = SideBySide.markdown(List.of(p), "light", 0.1, 2400, 1, false, true);
    assertTrue(md.contains("| spider | trips + surrogate safety | failed (exit 134: Assertion failed) | 8.0 |"), md);
    assertTrue(md.contains("one after the other"), md);
    assertTrue(md.contains("a trip a second demand"), md);
  }

  @Test
  void withoutSumoOnlyOurFiguresAreGiven() {
    SideBySide.Pair p = new SideBySide.Pair("rand", false, null, null, OURS);
    String md = SideBySide.markdown(List.of(p), "heavy", 0.1, 2400, 1, false, false);
    assertTrue(md.contains("| rand | trips | - | 8.0 | - |"), md);
    assertTrue(md.contains("SUMO was not found"), md);
  }
}
