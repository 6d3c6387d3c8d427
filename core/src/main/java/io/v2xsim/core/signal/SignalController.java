package io.v2xsim.core.signal;

/**
 * Decides the state of every movement of one junction, tick by tick. Strategies (fixed-time, actuated,
 * max-pressure, ...) implement this; a controller sees only what it is given (time here; detectors and RSU
 * frames in strategies that use them), never the engine's own vehicle lists.
 */
public interface SignalController {
  /**
   * Advances to model time {@code time} and writes each movement's state, indexed as the junction's
   * movements, into {@code states}. Called once per tick, with increasing times.
   */
  void update(double time, byte[] states);

  /** Seconds until the current state of any movement may next change, for signal timing messages. */
  double secondsToNextChange(double time);
}
