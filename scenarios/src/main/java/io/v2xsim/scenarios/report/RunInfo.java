package io.v2xsim.scenarios.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What run-info.json holds: how this particular execution went. Everything that differs between two runs
 * of the same seeds (wall clock, machine, time of day) lives here, never in summary.json.
 *
 * @param vehicleUpdates vehicle-ticks estimated from trip records (see {@link Summarizer#vehicleUpdates})
 */
public record RunInfo(
    String scenario,
    String scenarioFile,
    List<Long> seeds,
    int threads,
    Instant startedAt,
    double wallClockSeconds,
    double simulatedSeconds,
    long vehicleUpdates,
    String version,
    List<String> arguments,
    List<String> importNotes) {

  public RunInfo {
    seeds = List.copyOf(seeds);
    arguments = List.copyOf(arguments);
    importNotes = List.copyOf(importNotes);
  }

  /** A run of a scenario that imported nothing (or whose import changed nothing). */
  public RunInfo(String scenario, String scenarioFile, List<Long> seeds, int threads, Instant startedAt,
      double wallClockSeconds, double simulatedSeconds, long vehicleUpdates, String version, List<String> arguments) {
    this(scenario, scenarioFile, seeds, threads, startedAt, wallClockSeconds, simulatedSeconds, vehicleUpdates,
        version, arguments, List.of());
  }

  public String toJson() {
    Map<String, Object> root = Json.object();
    root.put("scenario", scenario);
    root.put("scenarioFile", scenarioFile);
    root.put("seeds", seeds);
    root.put("threads", threads);
    root.put("startedAt", startedAt.toString());
    root.put("wallClockSeconds", wallClockSeconds);
    root.put("simulatedSeconds", simulatedSeconds);
    root.put("realTimeFactor", wallClockSeconds > 0 ? simulatedSeconds / wallClockSeconds : Double.NaN);
    root.put("vehicleUpdates", vehicleUpdates);
    root.put("vehicleUpdatesPerSecond", wallClockSeconds > 0 ? vehicleUpdates / wallClockSeconds : Double.NaN);
    root.put("v2xsimVersion", version);
    root.put("javaVersion", System.getProperty("java.version"));
    root.put("javaVendor", System.getProperty("java.vendor"));
    root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    root.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    root.put("arguments", arguments);
    root.put("importNotes", importNotes); // every note the importer made, not only the few printed
    var path = io.v2xsim.scenarios.coop.WallClock.path();
    if (path.count() > 0) {
      // The real Netty path's cost, measured on this machine: reported apart from the (deterministic) model.
      Map<String, Object> netty = Json.object();
      netty.put("frames", path.count());
      netty.put("p50Micros", path.percentile(0.5) / 1e3);
      netty.put("p99Micros", path.percentile(0.99) / 1e3);
      netty.put("maxMicros", path.max() / 1e3);
      root.put("nettyPathWallClock", netty);
    }
    return Json.render(root);
  }
}
