package io.v2xsim.scenarios.coop;

import io.v2xsim.core.channel.LogHistogram;

/**
 * Wall-clock cost of the real Netty path (encode, write, read, decode), collected across the runs of a command.
 * It depends on the machine and never enters model results; the run command reports it separately.
 */
public final class WallClock {
  private static final LogHistogram PATH = new LogHistogram();

  private WallClock() {}

  static synchronized void record(LogHistogram h) {
    PATH.add(h);
  }

  /** A copy of what was recorded so far. */
  public static synchronized LogHistogram path() {
    LogHistogram copy = new LogHistogram();
    copy.add(PATH);
    return copy;
  }

  public static synchronized void reset() {
    PATH.reset();
  }
}
