package io.v2xsim.bench.city;

import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.coop.ArmRun;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A generated city for the whole-tick benchmark: a signalized grid (2 lanes each way), random demand of which a
 * share is automated vehicles with a front camera and two rear corner radars that use RSU frames, and an RSU (lidar plus camera, 10 Hz
 * fusion, in-process Netty transport) at every other junction in each direction. The grid size and demand are
 * calibrated so that, once filled, about the requested number of vehicles is on the road.
 *
 * @param rows junction rows
 * @param cols junction columns
 * @param ratePerHour random demand over the whole grid in steady state
 * @param fillRatePerHour demand during the first {@code fillSeconds}, higher, so the grid fills sooner
 * @param fillSeconds how long the fill demand lasts
 * @param automatedShare share of that demand that is automated (and equipped)
 * @param warmup simulated seconds to run before measuring, enough for the grid to reach its steady count
 */
record CityScene(int rows, int cols, double ratePerHour, double fillRatePerHour, double fillSeconds,
    double automatedShare, double warmup) {
  static final double BLOCK = 150;

  /** The calibrated scenes, by the target vehicle count on the road. */
  static CityScene forVehicles(int vehicles) {
    return switch (vehicles) {
      case 1000 -> new CityScene(12, 12, 11_000, 20_000, 150, 0.2, 600);
      case 10000 -> new CityScene(20, 20, 52_000, 110_000, 280, 0.2, 700);
      default -> throw new IllegalArgumentException("no calibrated city for " + vehicles + " vehicles");
    };
  }

  CityScene withWarmup(double seconds) {
    return new CityScene(rows, cols, ratePerHour, fillRatePerHour, fillSeconds, automatedShare, seconds);
  }

  String yaml() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, """
        name: city-bench-%dx%d
        description: generated city for the tick benchmark
        network:
          generator: {type: grid, rows: %d, cols: %d, blockLength: %s, approachLength: %s, lanes: 2, speedLimit: 13.89}
        vehicleTypes:
          car: {vehicleClass: car}
          automated: {vehicleClass: car, automated: true}
        demand:
          random:
            - {rate: %s, end: %s, type: car}
            - {rate: %s, end: %s, type: automated}
            - {rate: %s, begin: %s, type: car}
            - {rate: %s, begin: %s, type: automated}
        signals:
          defaults: {green: 30, yellow: 3, allRed: 2, leftTurns: permissive}
        sensorSuites:
          front:
            - {type: camera, x: 1.5, y: 0, headingDeg: 0, fovDeg: 60, range: 80}
            # rear corner radars (lane change assist): without them an agent may not change lanes at all
            - {type: radar, x: -2.0, y: 0.8, headingDeg: 140, fovDeg: 80, range: 70, clutter: 0.1}
            - {type: radar, x: -2.0, y: -0.8, headingDeg: -140, fovDeg: 80, range: 70, clutter: 0.1}
        arms:
          - {name: v2x, onboard: front, useRsu: true}
        infrastructure:
          rsus:
        """, rows, cols, rows, cols, BLOCK, BLOCK, fillRatePerHour * (1 - automatedShare), fillSeconds,
        fillRatePerHour * automatedShare, fillSeconds, ratePerHour * (1 - automatedShare), fillSeconds,
        ratePerHour * automatedShare, fillSeconds));
    for (int r = 0; r < rows; r += 2) {
      for (int c = 0; c < cols; c += 2) {
        // On the south-west corner of the junction, sensors looking across it.
        b.append(String.format(Locale.ROOT, """
                - id: rsu-%d-%d
                  x: %s
                  y: %s
                  sensors:
                    - {type: lidar, range: 60}
                    - {type: camera, headingDeg: 45, fovDeg: 90, range: 70}
            """, r, c, c * BLOCK - 8, r * BLOCK - 8));
      }
    }
    b.append("""
        experiment:
          duration: 1000000
          dt: 0.1
          seeds: 1
          seed: 1
        """);
    return b.toString();
  }

  CompiledScenario compile() {
    ScenarioLoader loader = new ScenarioLoader();
    return loader.compile(loader.parse(Path.of(name() + ".yaml"), name() + ".yaml", yaml()), SpecOverrides.NONE);
  }

  String name() {
    return "city-bench-" + rows + "x" + cols;
  }

  /** The wiring of the scene's only arm, advanced through the warm-up. */
  ArmRun.Stepper warmedUp() {
    CompiledScenario s = compile();
    Arm arm = s.cooperation().arms().get(0);
    ArmRun.Stepper run = ArmRun.open(s, arm, s.baseSeed());
    long ticks = Math.round(warmup / s.dt());
    for (long t = 0; t < ticks; t++) {
      run.step();
    }
    return run;
  }
}
