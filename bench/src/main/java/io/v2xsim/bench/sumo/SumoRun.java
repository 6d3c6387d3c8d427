package io.v2xsim.bench.sumo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one SUMO run reported on its standard output with {@code --duration-log.statistics}: the simulation
 * loop's duration, vehicles inserted and arrived, and the arrived vehicles' mean trip duration.
 *
 * @param wallSeconds the whole process, start to exit (loading included), as measured by the caller
 * @param loopSeconds SUMO's "Performance: Duration", its simulation loop without loading
 * @param inserted vehicles inserted
 * @param arrived vehicles that arrived ("Statistics (avg of N)")
 * @param meanDuration mean trip duration of the arrived vehicles in seconds, NaN if none arrived
 * @param collisions collisions SUMO reported (0 when it prints none)
 * @param teleports teleports SUMO reported (0 when it prints none)
 */
record SumoRun(double wallSeconds, double loopSeconds, int inserted, int arrived, double meanDuration,
    int collisions, int teleports) {

  private static final Pattern LOOP = Pattern.compile("Performance:\\s*\\R\\s*Duration:\\s*([0-9.]+)\\s*(ms|s)");
  private static final Pattern INSERTED = Pattern.compile("^\\s*Inserted:\\s*(\\d+)", Pattern.MULTILINE);
  private static final Pattern STATS = Pattern.compile(
      "Statistics \\(avg of (\\d+)\\):(?:\\s*\\R\\s*[A-Za-z]+:\\s*[-0-9.e]+)*?\\s*\\R\\s*Duration:\\s*([-0-9.e]+)");
  // SUMO 1.15 prints them on a line of their own or inside the teleport line: "Teleports: 30 (Collisions: 30)".
  private static final Pattern COLLISIONS = Pattern.compile("Collisions:\\s*(\\d+)");
  private static final Pattern TELEPORTS = Pattern.compile("^\\s*Teleports:\\s*(\\d+)", Pattern.MULTILINE);

  /**
   * Reads SUMO's end-of-run report.
   *
   * @throws IllegalArgumentException if the report has no performance or vehicle section (SUMO failed)
   */
  static SumoRun parse(String log, double wallSeconds) {
    Matcher loop = LOOP.matcher(log);
    Matcher inserted = INSERTED.matcher(log);
    if (!loop.find() || !inserted.find()) {
      throw new IllegalArgumentException("no end-of-run statistics in SUMO's output");
    }
    double seconds = Double.parseDouble(loop.group(1)) / (loop.group(2).equals("ms") ? 1000 : 1);
    Matcher stats = STATS.matcher(log);
    int arrived = 0;
    double mean = Double.NaN;
    if (stats.find()) {
      arrived = Integer.parseInt(stats.group(1));
      mean = Double.parseDouble(stats.group(2));
    }
    return new SumoRun(wallSeconds, seconds, Integer.parseInt(inserted.group(1)), arrived, mean,
        count(COLLISIONS, log), count(TELEPORTS, log));
  }

  private static int count(Pattern p, String log) {
    Matcher m = p.matcher(log);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
