package io.v2xsim.core.network;

/** How right of way is decided at a node. */
public enum JunctionKind {
  /** Traffic signals decide; permissive movements also yield by priority rules. */
  SIGNALIZED,
  /** No signals: minor roads yield to major ones, equal roads by turn and the right-hand rule. */
  PRIORITY,
  /** Every vehicle stops at the line, then goes in order of arrival. */
  ALLWAY_STOP,
  /** Where traffic enters or leaves the network; no junction geometry. */
  BOUNDARY
}
