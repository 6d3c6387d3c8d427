package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorReadings;

/**
 * What controllers of one run may read: detector readings, queues and priority requests. The engine creates
 * one per run; queues and priority requests can be replaced (by V2X-informed sources) before or during the run,
 * since controllers look them up on every use.
 */
public final class SignalInputs {
  private final DetectorReadings detectors;
  private QueueSource queues;
  private PriorityRequests priority = PriorityRequests.NONE;

  public SignalInputs(DetectorReadings detectors, QueueSource queues) {
    this.detectors = detectors;
    this.queues = queues;
  }

  /** Detector readings, or null in runs without detectors. */
  public DetectorReadings detectors() {
    return detectors;
  }

  public QueueSource queues() {
    return queues;
  }

  public PriorityRequests priority() {
    return priority;
  }

  public void setQueues(QueueSource queues) {
    this.queues = queues;
  }

  public void setPriority(PriorityRequests priority) {
    this.priority = priority == null ? PriorityRequests.NONE : priority;
  }
}
