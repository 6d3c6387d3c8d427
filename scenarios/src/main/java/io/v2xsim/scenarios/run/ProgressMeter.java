package io.v2xsim.scenarios.run;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Progress of an experiment on stderr: simulated time done over the total across seeds, percent and ETA.
 *
 * <p>Nothing is shown for the first two seconds, so short runs stay quiet. On a terminal the line is
 * redrawn in place with {@code \r}; anywhere else (a pipe, a CI log) a line is printed each time another
 * tenth is done, which keeps logs short and still shows that the job is alive.
 */
public final class ProgressMeter implements AutoCloseable {
  static final long QUIET_NANOS = 2_000_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final double totalSeconds;
  private final LongSupplier nanoClock;
  private final long startNanos;
  /** Simulated milliseconds reached by each run; written by run threads, read by the drawing thread. */
  private final AtomicLongArray doneMillis;
  private ScheduledExecutorService ticker;
  private int lastTenth;
  private boolean drewInPlace;
  private boolean shownAnything;

  /**
   * @param runs number of runs
   * @param secondsPerRun simulated seconds each run covers
   */
  public ProgressMeter(PrintWriter err, boolean terminal, int runs, double secondsPerRun, LongSupplier nanoClock) {
    this.err = err;
    this.terminal = terminal;
    this.totalSeconds = runs * secondsPerRun;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.doneMillis = new AtomicLongArray(runs);
  }

  /** Redraws every quarter second on a daemon thread until closed. */
  public ProgressMeter start() {
    ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "v2xsim-progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Called from the run threads. */
  public void update(int run, double simulatedSeconds) {
    doneMillis.set(run, Math.round(simulatedSeconds * 1000));
  }

  double fractionDone() {
    if (totalSeconds <= 0) {
      return 1;
    }
    long sum = 0;
    for (int i = 0; i < doneMillis.length(); i++) {
      sum += doneMillis.get(i);
    }
    return Math.min(1, sum / 1000.0 / totalSeconds);
  }

  /** Draws if due; package-private so tests can drive it with a fake clock. */
  synchronized void tick() {
    long elapsed = nanoClock.getAsLong() - startNanos;
    if (elapsed < QUIET_NANOS) {
      return;
    }
    double fraction = fractionDone();
    if (terminal) {
      err.print("\r" + line(fraction, elapsed));
      drewInPlace = true;
      shownAnything = true;
      err.flush();
    } else {
      int tenth = (int) Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        err.println("progress: " + line(fraction, elapsed));
        shownAnything = true;
        err.flush();
      }
    }
  }

  String line(double fraction, long elapsedNanos) {
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    double simulated = fraction * totalSeconds;
    String eta = fraction <= 0 ? "?" : duration((elapsedNanos / 1e9) * (1 - fraction) / fraction);
    return String.format(java.util.Locale.ROOT, "[%s] %3d%%  %.0f/%.0f s simulated  ETA %s", bar,
        (int) Math.floor(fraction * 100), simulated, totalSeconds, eta);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops drawing; ends a progress display that was shown at 100% on its own line. */
  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (!shownAnything) {
      return;
    }
    long elapsed = nanoClock.getAsLong() - startNanos;
    if (drewInPlace) {
      err.println("\r" + line(fractionDone(), elapsed));
    } else if (lastTenth < 10 && fractionDone() >= 1) {
      err.println("progress: " + line(1, elapsed));
    }
    err.flush();
  }
}
