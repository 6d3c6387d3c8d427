package io.v2xsim.scenarios.cli;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Times plain traffic on one thread: vehicle-updates per second (one vehicle advanced by one step), the unit
 * in which traffic simulators' speed is usually quoted. The scene fills during the scenario's warm-up, which
 * is not timed. Wall-clock figures depend on the machine; the model results of the run do not.
 *
 * <p>The launcher sends {@code v2xsim bench throughput ...} here and {@code v2xsim bench [--quick|--full]} to the
 * JMH suite in the bench module ({@code io.v2xsim.bench.Suite}), which this module cannot depend on.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Time plain traffic of a scenario on one core and print vehicle-updates per second.",
        "Default scene: traffic-10x10 (10x10 grid, 2 lanes each way, ~600 vehicles, dt 0.1 s).",
        "Through the launcher this is `v2xsim bench throughput`; `v2xsim bench [--quick|--full]` runs the JMH",
        "suite (fusion, association, Kalman, transport, ticks; see BENCHMARKS.md)."})
final class BenchCommand implements Callable<Integer> {
  /** SUMO 1.15 on a 10 x 10 grid, about 600 vehicles, 0.1 s steps, 2-core machine (shared/datasets/README.md). */
  static final double SUMO_REFERENCE_UPDATES_PER_SECOND = 0.25e6;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "traffic-10x10",
      description = "A scenario file or catalog name (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "1800",
      description = "Simulated seconds to time after the warm-up (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--seed", paramLabel = "S", description = "Seed (default: the file's first seed).")
  Long seed;

  @Option(names = "--with-safety",
      description = "Also measure surrogate safety (TTC, PET, DRAC) every 0.1 s, as runs do; off by default, "
          + "so the figure is the traffic model's own speed, comparable with SUMO's.")
  boolean withSafety;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScenarioLoader loader = new ScenarioLoader();
    var document = loader.read(Catalog.resolveScenario(scenario));
    CompiledScenario probe = loader.compile(document, SpecOverrides.NONE);
    double warmup = probe.warmup();
    CompiledScenario s = loader.compile(document, new SpecOverrides(1, seed, warmup + seconds));
    long runSeed = s.baseSeed();
    Engine e = new Engine(s.model(), runSeed);
    e.measureSafety(withSafety);
    long ticksWarm = Math.round(warmup / s.dt());
    while (e.tick() < ticksWarm) {
      e.step();
    }
    long ticksEnd = Math.round((warmup + seconds) / s.dt());
    long updates0 = e.vehicleUpdates();
    long vehicleTicks = 0;
    long ticks = 0;
    long start = System.nanoTime();
    while (e.tick() < ticksEnd) {
      e.step();
      vehicleTicks += e.vehicleCount();
      ticks++;
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long updates = e.vehicleUpdates() - updates0;
    double rate = updates / wall;
    out.printf(Locale.ROOT, "scene            %s (seed %d, dt %.2f s)%s%n", s.name(), runSeed, s.dt(),
        withSafety ? ", with surrogate-safety measurement" : ", traffic alone");
    out.printf(Locale.ROOT, "timed            %.0f s simulated after %.0f s warm-up, in %.2f s wall on one thread%n",
        seconds, warmup, wall);
    out.printf(Locale.ROOT, "vehicles         %.0f on the road on average%n", ticks == 0 ? 0.0 : (double) vehicleTicks / ticks);
    out.printf(Locale.ROOT, "real-time factor %.0fx%n", seconds / wall);
    out.printf(Locale.ROOT, "throughput       %.3f million vehicle-updates/s%n", rate / 1e6);
    out.printf(Locale.ROOT, "vs SUMO          %.1fx the 0.25 million/s quoted for SUMO 1.15 on such a grid"
        + " (shared/datasets/README.md; not measured in this run, and not the same work: `./v2xsim bench sumo`"
        + " runs both on the same files side by side)%n", rate / SUMO_REFERENCE_UPDATES_PER_SECOND);
    out.flush();
    return 0;
  }
}
