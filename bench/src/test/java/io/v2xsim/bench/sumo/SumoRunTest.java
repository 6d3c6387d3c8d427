package io.v2xsim.bench.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SUMO 1.15's end-of-run report, as it printed it for the parity runs (docs/sumo-parity.md). */
class SumoRunTest {
  private static final String GRID = """
      Simulation version 1.15.0 started with time: 0.00.
      Simulation ended at time: 2400.00
      Reason: The final simulation step has been reached.
      Performance:\s
       Duration: 39.27s
       Real time factor: 61.1138
       UPS: 200557.790736
      Vehicles:\s
       Inserted: 5001
       Running: 0
       Waiting: 0
      Statistics (avg of 5001):
       RouteLength: 1674.69
       Speed: 10.89
       Duration: 157.49
       WaitingTime: 15.40
       TimeLoss: 33.86
       DepartDelay: 0.44
      """;

  @Test
  void readsLoopTimeVehiclesAndMeanTripDuration() {
    SumoRun r = SumoRun.parse(GRID, 40.1);
    assertEquals(40.1, r.wallSeconds());
    assertEquals(39.27, r.loopSeconds(), 1e-9);
    assertEquals(5001, r.inserted());
    assertEquals(5001, r.arrived());
    assertEquals(157.49, r.meanDuration(), 1e-9, "the trips' Duration, not the loop's");
    assertEquals(0, r.collisions());
    assertEquals(0, r.teleports());
  }

  @Test
  void readsTeleportsCollisionsAndMillisecondLoops() {
    String jammed = GRID.replace("Duration: 39.27s", "Duration: 1250ms")
        .replace(" Waiting: 0\n", " Waiting: 12\nTeleports: 771 (Jam: 700, Yield: 71)\n"
            + "Collisions: 3\n");
    SumoRun r = SumoRun.parse(jammed, 2);
    assertEquals(1.25, r.loopSeconds(), 1e-9);
    assertEquals(771, r.teleports());
    assertEquals(3, r.collisions());
  }

  @Test
  void readsCollisionsInsideTheTeleportLine() {
    String spider = GRID.replace(" Waiting: 0\n", " Waiting: 0\nTeleports: 30 (Collisions: 30)\n");
    SumoRun r = SumoRun.parse(spider, 2);
    assertEquals(30, r.teleports());
    assertEquals(30, r.collisions());
  }

  @Test
  void noneArrivedGivesNaN() {
    String none = GRID.substring(0, GRID.indexOf("Statistics"));
    assertTrue(Double.isNaN(SumoRun.parse(none, 1).meanDuration()));
    assertEquals(0, SumoRun.parse(none, 1).arrived());
  }

  @Test
  void aFailedRunIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> SumoRun.parse("Error: File 'x.net.xml' is not accessible (No such file or directory).", 0.1));
  }
}
