package io.v2xsim.core.engine;

import java.util.Arrays;

/**
 * Hard-braking episodes from realised motion: the speed change of a tick divided by the tick, not the commanded
 * acceleration (a vehicle standing in a queue is commanded to brake hard against the one ahead but does not
 * move, so a commanded measure counts queues, not braking). Per trip: the speed at the end of the last tick,
 * and whether an episode is open. Arrays sized by the run's departures: nothing is allocated per tick.
 *
 * <p>An episode starts in the tick where the realised deceleration first exceeds {@link #THRESHOLD} while the
 * vehicle was moving (speed at the start of the tick at least {@link #MOVING_SPEED}), and ends at the first
 * tick whose realised deceleration no longer exceeds it (or when the trip ends). One episode is one event.
 */
final class HardBraking {
  /**
   * Realised deceleration beyond this is hard braking, m/s^2: 0.4 g = 3.92 m/s^2, the upper end of the
   * thresholds used in Japan to detect deceleration events in naturalistic driving (1.96 to 3.92 m/s^2, Naito
   * et al. 2009), and within the 3.0 to 4.0 m/s^2 range over which harsh-braking rates of drivers stay
   * consistent in the UDRIVE naturalistic data (Jansen and Wesseling 2018, Humanist conference).
   */
  static final double THRESHOLD = -0.4 * 9.80665;
  /**
   * Below this speed at the start of the tick (5 km/h, m/s) a vehicle is creeping, not driving: a project
   * choice, not from a study. A creeping vehicle sheds its speed in a few ticks, which is stopping, and such
   * stops dominate queues; above walking pace a deceleration beyond 0.4 g is a real manoeuvre.
   */
  static final double MOVING_SPEED = 5.0 / 3.6;

  private final double[] lastSpeed;
  private final boolean[] open;
  private int episodes;

  HardBraking(int trips) {
    lastSpeed = new double[trips];
    open = new boolean[trips];
    Arrays.fill(lastSpeed, Double.NaN);
  }

  /**
   * The speed of trip {@code trip} at the end of a tick of {@code dt} seconds.
   *
   * @param counted whether an episode starting now counts (after warm-up)
   * @return whether an episode started in this tick
   */
  boolean observe(int trip, double speed, double dt, boolean counted) {
    double before = lastSpeed[trip];
    lastSpeed[trip] = speed;
    if (Double.isNaN(before)) {
      return false; // first tick of the trip: no speed change to measure yet
    }
    double realised = (speed - before) / dt;
    if (realised >= THRESHOLD) {
      open[trip] = false;
      return false;
    }
    if (open[trip] || before < MOVING_SPEED) {
      return false;
    }
    open[trip] = true;
    if (counted) {
      episodes++;
    }
    return true;
  }

  /** Episodes counted so far. */
  int episodes() {
    return episodes;
  }
}
