package io.v2xsim.core.channel;

/** Why the radio model did not deliver a frame to a receiver. */
public enum LossReason {
  /** The receiver was farther from the sender than the communication range. */
  OUT_OF_RANGE,
  /** Lost independently of other frames. */
  RANDOM_LOSS,
  /** Lost by the Gilbert-Elliott chain of the link (a fade). */
  BURST_LOSS,
  /** The sender was in an outage window and transmitted nothing. */
  OUTAGE,
  /** Would have arrived after the latency ceiling: stale, dropped. */
  TOO_LATE;

  private static final LossReason[] VALUES = values();

  /** The code {@link RadioModel#deliveryTimeUs} returns for this reason: always negative. */
  public long code() {
    return -1L - ordinal();
  }

  /** The reason a negative result of {@link RadioModel#deliveryTimeUs} stands for. */
  public static LossReason of(long code) {
    if (code >= 0 || code < -VALUES.length) {
      throw new IllegalArgumentException("not a loss code: " + code);
    }
    return VALUES[(int) (-1L - code)];
  }
}
