package io.v2xsim.vehicle.agent;

import io.v2xsim.core.engine.Surroundings;
import io.v2xsim.core.signal.SignalColor;
import io.v2xsim.core.wire.FrameView;

/**
 * Signal phase and timing received in perception frames: per station, the latest frame's junction and the state
 * of each of its movements, kept as the frame's own UTF-8 bytes so that receiving and asking allocate nothing in
 * steady state. A state is used only while it is fresh ({@link #MAX_AGE} after delivery): SPaT is broadcast with
 * every frame (10 Hz here; SAE J2735 deployments send it at 10 Hz too), so an older state means the link is down
 * and the light may have changed since.
 *
 * <p>What a receiver learns is the state the signal controller had when the RSU built its frame, delayed by the
 * channel. A yellow lasts 3 s or more, so a state at most {@link #MAX_AGE} old can be one phase behind only across
 * a change the driver still has a yellow's time to react to.
 */
final class ReceivedSignals {
  /** Received signal states older than this are not used, s. */
  static final double MAX_AGE = 0.5;

  private int stations;
  private int[] station = new int[4];
  private double[] delivered = new double[4];
  private byte[][] bytes = new byte[4][128];
  private int[] junctionLength = new int[4];
  private int[] movements = new int[4];
  // per station: for each movement, offsets and lengths of from/to road ids in that station's bytes, and state
  private int[][] fromOff = new int[4][16];
  private int[][] fromLen = new int[4][16];
  private int[][] toOff = new int[4][16];
  private int[][] toLen = new int[4][16];
  private byte[][] state = new byte[4][16];

  /** Records the frame's SPaT, replacing what its station sent before. Frames without SPaT leave it as it was. */
  void onFrame(FrameView f, double deliveredAt) {
    if (!f.hasSpat) {
      return;
    }
    int s = slot((int) f.stationId);
    delivered[s] = deliveredAt;
    int n = f.movementCount;
    int need = f.junctionIdLength;
    for (int m = 0; m < n; m++) {
      need += f.fromRoadLength[m] + f.toRoadLength[m];
    }
    if (bytes[s].length < need) {
      bytes[s] = new byte[Math.max(need, 2 * bytes[s].length)];
    }
    if (fromOff[s].length < n) {
      int k = Math.max(n, 2 * fromOff[s].length);
      fromOff[s] = new int[k];
      fromLen[s] = new int[k];
      toOff[s] = new int[k];
      toLen[s] = new int[k];
      state[s] = new byte[k];
    }
    byte[] src = f.bytes();
    byte[] dst = bytes[s];
    System.arraycopy(src, f.junctionIdOffset, dst, 0, f.junctionIdLength);
    junctionLength[s] = f.junctionIdLength;
    int w = f.junctionIdLength;
    for (int m = 0; m < n; m++) {
      fromOff[s][m] = w;
      fromLen[s][m] = f.fromRoadLength[m];
      System.arraycopy(src, f.fromRoadOffset[m], dst, w, f.fromRoadLength[m]);
      w += f.fromRoadLength[m];
      toOff[s][m] = w;
      toLen[s][m] = f.toRoadLength[m];
      System.arraycopy(src, f.toRoadOffset[m], dst, w, f.toRoadLength[m]);
      w += f.toRoadLength[m];
      state[s][m] = color(f.signalState[m]);
    }
    movements[s] = n;
  }

  /**
   * The freshest received state of movement {@code from -> to} at junction {@code junction}, or
   * {@link Surroundings#SIGNAL_UNKNOWN} when no station sent it within {@link #MAX_AGE} of {@code now}.
   */
  byte state(String junction, String from, String to, double now) {
    byte best = Surroundings.SIGNAL_UNKNOWN;
    double bestAt = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < stations; s++) {
      if (now - delivered[s] > MAX_AGE || delivered[s] <= bestAt
          || !Utf8.equals(bytes[s], 0, junctionLength[s], junction)) {
        continue;
      }
      for (int m = 0; m < movements[s]; m++) {
        if (state[s][m] != Surroundings.SIGNAL_UNKNOWN && Utf8.equals(bytes[s], fromOff[s][m], fromLen[s][m], from)
            && Utf8.equals(bytes[s], toOff[s][m], toLen[s][m], to)) {
          best = state[s][m];
          bestAt = delivered[s];
          break;
        }
      }
    }
    return best;
  }

  void reset() {
    stations = 0;
  }

  private int slot(int id) {
    for (int s = 0; s < stations; s++) {
      if (station[s] == id) {
        return s;
      }
    }
    if (stations == station.length) {
      int k = 2 * stations;
      station = java.util.Arrays.copyOf(station, k);
      delivered = java.util.Arrays.copyOf(delivered, k);
      bytes = java.util.Arrays.copyOf(bytes, k);
      junctionLength = java.util.Arrays.copyOf(junctionLength, k);
      movements = java.util.Arrays.copyOf(movements, k);
      fromOff = java.util.Arrays.copyOf(fromOff, k);
      fromLen = java.util.Arrays.copyOf(fromLen, k);
      toOff = java.util.Arrays.copyOf(toOff, k);
      toLen = java.util.Arrays.copyOf(toLen, k);
      state = java.util.Arrays.copyOf(state, k);
      for (int i = stations; i < k; i++) {
        bytes[i] = new byte[128];
        fromOff[i] = new int[16];
        fromLen[i] = new int[16];
        toOff[i] = new int[16];
        toLen[i] = new int[16];
        state[i] = new byte[16];
      }
    }
    station[stations] = id;
    return stations++;
  }

  /** The wire's {@code SignalState} number as a {@link SignalColor}; unspecified or unknown numbers are unknown. */
  static byte color(int wire) {
    return switch (wire) {
      case 1 -> SignalColor.RED;
      case 2 -> SignalColor.YELLOW;
      case 3 -> SignalColor.GREEN;
      case 4 -> SignalColor.PERMISSIVE;
      case 5 -> SignalColor.STOP;
      default -> Surroundings.SIGNAL_UNKNOWN;
    };
  }
}
