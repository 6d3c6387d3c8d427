package io.v2xsim.core.engine;

/**
 * Optional callbacks of a run. Called on the thread that runs it; must not change the model.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  /** Model time reached, in seconds; called about once per simulated second. */
  default void progress(double simulatedSeconds) {}

  /** Whether {@link #trajectory} should be called. */
  default boolean wantsTrajectories() {
    return false;
  }

  /**
   * One vehicle's state at a sampling instant (every {@code outputs.trajectoryInterval} seconds).
   *
   * @param lane lane or connector id the vehicle is on
   */
  default void trajectory(double time, String vehicleId, double x, double y, double speed, double heading,
      String lane) {}
}
