package io.v2xsim.core.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Webster re-plans a covering subset of phases when a plan serves movements in more than one phase. */
class WebsterCoveringTest {
  private static final byte G = SignalColor.GREEN;
  private static final byte R = SignalColor.RED;

  @Test
  void theEightPhaseLibSignalPlanKeepsTheFourPairedPhases() {
    // Movements: 0 W straight, 1 W left, 2 S straight, 3 S left, 4 E straight, 5 E left, 6 N straight, 7 N left.
    // LibSignal order: opposite straights WE, opposite straights SN, opposite lefts WE, opposite lefts SN, then
    // each approach's straight + left.
    byte[][] plan = {
        {G, R, R, R, G, R, R, R},
        {R, R, G, R, R, R, G, R},
        {R, G, R, R, R, G, R, R},
        {R, R, R, G, R, R, R, G},
        {G, G, R, R, R, R, R, R},
        {R, R, G, G, R, R, R, R},
        {R, R, R, R, G, G, R, R},
        {R, R, R, R, R, R, G, G}};
    assertArrayEquals(new boolean[] {true, true, true, true, false, false, false, false},
        WebsterController.covering(plan));
  }

  @Test
  void plansWithoutOverlapKeepEveryPhase() {
    byte[][] twoPhase = {{G, G, R, R}, {R, R, G, G}};
    assertArrayEquals(new boolean[] {true, true}, WebsterController.covering(twoPhase));
    byte[][] protectedLefts = {{G, R, R, R}, {R, G, R, R}, {R, R, G, R}, {R, R, R, G}};
    assertArrayEquals(new boolean[] {true, true, true, true}, WebsterController.covering(protectedLefts));
  }

  @Test
  void aPhaseThatServesEverythingAloneStillLeavesACycleOfTwo() {
    byte[][] plan = {{G, G}, {G, R}};
    assertArrayEquals(new boolean[] {true, true}, WebsterController.covering(plan));
  }
}
