package io.v2xsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A driver's go/stop decisions for yellows further on: past clustered junctions two can be in view at once, and
 * each keeps its own (with one slot they overwrote each other and were judged anew every tick).
 */
class YellowDecisionsTest {
  @Test
  void twoYellowLinesAheadKeepTheirOwnDecisions() {
    Vehicle v = new Vehicle();
    v.decideYellow(7, true);
    v.decideYellow(9, false);
    assertEquals(1, v.yellowDecision(7));
    assertEquals(0, v.yellowDecision(9));
    assertEquals(-1, v.yellowDecision(8));
    v.forgetYellow(7);
    assertEquals(-1, v.yellowDecision(7));
    assertEquals(0, v.yellowDecision(9));
  }

  @Test
  void aDecisionTakenAgainReplacesTheOldOneAndTheOldestGoesWhenFull() {
    Vehicle v = new Vehicle();
    v.decideYellow(1, false);
    v.decideYellow(1, true);
    assertEquals(1, v.yellowDecision(1));
    for (int c = 2; c <= 5; c++) {
      v.decideYellow(c, false);
    }
    assertEquals(0, v.yellowDecision(5));
    assertEquals(0, v.yellowDecision(2));
    assertEquals(-1, v.yellowDecision(1), "the oldest of five is forgotten");
  }
}
