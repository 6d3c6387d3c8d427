package io.v2xsim.core.signal;

/**
 * How one junction's controller behaves. Durations in seconds.
 *
 * @param minGreen shortest green of any phase (adaptive strategies; fixed-time uses its plan)
 * @param maxGreen longest green of any phase, except while a priority request holds it
 * @param passage actuated: gap-out after this many seconds without an actuation on the phase's loops
 * @param decisionInterval max-pressure: seconds between decisions once min green has elapsed
 * @param replanInterval webster: seconds between re-plans; demand is measured over the same window
 * @param minCycle webster: shortest cycle
 * @param maxCycle webster: longest cycle
 * @param saturationFlow webster: saturation flow per lane, vehicles per hour of green
 * @param theta sotl: vehicle-seconds of demand accumulated on red that trigger a switch
 * @param mu sotl: a green with 1 to mu vehicles about to cross is not cut (platoon rule)
 */
public record ControllerConfig(Strategy strategy, double minGreen, double maxGreen, double passage,
    double decisionInterval, double replanInterval, double minCycle, double maxCycle, double saturationFlow,
    double theta, int mu) {

  public static final double DEFAULT_MIN_GREEN = 10;
  public static final double DEFAULT_MAX_GREEN = 60;
  public static final double DEFAULT_PASSAGE = 3;
  public static final double DEFAULT_DECISION_INTERVAL = 5;
  public static final double DEFAULT_REPLAN_INTERVAL = 900;
  public static final double DEFAULT_MIN_CYCLE = 40;
  public static final double DEFAULT_MAX_CYCLE = 150;
  /** A common planning value for a through lane (HCM base saturation flow is 1,900 pc/h/ln). */
  public static final double DEFAULT_SATURATION_FLOW = 1800;
  /**
   * Not a published calibration: Gershenson's (2005) thresholds are in vehicle-steps of a cellular model and do
   * not carry over to seconds and 150 m zones; 40 vehicle-seconds switches a red approach with a handful of
   * waiting vehicles after several seconds, and is a parameter to tune per network.
   */
  public static final double DEFAULT_THETA = 40;
  /** The platoon size SOTL-platoon protects in Gershenson (2005), as we read it; tune per network. */
  public static final int DEFAULT_MU = 3;

  /** A strategy with every parameter at its default. */
  public static ControllerConfig defaults(Strategy s) {
    return new ControllerConfig(s, DEFAULT_MIN_GREEN, DEFAULT_MAX_GREEN, DEFAULT_PASSAGE, DEFAULT_DECISION_INTERVAL,
        DEFAULT_REPLAN_INTERVAL, DEFAULT_MIN_CYCLE, DEFAULT_MAX_CYCLE, DEFAULT_SATURATION_FLOW, DEFAULT_THETA,
        DEFAULT_MU);
  }

  /** Whether the strategy reads detectors. */
  public boolean needsDetectors() {
    return strategy != Strategy.FIXED_TIME;
  }
}
