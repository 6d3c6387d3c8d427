package io.v2xsim.core.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared state machine, driven without an engine. */
class PhasedControllerTest {
  private static final byte G = SignalColor.GREEN;
  private static final byte P = SignalColor.PERMISSIVE;
  private static final byte R = SignalColor.RED;

  /** Movement 2 is green in both phases: it must stay green through the change. */
  private static final SignalPlan PLAN = new SignalPlan(0, 0, List.of(
      new Phase(20, 3, 2, new byte[] {G, R, G, P}),
      new Phase(15, 4, 1, new byte[] {R, G, G, R})));

  @Test
  void cyclicMachineMatchesTheFixedTimeClock() {
    FixedTimeController clock = new FixedTimeController(PLAN);
    CyclicController machine = new CyclicController(PLAN, new SignalInputs(null, null));
    byte[] a = new byte[4];
    byte[] b = new byte[4];
    for (int k = 0; k < 3000; k++) {
      double t = k * 0.1;
      clock.update(t, a);
      machine.update(t, b);
      assertArrayEquals(a, b, "t=" + t);
    }
  }

  @Test
  void movementsGreenInBothPhasesStayGreenAndOthersClear() {
    CyclicController m = new CyclicController(PLAN, new SignalInputs(null, null));
    byte[] s = new byte[4];
    m.update(0, s);
    assertArrayEquals(new byte[] {G, R, G, P}, s);
    m.update(20, s);
    assertArrayEquals(new byte[] {SignalColor.YELLOW, R, G, SignalColor.YELLOW}, s);
    assertEquals(3, m.secondsToNextChange(20), 1e-9);
    m.update(23, s);
    assertArrayEquals(new byte[] {R, R, G, R}, s);
    m.update(25, s);
    assertArrayEquals(new byte[] {R, G, G, R}, s);
  }

  @Test
  void priorityCutsGreenAfterMinGreenServesAndHoldsThenResumes() {
    int[] requested = {-1};
    SignalInputs in = new SignalInputs(null, null);
    in.setPriority(j -> requested[0]);
    SignalPlan plan = new SignalPlan(0, 0, List.of(
        new Phase(40, 3, 2, new byte[] {G, R}),
        new Phase(40, 3, 2, new byte[] {R, G})));
    CyclicController m = new CyclicController(plan, in);
    byte[] s = new byte[2];
    double t = 0;
    for (; t < 5; t += 0.5) {
      m.update(t, s);
    }
    requested[0] = 1; // at 5 s: min green (10 s) not over yet
    for (; t < 10 - 1e-9; t += 0.5) {
      m.update(t, s);
      assertEquals(G, s[0], "min green is kept at t=" + t);
    }
    m.update(t, s); // 10 s: cut
    assertEquals(SignalColor.YELLOW, s[0]);
    for (t += 0.5; t < 15 - 1e-9; t += 0.5) {
      m.update(t, s);
      assertEquals(R, s[1]);
    }
    for (; t < 100; t += 0.5) {
      m.update(t, s);
      assertEquals(G, s[1], "held while requested, far beyond the planned 40 s, t=" + t);
    }
    requested[0] = -1;
    m.update(t, s);
    assertEquals(SignalColor.YELLOW, s[1], "resumes the plan: the held green is over");
    assertTrue(t < 101);
  }

  @Test
  void aRequestDuringAChangeRedirectsItToTheRequestedPhase() {
    int[] requested = {-1};
    SignalInputs in = new SignalInputs(null, null);
    in.setPriority(j -> requested[0]);
    SignalPlan plan = new SignalPlan(0, 0, List.of(
        new Phase(20, 3, 2, new byte[] {G, R, R}),
        new Phase(20, 3, 2, new byte[] {R, G, R}),
        new Phase(20, 3, 2, new byte[] {R, R, G})));
    CyclicController m = new CyclicController(plan, in);
    byte[] s = new byte[3];
    for (double t = 0; t <= 21; t += 0.5) {
      m.update(t, s);
    }
    assertEquals(SignalColor.YELLOW, s[0], "changing from phase 0 to phase 1");
    requested[0] = 2;
    for (double t = 21.5; t < 25 - 1e-9; t += 0.5) {
      m.update(t, s);
      assertArrayEquals(new byte[] {t < 23 ? SignalColor.YELLOW : R, R, R}, s, "t=" + t);
    }
    m.update(25, s);
    assertArrayEquals(new byte[] {R, R, G}, s, "phase 2 follows the clearance, phase 1 is passed over");
  }
}
