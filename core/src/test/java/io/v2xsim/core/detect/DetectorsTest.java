package io.v2xsim.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorFailureSpec;
import io.v2xsim.core.spec.ScenarioSpec.DetectorsSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import io.v2xsim.core.spec.ScenarioSpec.FlowSpec;
import io.v2xsim.core.spec.ScenarioSpec.GeneratorSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalDefaultsSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loop and lane-area detectors against what the vehicles actually did. */
class DetectorsTest {
  private static final String IN = "B_W0-J0_0";
  private static final String OUT = "J0_0-B_E0";

  /** A crossroads with fixed-time signals and one flow, west to east, and the given detector settings. */
  private static CompiledScenario scenario(double rate, double duration, double dt, DetectorsSpec det) {
    return ScenarioCompiler.compile(new ScenarioSpec("detectors", "test",
        new NetworkSpec(new GeneratorSpec("single-intersection", null, null, null, null, 200.0, 2, null, null, true),
            null, null),
        null, new DemandSpec(List.of(new FlowSpec("we", IN, OUT, null, rate, null, null, null, null)), null, null),
        new SignalsSpec(new SignalDefaultsSpec("fixed-time", 25.0, 3.0, 2.0, null, null), null, det),
        new ExperimentSpec(duration, dt, 1, 1L, 0.0), null));
  }

  private static DetectorsSpec layout(List<DetectorFailureSpec> failures) {
    return new DetectorsSpec(null, null, null, null, null, null, null, failures);
  }

  private static long sumCounts(Detectors d, Road r, DetectorKind k) {
    long c = 0;
    for (Lane l : r.lanes()) {
      c += d.count(d.detector(l.index(), k));
    }
    return c;
  }

  @Test
  void stopBarCountsEqualVehiclesThatCrossedTheStopLine() {
    for (double dt : new double[] {0.05, 1.0}) { // at 1 s vehicles jump over a 2 m loop within one step
      CompiledScenario s = scenario(900, 600, dt, layout(null));
      Engine e = new Engine(s.model(), 7);
      long ticks = Math.round(s.duration() / dt);
      for (long k = 0; k < ticks; k++) {
        e.step();
      }
      RunResult r = e.result();
      RoadNetwork net = s.model().network();
      Road in = net.road(IN);
      Road out = net.road(OUT);
      long arrived = r.trips().stream().filter(t -> !Double.isNaN(t.arrival())).count();
      long beyondLine = arrived;
      Junction j = net.junction("J0_0");
      for (Connector c : j.connectors()) {
        beyondLine += e.positionsOn(c).size();
      }
      for (Lane l : out.lanes()) {
        beyondLine += e.positionsOn(l).size();
      }
      Detectors d = e.detectors();
      assertTrue(arrived > 100, "traffic flowed: " + arrived);
      long onLoop = 0; // counted on entering the loop, not yet across the line
      for (Lane l : in.lanes()) {
        onLoop += e.positionsOn(l).stream().filter(v -> v[1] > l.length() - 2).count();
      }
      assertEquals(beyondLine + onLoop, sumCounts(d, in, DetectorKind.STOP_BAR), "dt " + dt);
      long onApproach = 0;
      for (Lane l : in.lanes()) {
        for (double[] v : e.positionsOn(l)) {
          if (v[1] > in.length() - 42) { // the advance loop spans 42 to 40 m before the line
            onApproach++;
          }
        }
      }
      long advance = sumCounts(d, in, DetectorKind.ADVANCE);
      // a vehicle changing lanes over a loop actuates the loop of its new lane too, as on a real road
      double laneChanges = r.metric("laneChanges");
      assertTrue(advance >= beyondLine + onLoop && advance <= beyondLine + onApproach + laneChanges,
          "advance loop counts the crossed ones plus those between it and the line: " + advance + " vs " + beyondLine
              + " + " + onLoop + " .. " + onApproach + " + " + laneChanges + " at dt " + dt);
      long onOut = 0;
      for (Lane l : out.lanes()) {
        onOut += e.positionsOn(l).size();
      }
      // a lane change inside an exit zone is a new vehicle for the zone of the other lane, as for a camera
      assertTrue(sumCounts(d, out, DetectorKind.EXIT) >= arrived + onOut, "exit zones saw every vehicle that left");
      for (int k = 0; k < d.size(); k++) {
        double occ = d.occupiedSeconds(k) / s.duration();
        assertTrue(occ >= 0 && occ <= 1, d.name(k) + " occupancy " + occ);
      }
      int stop0 = d.detector(in.lanes().get(0).index(), DetectorKind.STOP_BAR);
      double occ = d.occupiedSeconds(stop0) / s.duration();
      assertTrue(occ > 0.05 && occ < 0.9, "a loop at a stop line under 450 veh/h per lane is occupied part-time: " + occ);
    }
  }

  @Test
  void queueZonesCountVehiclesAndHaltingOnes() {
    CompiledScenario s = scenario(1200, 300, 0.1, layout(null));
    Engine e = new Engine(s.model(), 3);
    Road in = s.model().network().road(IN);
    boolean sawQueue = false;
    for (int k = 0; k < 3000; k++) {
      e.step();
      Detectors d = e.detectors();
      for (Lane l : in.lanes()) {
        int q = d.detector(l.index(), DetectorKind.QUEUE);
        long inZone = e.positionsOn(l).stream().filter(v -> v[1] > l.length() - 150).count();
        long halted = e.positionsOn(l).stream()
            .filter(v -> v[1] > l.length() - 150 && v[2] < DetectorLayout.SUMO_HALTING_SPEED).count();
        // the zone sees any part of a vehicle: one whose front has not reached it yet may overlap it
        assertTrue(d.vehicles(q) >= inZone && d.vehicles(q) <= inZone + 1, "t=" + e.time());
        assertTrue(d.halting(q) >= halted && d.halting(q) <= halted + 1, "t=" + e.time());
        sawQueue |= d.halting(q) >= 3;
      }
    }
    assertTrue(sawQueue, "red phases built queues");
  }

  @Test
  void stuckOffAndStuckOnLoopsMisreportOnlyInTheirWindow() {
    String lane = IN + "_0";
    CompiledScenario s = scenario(900, 500, 0.1, layout(List.of(
        new DetectorFailureSpec("stuck-off", "stop-bar", lane, null, 100.0, 200.0),
        new DetectorFailureSpec("stuck-on", "advance", lane, null, 250.0, 350.0))));
    Engine e = new Engine(s.model(), 5);
    Lane l = s.model().network().road(IN).lanes().get(0);
    Detectors d = e.detectors();
    int stop = d.detector(l.index(), DetectorKind.STOP_BAR);
    int adv = d.detector(l.index(), DetectorKind.ADVANCE);
    assertEquals(FailureMode.STUCK_OFF, d.failure(stop));
    assertEquals(FailureMode.STUCK_ON, d.failure(adv));
    long stopAt100 = 0;
    long advAt250 = 0;
    double occAt250 = 0;
    double occAt350 = 0;
    for (int k = 0; k < 5000; k++) {
      e.step();
      double t = e.time(); // readings are for the end of the tick just done
      if (t > 100 + 1e-9 && t < 200 - 1e-9) {
        assertFalse(d.occupied(stop));
        assertEquals(stopAt100, d.count(stop), "no counts while stuck off");
      } else if (t <= 100 + 1e-9) {
        stopAt100 = d.count(stop);
      }
      if (t > 250 + 1e-9 && t < 350 - 1e-9) {
        assertTrue(d.occupied(adv));
        assertEquals(0, d.gap(adv, t));
        assertEquals(advAt250, d.count(adv), "no new counts while stuck on");
      } else if (t <= 250 + 1e-9) {
        advAt250 = d.count(adv);
        occAt250 = d.occupiedSeconds(adv);
      }
      if (Math.abs(t - 350) < 1e-6) {
        occAt350 = d.occupiedSeconds(adv);
      }
    }
    assertEquals(100, occAt350 - occAt250, 0.11, "occupied throughout the 100 s stuck on");
    double after = (d.occupiedSeconds(adv) - occAt350) / 150;
    assertTrue(after > 0 && after < 0.5, "part-time again after the window: " + after);
    assertTrue(d.count(stop) > stopAt100, "counts again after the window");
    assertTrue(d.count(adv) > advAt250, "counts again after the window");
  }

  @Test
  void randomFailuresAreDrawnPerDetectorFromTheSeed() {
    CompiledScenario s = scenario(300, 10, 0.1, layout(List.of(
        new DetectorFailureSpec("stuck-off", null, null, 0.5, null, null))));
    List<FailureMode> a = modes(new Engine(s.model(), 1).detectors());
    assertEquals(a, modes(new Engine(s.model(), 1).detectors()));
    assertNotEquals(a, modes(new Engine(s.model(), 2).detectors()));
    long failed = a.stream().filter(m -> m == FailureMode.STUCK_OFF).count();
    assertTrue(failed > a.size() / 5 && failed < a.size() * 4 / 5, failed + " of " + a.size());
  }

  private static List<FailureMode> modes(Detectors d) {
    List<FailureMode> l = new ArrayList<>();
    for (int k = 0; k < d.size(); k++) {
      l.add(d.failure(k));
    }
    return l;
  }
}
