package io.v2xsim.scenarios.report;

import io.v2xsim.core.engine.RunListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Streams one run's trajectory samples to CSV ({@code time,id,x,y,speed,heading,lane}) as the run goes,
 * so a long run does not hold them in memory. Used from the run's own thread only.
 */
public final class TrajectoryCsv implements RunListener {
  public static final String HEADER = "time,id,x,y,speed,heading,lane\n";

  private final Writer out;
  private final StringBuilder line = new StringBuilder(96);

  public TrajectoryCsv(Writer out) {
    this.out = out;
    write(HEADER);
  }

  @Override
  public boolean wantsTrajectories() {
    return true;
  }

  @Override
  public void trajectory(double time, String vehicleId, double x, double y, double speed, double heading,
      String lane) {
    line.setLength(0);
    line.append(Csv.number(time, 3)).append(',').append(Csv.field(vehicleId)).append(',')
        .append(Csv.number(x, 3)).append(',').append(Csv.number(y, 3)).append(',')
        .append(Csv.number(speed, 3)).append(',').append(Csv.number(heading, 4)).append(',')
        .append(Csv.field(lane)).append('\n');
    write(line);
  }

  private void write(CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trajectories", e);
    }
  }
}
