package io.v2xsim.roadside.transport;

import com.google.protobuf.MessageLite;
import io.v2xsim.core.channel.RadioModel;

/**
 * One RSU's broadcast in a tick: asks the {@link RadioModel} whether and when each vehicle gets the frame and
 * hands the deliveries to the {@link FrameSender}. The frame is encoded once, whatever the number of receivers.
 * Tick thread only; no allocation besides the sender's.
 */
public final class RsuBroadcaster {
  private final FrameSender sender;
  private final RadioModel radio;

  public RsuBroadcaster(FrameSender sender, RadioModel radio) {
    this.sender = sender;
    this.radio = radio;
  }

  /**
   * Broadcasts {@code frame} from the RSU at ({@code sx}, {@code sy}) at simulated time {@code sendTimeUs} to
   * vehicles {@code ids[0..n)} at positions ({@code xs[i]}, {@code ys[i]}), and returns the transmissions made
   * (those the radio delivers). Pass vehicles in a fixed order (e.g. ascending id) for readable traces; the
   * radio model's decisions do not depend on the order.
   */
  public int broadcast(
      MessageLite frame, double sx, double sy, long sendTimeUs, int n, int[] ids, double[] xs, double[] ys) {
    return broadcast(frame, null, 0, sx, sy, sendTimeUs, n, ids, xs, ys);
  }

  /** As {@link #broadcast(MessageLite, double, double, long, int, int[], double[], double[])} for a frame
   * already encoded in {@code bytes[0, length)} (e.g. by {@link io.v2xsim.core.wire.FrameWriter}). */
  public int broadcast(byte[] bytes, int length, double sx, double sy, long sendTimeUs, int n, int[] ids,
      double[] xs, double[] ys) {
    return broadcast(null, bytes, length, sx, sy, sendTimeUs, n, ids, xs, ys);
  }

  private int broadcast(MessageLite frame, byte[] bytes, int length, double sx, double sy, long sendTimeUs, int n,
      int[] ids, double[] xs, double[] ys) {
    int sent = 0;
    boolean encoded = false;
    for (int i = 0; i < n; i++) {
      long t = radio.deliveryTimeUs(sender.senderId(), sx, sy, ids[i], xs[i], ys[i], sendTimeUs);
      if (t < 0) {
        continue;
      }
      if (!encoded) {
        encoded = true; // encode lazily: a frame nobody receives costs nothing on the wire
        if (!(frame != null ? sender.begin(frame) : sender.begin(bytes, length))) {
          return 0;
        }
      }
      sender.transmit(ids[i], t);
      sent++;
    }
    if (encoded) {
      sender.end();
    }
    return sent;
  }

  public FrameSender sender() {
    return sender;
  }

  public RadioModel radio() {
    return radio;
  }
}
