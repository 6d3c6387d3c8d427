package io.v2xsim.scenarios.coop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cautious policy limits speed where the agent cannot see beside its path, and nowhere else; the naive one
 * drives the same with or without the hiding cars. Human drivers stop for a pedestrian they can see.
 */
class OcclusionAwareDrivingTest {
  private static final ScenarioLoader LOADER = new ScenarioLoader();
  @TempDir Path dir;

  private static String road(boolean parkedRow, String trafficType, String actors) {
    StringBuilder parked = new StringBuilder();
    if (parkedRow) {
      parked.append("scene:\n  parked:\n");
      for (int i = 0; i < 12; i++) { // a row of cars at the kerb, bumper to bumper with 1 m gaps
        parked.append("    - {id: p").append(i).append(", x: ").append(150 + 5.5 * i)
            .append(", y: -4.4, headingDeg: 0, length: 4.5, width: 1.8}\n");
      }
    }
    return """
        name: kerb
        network:
          nodes:
            - {id: W, x: 0, y: 0, type: boundary}
            - {id: E, x: 400, y: 0, type: boundary}
          roads:
            - {id: W-E, from: W, to: E, lanes: 1, speedLimit: 13.89}
        vehicleTypes:
          ego: {vehicleClass: car, automated: true, speedFactor: 0}
          human: {vehicleClass: car, speedFactor: 0}
        demand:
          trips:
            - {id: ego, depart: 1, from: W-E, to: W-E, type: %s}
        sensorSuites:
          basic:
            - {type: camera, x: 1.5, y: 0, headingDeg: 0, fovDeg: 60, range: 80}
            - {type: radar, x: 2.2, y: 0, headingDeg: 0, fovDeg: 40, range: 150}
        arms:
          - {name: cautious, onboard: basic}
          - {name: naive, onboard: basic, policy: naive}
        experiment: {duration: 40, dt: 0.05, seeds: 1}
        outputs: {trajectoryInterval: 0.1}
        """.formatted(trafficType) + parked + actors;
  }

  /** The ego's lowest speed while its front is between x0 and x1. */
  private static final class SlowestBetween implements RunListener {
    final double x0;
    final double x1;
    double min = Double.POSITIVE_INFINITY;

    SlowestBetween(double x0, double x1) {
      this.x0 = x0;
      this.x1 = x1;
    }

    @Override
    public boolean wantsTrajectories() {
      return true;
    }

    @Override
    public void trajectory(double t, String id, double x, double y, double speed, double heading, String lane) {
      if (id.equals("ego") && x >= x0 && x <= x1) {
        min = Math.min(min, speed);
      }
    }
  }

  private double slowest(String yaml, String arm) throws Exception {
    return slowest(yaml, arm, 100, 220);
  }

  private double slowest(String yaml, String arm, double x0, double x1) throws Exception {
    Path f = dir.resolve("kerb-" + yaml.hashCode() + ".yaml");
    Files.writeString(f, yaml);
    CompiledScenario s = LOADER.compile(LOADER.read(f), new SpecOverrides(null, null, null, null));
    Arm a = s.cooperation().arms().stream().filter(x -> x.name().equals(arm)).findFirst().orElseThrow();
    SlowestBetween l = new SlowestBetween(x0, x1);
    ArmRun.run(s, a, 1, l);
    return l.min;
  }

  @Test
  void cautiousSlowsBesideAParkedRowAndKeepsSpeedOnAnOpenRoad() throws Exception {
    double open = slowest(road(false, "ego", ""), "cautious");
    double row = slowest(road(true, "ego", ""), "cautious");
    double naiveOpen = slowest(road(false, "ego", ""), "naive");
    double naiveRow = slowest(road(true, "ego", ""), "naive");
    System.out.printf("slowest 100-220 m: cautious open %.2f, row %.2f; naive open %.2f, row %.2f m/s%n", open,
        row, naiveOpen, naiveRow);
    assertTrue(open > 13.0, "nothing hides the kerb: the limit, " + open);
    assertTrue(row < 0.8 * open, "a pedestrian could step out between the parked cars: " + row);
    assertTrue(row > 2.0, "slower, not stopped: " + row);
    assertEquals(naiveOpen, naiveRow, 1e-9, "the naive agent ignores what it cannot see");
    assertTrue(naiveOpen > 13.0);
  }

  /**
   * A queue of buses crawling the other way at walking pace: someone may step out between them, and the agent's
   * own sensors cannot see the gaps past the bus in front of each (traffic hides space as buildings do). Measured
   * from perception only: the buses are tracked objects, not scenery.
   */
  private static String oncomingQueue(boolean buses) {
    StringBuilder trips = new StringBuilder("    - {id: ego, depart: 120, from: W-E, to: W-E, type: ego}\n");
    for (int i = 0; buses && i < 12; i++) {
      trips.append("    - {id: bus").append(i).append(", depart: ").append(i)
          .append(", from: E-W, to: E-W, type: crawler}\n");
    }
    return """
        name: oncoming-queue
        network:
          nodes:
            - {id: W, x: 0, y: 0, type: boundary}
            - {id: E, x: 400, y: 0, type: boundary}
          roads:
            - {id: W-E, from: W, to: E, lanes: 1, speedLimit: 13.89}
            - {id: E-W, from: E, to: W, lanes: 1, speedLimit: 13.89}
        vehicleTypes:
          ego: {vehicleClass: car, automated: true, speedFactor: 0}
          crawler: {vehicleClass: bus, maxSpeed: 1.0, speedFactor: 0}
        demand:
          trips:
        """ + trips + """
        arms:
          - {name: cautious, onboard: standard}
          - {name: naive, onboard: standard, policy: naive}
        experiment: {duration: 160, dt: 0.05, seeds: 1}
        outputs: {trajectoryInterval: 0.1}
        """;
  }

  @Test
  void cautiousSlowsBesideAQueueOfVehiclesItCannotSeePast() throws Exception {
    double open = slowest(oncomingQueue(false), "cautious", 270, 380);
    double queue = slowest(oncomingQueue(true), "cautious", 270, 380);
    double naiveQueue = slowest(oncomingQueue(true), "naive", 270, 380);
    System.out.printf("slowest 270-380 m: cautious open %.2f, beside the queue %.2f; naive beside it %.2f m/s%n",
        open, queue, naiveQueue);
    assertTrue(open > 13.0, "nothing hides the other side: the limit, " + open);
    assertTrue(queue < 0.6 * naiveQueue, "someone could step out between the buses: " + queue);
    assertTrue(queue > 1.0, "slower, not stopped: " + queue);
    // Before the onboard tracker weighed each detection by its covariance, the buses' tracks jumped a metre
    // sideways and the naive agent braked to a standstill for them.
    assertTrue(naiveQueue > 13.0, "the naive agent ignores what it cannot see: " + naiveQueue);
  }

  @Test
  void aHumanDriverStopsForAPedestrianItCanSee() throws Exception {
    String crossing = """
        actors:
          scripted:
            - {id: walker, kind: pedestrian, path: [[200, -6], [200, 8]], speed: 0.8, start: 11}
        """;
    Path f = dir.resolve("walker.yaml");
    Files.writeString(f, road(false, "human", crossing));
    CompiledScenario s = LOADER.compile(LOADER.read(f), new SpecOverrides(null, null, null, null));
    SlowestBetween l = new SlowestBetween(150, 200);
    RunResult r = ArmRun.run(s, s.cooperation().arms().get(0), 1, l);
    assertEquals(0.0, r.metric("collisionsPedestrian"), "the driver saw her in time");
    assertTrue(l.min < 0.5, "and stopped for her: slowest " + l.min + " m/s");
  }
}
