package io.v2xsim.bench.city;

import io.v2xsim.bench.TickProbe;
import io.v2xsim.scenarios.coop.ArmRun;
import java.util.Locale;

/**
 * The benchmark city outside JMH, for profilers and for comparing commits: warms a {@link CityScene} up and
 * reports per round the wall time and the tick thread's allocation per tick of the full cooperative pipeline
 * (JMH's figure also counts Netty's event loops). With {@code --yaml SECONDS} it prints the city as a scenario
 * file instead, so that {@code v2xsim run} can run it and two commits' {@code summary.json} can be compared.
 * With a JFR file it records the measured rounds only (not the warm-up) with JFR's {@code profile} settings plus
 * every TLAB refill and outside-TLAB allocation with its stack: run with {@code -XX:-ResizeTLAB -XX:TLABSize=2k}
 * and each event stands for about 2 KB, so {@code jfr print --events jdk.ObjectAllocationInNewTLAB FILE} names
 * where steady-state allocation comes from.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.v2xsim.bench.city.CityProbe VEHICLES WARMUP_S ROUNDS TICKS_PER_ROUND [JFR_FILE]
 * java -cp bench/target/benchmarks.jar io.v2xsim.bench.city.CityProbe VEHICLES --yaml DURATION_S
 * </pre>
 */
public final class CityProbe {
  private CityProbe() {}

  public static void main(String[] args) {
    CityScene city = CityScene.forVehicles(Integer.parseInt(args[0]));
    if (args[1].equals("--yaml")) {
      System.out.print(city.yaml().replace("duration: 1000000", "duration: " + args[2]));
      return;
    }
    double warmup = Double.parseDouble(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int ticks = Integer.parseInt(args[3]);
    long w0 = System.nanoTime();
    ArmRun.Stepper run = city.withWarmup(warmup).warmedUp();
    System.out.printf(Locale.ROOT, "warm-up of %.0f s took %.1f s wall%n", warmup, (System.nanoTime() - w0) / 1e9);
    TickProbe.Allocation a = new TickProbe.Allocation();
    jdk.jfr.Recording recording = args.length > 4 ? startRecording() : null;
    try {
      for (int r = 0; r < rounds; r++) {
        long b0 = a.bytes();
        long t0 = System.nanoTime();
        for (int i = 0; i < ticks; i++) {
          run.step();
        }
        System.out.printf(Locale.ROOT,
            "t=%.0f s: %.0f us/tick, %.0f B/tick on the tick thread, %d vehicles, %d automated, %d RSUs%n",
            run.engine().time(), (System.nanoTime() - t0) / 1e3 / ticks, (a.bytes() - b0) / (double) ticks,
            run.engine().vehicleCount(), run.agents(), run.roadsideUnits());
      }
      if (recording != null) {
        recording.stop();
        recording.dump(java.nio.file.Path.of(args[4]));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      run.close();
    }
  }

  private static jdk.jfr.Recording startRecording() {
    try {
      jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
      r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
      r.start();
      return r;
    } catch (java.io.IOException | java.text.ParseException e) {
      throw new IllegalStateException("JFR's profile settings could not be read", e);
    }
  }
}
