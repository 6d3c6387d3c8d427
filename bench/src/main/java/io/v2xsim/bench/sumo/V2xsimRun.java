package io.v2xsim.bench.sumo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link V2xsimChild} reported: its import and compile time, its simulation loop, completed trips, their
 * mean duration, collisions, red-light violations (vehicles that entered a junction on red) and vehicle-updates.
 *
 * @param wallSeconds the whole JVM, start to exit, as measured by the caller
 */
record V2xsimRun(double wallSeconds, double loadSeconds, double loopSeconds, int completed, double meanDuration,
    int collisions, int redLights, long updates) {

  private static final Pattern LINE = Pattern.compile("V2XSIM load=([0-9.]+) loop=([0-9.]+) completed=(\\d+)"
      + " meanDuration=([-0-9.NaInfity]+) collisions=(\\d+) redLights=(\\d+) updates=(\\d+)");

  static V2xsimRun parse(String log, double wallSeconds) {
    Matcher m = LINE.matcher(log);
    if (!m.find()) {
      throw new IllegalArgumentException("no result line in v2xsim's output");
    }
    return new V2xsimRun(wallSeconds, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
        Integer.parseInt(m.group(3)), Double.parseDouble(m.group(4)), Integer.parseInt(m.group(5)),
        Integer.parseInt(m.group(6)), Long.parseLong(m.group(7)));
  }
}
