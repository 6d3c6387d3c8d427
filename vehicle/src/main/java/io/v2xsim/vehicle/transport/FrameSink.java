package io.v2xsim.vehicle.transport;

import io.v2xsim.core.wire.FrameView;

/** Where a {@link FrameReceiver} hands decoded frames, in simulated delivery-time order: the vehicle agents. */
@FunctionalInterface
public interface FrameSink {
  /**
   * @param receiverId the vehicle agent the frame was sent to
   * @param frame the decoded frame: a view the receiver reuses for the next frame, valid only during the call
   *     (copy what is needed)
   * @param deliveryTimeUs the simulated time at which the radio model delivered it
   */
  void onFrame(int receiverId, FrameView frame, long deliveryTimeUs);
}
