package io.v2xsim.core.detect;

/** How a failed detector misreports. */
public enum FailureMode {
  NONE,
  /** Reports nothing: no presence, no counts, empty zone (a cut loop wire, a blinded camera). */
  STUCK_OFF,
  /** Reports permanent presence and no new counts; a zone reports itself full (a shorted loop). */
  STUCK_ON
}
