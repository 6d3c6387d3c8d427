package io.v2xsim.core.signal;

import io.v2xsim.core.network.Junction;

/** Builds the controller of one junction from its plan and configuration. */
public final class SignalControllers {
  private SignalControllers() {}

  /**
   * @param inputs the run's detector readings, queues and priority requests; strategies other than
   *     fixed-time need detector readings
   */
  public static SignalController create(SignalPlan plan, ControllerConfig cfg, Junction j, SignalInputs inputs) {
    if (cfg.needsDetectors() && inputs.detectors() == null) {
      throw new IllegalArgumentException(cfg.strategy().id() + " control needs detectors");
    }
    return switch (cfg.strategy()) {
      case FIXED_TIME -> new PriorityFixedTime(plan, inputs);
      case WEBSTER -> new WebsterController(plan, j, cfg, inputs);
      case ACTUATED -> new ActuatedController(plan, j, cfg, inputs);
      case MAX_PRESSURE, V2X_MAX_PRESSURE -> new MaxPressureController(plan, cfg, inputs);
      case SOTL -> new SotlController(plan, j, cfg, inputs);
    };
  }
}
