package io.v2xsim.core.signal;

import java.util.Locale;

/** Signal control strategies a scenario can choose, by their scenario-file names. */
public enum Strategy {
  FIXED_TIME("fixed-time"),
  WEBSTER("webster"),
  ACTUATED("actuated"),
  MAX_PRESSURE("max-pressure"),
  SOTL("sotl"),
  /**
   * Max-pressure on the queues roadside units report over V2X instead of lane-area detectors: the same rule,
   * the queues as the RSUs' fused perception sees them (occlusion, noise, the CPM generation rules and channel
   * loss included). Needs roadside units; the experiment wiring plugs their frames in as the queue source.
   */
  V2X_MAX_PRESSURE("v2x-max-pressure");

  private final String id;

  Strategy(String id) {
    this.id = id;
  }

  /** Name as written in scenario files. */
  public String id() {
    return id;
  }

  /** The strategy named {@code s} ({@code fixed} is an alias of fixed-time), or null. */
  public static Strategy parse(String s) {
    if (s == null) {
      return null;
    }
    String k = s.strip().toLowerCase(Locale.ROOT);
    if (k.equals("fixed")) {
      return FIXED_TIME;
    }
    for (Strategy st : values()) {
      if (st.id.equals(k)) {
        return st;
      }
    }
    return null;
  }

  /** All accepted names, for error messages. */
  public static String names() {
    return "fixed-time (or fixed), webster, actuated, max-pressure, sotl, v2x-max-pressure";
  }
}
