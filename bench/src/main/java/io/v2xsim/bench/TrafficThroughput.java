package io.v2xsim.bench;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.spec.CompiledScenario;
import java.util.Locale;

/**
 * Traffic alone on a 10 x 10 grid of two-lane roads with 200 m blocks and about 600 vehicles on the road,
 * timed on one thread: prints vehicle-updates per second (one vehicle advanced by one step), the unit in which
 * SUMO's speed is usually quoted. Usage: {@code TrafficThroughput [dt] [simulatedSeconds]}.
 */
public final class TrafficThroughput {
  private TrafficThroughput() {}

  public static void main(String[] args) {
    double dt = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1800;
    CompiledScenario s = TrafficScenes.grid(10, 10, 6000, 900 + seconds + 60, dt);
    Engine e = TrafficScenes.warmedUp(s, 1, 900);
    long updates0 = e.vehicleUpdates();
    double t0 = e.time();
    long sumVehicles = 0;
    long ticks = 0;
    long start = System.nanoTime();
    while (e.time() < t0 + seconds) {
      e.step();
      sumVehicles += e.vehicleCount();
      ticks++;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long updates = e.vehicleUpdates() - updates0;
    System.out.printf(Locale.ROOT,
        "10x10 grid, dt=%.2f s: %.0f s simulated in %.2f s wall (%.0fx real time), %.0f vehicles on average,%n"
            + "%,d vehicle-updates => %.3f million vehicle-updates/s on one core%n",
        dt, seconds, wall, seconds / wall, (double) sumVehicles / ticks, updates, updates / wall / 1e6);
  }
}
