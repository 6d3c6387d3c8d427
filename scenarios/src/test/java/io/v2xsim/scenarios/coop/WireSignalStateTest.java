package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.wire.v1.SignalState;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every colour a controller can show has its own wire value, so SPaT never turns one colour into another. */
class WireSignalStateTest {
  @Test
  void eachSignalColourMapsToItsOwnWireState() {
    byte[] colours = {SignalColor.RED, SignalColor.YELLOW, SignalColor.GREEN, SignalColor.PERMISSIVE,
        SignalColor.STOP};
    Set<SignalState> seen = new HashSet<>();
    for (byte c : colours) {
      SignalState s = ArmRun.wireState(c);
      assertNotEquals(SignalState.SIGNAL_STATE_UNSPECIFIED, s, "colour " + SignalColor.letter(c));
      seen.add(s);
    }
    assertEquals(colours.length, seen.size());
    assertEquals(SignalState.SIGNAL_STATE_STOP_THEN_PROCEED, ArmRun.wireState(SignalColor.STOP));
  }
}
