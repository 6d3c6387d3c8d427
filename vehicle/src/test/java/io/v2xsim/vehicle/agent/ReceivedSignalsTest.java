package io.v2xsim.vehicle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Surroundings;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.wire.FrameReader;
import io.v2xsim.core.wire.FrameView;
import io.v2xsim.core.wire.FrameWriter;
import org.junit.jupiter.api.Test;

/** SPaT as the agent keeps it: read from real frame bytes, the freshest station wins, stale states are unknown. */
class ReceivedSignalsTest {
  private static FrameView spat(long station, String junction, String from, String to, int wireState) {
    FrameWriter w = new FrameWriter();
    w.header(1, station, 1_000_000, 1);
    w.beginSpat(junction);
    w.movement("other", "road", 1, 0, 0);
    w.movement(from, to, wireState, 0, 0);
    w.endSpat();
    FrameView v = new FrameView();
    byte[] bytes = w.toByteArray();
    assertTrue(new FrameReader().read(bytes, 0, bytes.length, v));
    return v;
  }

  @Test
  void aMovementsStateIsReadBackByItsRoadIds() {
    ReceivedSignals r = new ReceivedSignals();
    r.onFrame(spat(3, "J", "S-J", "J-N", 3), 10.0);
    assertEquals(SignalColor.GREEN, r.state("J", "S-J", "J-N", 10.1));
    assertEquals(SignalColor.RED, r.state("J", "other", "road", 10.1));
    assertEquals(Surroundings.SIGNAL_UNKNOWN, r.state("J", "S-J", "J-E", 10.1), "a movement not sent");
    assertEquals(Surroundings.SIGNAL_UNKNOWN, r.state("K", "S-J", "J-N", 10.1), "another junction");
  }

  @Test
  void aStateOlderThanItsAgeLimitIsUnknown() {
    ReceivedSignals r = new ReceivedSignals();
    r.onFrame(spat(3, "J", "a", "b", 2), 10.0);
    assertEquals(SignalColor.YELLOW, r.state("J", "a", "b", 10.0 + ReceivedSignals.MAX_AGE));
    assertEquals(Surroundings.SIGNAL_UNKNOWN, r.state("J", "a", "b", 10.0 + ReceivedSignals.MAX_AGE + 0.01));
  }

  @Test
  void theLatestFrameOfAStationReplacesItsEarlierOneAndTheFreshestStationWins() {
    ReceivedSignals r = new ReceivedSignals();
    r.onFrame(spat(3, "J", "a", "b", 3), 10.0);
    r.onFrame(spat(3, "J", "a", "b", 2), 10.1);
    assertEquals(SignalColor.YELLOW, r.state("J", "a", "b", 10.2));
    r.onFrame(spat(4, "J", "a", "b", 1), 10.15); // a second RSU at the same junction, later
    assertEquals(SignalColor.RED, r.state("J", "a", "b", 10.2));
  }

  @Test
  void idsOutsideAsciiCompareByTheirUtf8Bytes() {
    ReceivedSignals r = new ReceivedSignals();
    r.onFrame(spat(9, "Ngã tư 😀", "đường-1", "路-2", 4), 5.0);
    assertEquals(SignalColor.PERMISSIVE, r.state("Ngã tư 😀", "đường-1", "路-2", 5.0));
    assertEquals(Surroundings.SIGNAL_UNKNOWN, r.state("Nga tu 😀", "đường-1", "路-2", 5.0));
    byte[] b = "路-2".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(Utf8.equals(b, 0, b.length, "路-2"));
    assertFalse(Utf8.equals(b, 0, b.length - 1, "路-2"), "a prefix is not the string");
    assertFalse(Utf8.equals(b, 0, b.length, "路-"), "nor is the string a prefix");
  }

  @Test
  void stopThenProceedIsReadBackAsStop() {
    ReceivedSignals r = new ReceivedSignals();
    r.onFrame(spat(2, "J", "a", "b", 5), 1.0); // SIGNAL_STATE_STOP_THEN_PROCEED: a right turn on red
    assertEquals(SignalColor.STOP, r.state("J", "a", "b", 1.0));
    assertFalse(SignalColor.isGreen(ReceivedSignals.color(5)), "an agent must halt first: not a green");
  }

  @Test
  void unspecifiedOrUnknownWireStatesAreUnknown() {
    assertEquals(Surroundings.SIGNAL_UNKNOWN, ReceivedSignals.color(0));
    assertEquals(Surroundings.SIGNAL_UNKNOWN, ReceivedSignals.color(99));
    ReceivedSignals r = new ReceivedSignals();
    r.onFrame(spat(1, "J", "a", "b", 0), 1.0);
    assertEquals(Surroundings.SIGNAL_UNKNOWN, r.state("J", "a", "b", 1.0));
  }

  @Test
  void manyStationsAndLongIdsGrowTheTables() {
    ReceivedSignals r = new ReceivedSignals();
    String longId = "x".repeat(300);
    for (int s = 0; s < 9; s++) {
      r.onFrame(spat(s, "J" + s, longId, "b", 3), 1.0);
    }
    for (int s = 0; s < 9; s++) {
      assertEquals(SignalColor.GREEN, r.state("J" + s, longId, "b", 1.0));
    }
  }
}
