package io.v2xsim.vehicle.transport;

import io.v2xsim.wire.v1.PerceptionFrame;

/** Where a {@link FrameReceiver} hands decoded frames, in simulated delivery-time order: the vehicle agents. */
@FunctionalInterface
public interface FrameSink {
  /**
   * @param receiverId the vehicle agent the frame was sent to
   * @param frame the decoded frame (immutable; keep it as long as needed)
   * @param deliveryTimeUs the simulated time at which the radio model delivered it
   */
  void onFrame(int receiverId, PerceptionFrame frame, long deliveryTimeUs);
}
