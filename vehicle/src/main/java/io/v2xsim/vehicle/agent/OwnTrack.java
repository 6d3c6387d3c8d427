package io.v2xsim.vehicle.agent;

/**
 * The ego's own recent poses (its odometry), to tell a roadside unit's report of the ego from other road users by
 * where the ego was when the report was measured. Comparing with where the ego is now failed on bends: a report
 * 0.35 s old, carried forward along its lagging velocity, lay 1.9 m beside a car taking the bend at 11 m/s, and the
 * car braked for itself.
 */
final class OwnTrack {
  /** Poses kept: two seconds at the default 0.05 s step, longer than a received object lives. */
  static final int CAPACITY = 64;

  private final double[] time = new double[CAPACITY];
  private final double[] x = new double[CAPACITY];
  private final double[] y = new double[CAPACITY];
  private final double[] heading = new double[CAPACITY];
  private int head;
  private int size;

  void clear() {
    head = 0;
    size = 0;
  }

  /** Records the pose at {@code t}; times must not decrease. */
  void add(double t, double px, double py, double h) {
    time[head] = t;
    x[head] = px;
    y[head] = py;
    heading[head] = h;
    head = (head + 1) % CAPACITY;
    size = Math.min(size + 1, CAPACITY);
  }

  /**
   * The recorded pose nearest in time to {@code t} into {@code out} (x, y, heading); false if none is kept, or
   * if {@code t} is before the oldest one.
   */
  boolean poseAt(double t, double[] out) {
    if (size == 0) {
      return false;
    }
    int best = -1;
    double gap = Double.MAX_VALUE;
    for (int k = 0; k < size; k++) {
      int i = (head - 1 - k + CAPACITY) % CAPACITY;
      double g = Math.abs(time[i] - t);
      if (g < gap) {
        gap = g;
        best = i;
      }
      if (time[i] < t) {
        break; // older poses are further away still
      }
    }
    int oldest = (head - size + CAPACITY) % CAPACITY;
    if (t < time[oldest] - 1e-9) {
      return false;
    }
    out[0] = x[best];
    out[1] = y[best];
    out[2] = heading[best];
    return true;
  }
}
