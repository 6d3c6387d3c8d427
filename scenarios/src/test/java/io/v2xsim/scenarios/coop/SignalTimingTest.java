package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import io.v2xsim.wire.v1.MovementState;
import io.v2xsim.wire.v1.PerceptionFrame;
import io.v2xsim.wire.v1.SignalState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An RSU at a signalized junction puts that junction's signal states into its frames. */
class SignalTimingTest {
  @Test
  void frameCarriesTheStateOfEveryMovement() {
    Path file = Path.of(System.getProperty("v2xsim.catalog", "catalog")).resolve("single-intersection.yaml");
    ScenarioLoader loader = new ScenarioLoader();
    CompiledScenario s = loader.compile(loader.read(file), SpecOverrides.NONE);
    Engine e = new Engine(s.model(), 1);
    Junction j = s.model().network().junctions().stream().filter(x -> x.kind() == JunctionKind.SIGNALIZED)
        .findFirst().orElseThrow();
    boolean sawGreen = false;
    boolean sawRed = false;
    for (int t = 0; t < 1200; t++) {
      e.step();
      PerceptionFrame.Builder f = PerceptionFrame.newBuilder();
      assertTrue(ArmRun.addSignalTiming(e, j.x() + 10, j.y() + 10, f));
      io.v2xsim.core.wire.FrameWriter w = new io.v2xsim.core.wire.FrameWriter();
      assertTrue(ArmRun.addSignalTiming(e, j.x() + 10, j.y() + 10, w));
      org.junit.jupiter.api.Assertions.assertArrayEquals(f.build().toByteArray(), w.toByteArray(),
          "the frame path's encoding equals protobuf's");
      assertEquals(j.id(), f.getSpat().getJunctionId());
      assertEquals(j.movements().size(), f.getSpat().getMovementsCount());
      for (int m = 0; m < j.movements().size(); m++) {
        MovementState ms = f.getSpat().getMovements(m);
        assertEquals(j.movements().get(m).from().id(), ms.getFromRoad());
        byte state = e.signalState(j, m);
        SignalState expected = state == SignalColor.RED ? SignalState.SIGNAL_STATE_RED
            : state == SignalColor.YELLOW ? SignalState.SIGNAL_STATE_YELLOW
            : state == SignalColor.GREEN ? SignalState.SIGNAL_STATE_GREEN_PROTECTED
            : SignalState.SIGNAL_STATE_GREEN_PERMISSIVE;
        assertEquals(expected, ms.getState());
        sawGreen |= state == SignalColor.GREEN;
        sawRed |= state == SignalColor.RED;
      }
    }
    assertTrue(sawGreen && sawRed, "the plan cycled");
    assertFalse(ArmRun.addSignalTiming(e, j.x() + 500, j.y() + 500, PerceptionFrame.newBuilder()),
        "an RSU far from any signal sends no SPaT");
    io.v2xsim.core.wire.FrameWriter w = new io.v2xsim.core.wire.FrameWriter();
    assertFalse(ArmRun.addSignalTiming(e, j.x() + 500, j.y() + 500, w));
    assertEquals(0, w.length());
  }
}
