package io.v2xsim.core.detect;

/** Where a detector sits and what it measures. */
public enum DetectorKind {
  /** Inductive loop whose downstream edge is the stop line: presence, counts, occupancy, gaps. */
  STOP_BAR,
  /** Inductive loop some distance upstream of the stop line: arrivals before they join the queue. */
  ADVANCE,
  /** Lane-area (queue) zone covering the approach up to the stop line, like SUMO's laneAreaDetector (E2). */
  QUEUE,
  /** Short lane-area zone just upstream of the stop line: vehicles about to cross (SOTL's platoon rule). */
  NEAR,
  /** Lane-area zone over the first part of a lane leaving a signalized junction: the downstream queue. */
  EXIT;

  boolean isLoop() {
    return this == STOP_BAR || this == ADVANCE;
  }
}
