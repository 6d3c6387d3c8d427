package io.v2xsim.roadside.unit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SentObjectsTest {
  /**
   * A frame selects its tracks first and writes them after. The table used to lose those selections when a new
   * track made it grow in between, so the tracks selected before the growth were left out of the frame.
   */
  @Test
  void selectionsSurviveTheTableGrowing() {
    SentObjects sent = new SentObjects();
    int tracks = 1000; // far past any initial capacity
    for (int id = 1; id <= tracks; id++) {
      assertTrue(sent.shouldSend(id, id, 0, 1, 0, 0.0), "a new track is always sent");
    }
    for (int id = 1; id <= tracks; id++) {
      assertTrue(sent.consumeSelected(id), "track " + id + " lost its selection");
      assertFalse(sent.consumeSelected(id), "a selection is consumed once");
      sent.markSent(id, id, 0, 1, 0, 0.0);
    }
  }

  @Test
  void unchangedTracksWaitForTheResendAgeAndOldOnesAreForgotten() {
    SentObjects sent = new SentObjects();
    for (int id = 1; id <= 100; id++) {
      sent.shouldSend(id, 0, id, 1, 0, 0.0);
      sent.consumeSelected(id);
      sent.markSent(id, 0, id, 1, 0, 0.0);
    }
    assertFalse(sent.shouldSend(7, 0.1, 7, 1, 0, 0.5), "unchanged and recent: not resent");
    assertTrue(sent.shouldSend(7, 0.1, 7, 1, 0, RoadsideUnit.RESEND_AGE + 0.01), "resent after the resend age");
    // Track 8 is seen again at t = 4 and sent; the others were last sent at 0 and are forgotten at cutoff 3.
    sent.shouldSend(8, 0, 8, 1, 0, 4.0);
    sent.consumeSelected(8);
    sent.markSent(8, 0, 8, 1, 0, 4.0);
    sent.forgetOlderThan(3.0);
    assertFalse(sent.shouldSend(8, 0, 8, 1, 0, 4.1), "kept: sent at 4, unchanged");
    assertTrue(sent.shouldSend(9, 0, 9, 1, 0, 4.1), "forgotten, so new again");
  }
}
