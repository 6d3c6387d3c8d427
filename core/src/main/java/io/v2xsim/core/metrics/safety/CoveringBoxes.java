package io.v2xsim.core.metrics.safety;

import io.v2xsim.core.collections.LongIntMap;
import java.util.Arrays;

/**
 * The box each road user in a crossing area covered at the last PET evaluation, by ground-truth id, with the
 * evaluation that saw it: {@link SafetyMonitor} visits a point only when a box enters or leaves it. Boxes are
 * kept in one array, {@link #WIDTH} doubles each; removal moves the last box into the gap. Grows, never shrinks;
 * nothing is allocated in steady state.
 */
final class CoveringBoxes {
  static final int X = 0;
  static final int Y = 1;
  static final int COS = 2;
  static final int SIN = 3;
  static final int HALF_LENGTH = 4;
  static final int HALF_WIDTH = 5;
  static final int HEADING = 6;
  static final int TIME = 7;
  static final int WIDTH = 8;

  private final LongIntMap index = new LongIntMap();
  private int count;
  private int[] id = new int[64];
  private long[] stamp = new long[64];
  /** Box k's fields at {@code k * WIDTH + X} and so on. */
  double[] box = new double[64 * WIDTH];

  int count() {
    return count;
  }

  /** Slot of road user {@code roadUser}'s box, or {@link LongIntMap#ABSENT}. */
  int find(int roadUser) {
    return index.get(roadUser);
  }

  int id(int k) {
    return id[k];
  }

  long stamp(int k) {
    return stamp[k];
  }

  /** A new slot for {@code roadUser}; its box is set with {@link #set}. */
  int add(int roadUser) {
    if (count == id.length) {
      int m = 2 * count;
      id = Arrays.copyOf(id, m);
      stamp = Arrays.copyOf(stamp, m);
      box = Arrays.copyOf(box, m * WIDTH);
    }
    int k = count++;
    id[k] = roadUser;
    index.put(roadUser, k);
    return k;
  }

  void set(int k, double x, double y, double c, double s, double hl, double hw, double heading, double time,
      long evaluation) {
    int at = k * WIDTH;
    box[at + X] = x;
    box[at + Y] = y;
    box[at + COS] = c;
    box[at + SIN] = s;
    box[at + HALF_LENGTH] = hl;
    box[at + HALF_WIDTH] = hw;
    box[at + HEADING] = heading;
    box[at + TIME] = time;
    stamp[k] = evaluation;
  }

  /** Seen again at {@code time}, covering what it covered. */
  void touch(int k, double time, long evaluation) {
    box[k * WIDTH + TIME] = time;
    stamp[k] = evaluation;
  }

  /** Whether box {@code k} is (x, y, c, s, hl, hw). */
  boolean same(int k, double x, double y, double c, double s, double hl, double hw) {
    int at = k * WIDTH;
    return box[at + X] == x && box[at + Y] == y && box[at + COS] == c && box[at + SIN] == s
        && box[at + HALF_LENGTH] == hl && box[at + HALF_WIDTH] == hw;
  }

  /** Whether box {@code k} covers point (px, py). */
  boolean covers(int k, double px, double py) {
    int at = k * WIDTH;
    return covers(box[at + X], box[at + Y], box[at + COS], box[at + SIN], box[at + HALF_LENGTH],
        box[at + HALF_WIDTH], px, py);
  }

  /** Whether the box with centre (x, y), heading (c, s) and half extents (hl, hw) covers point (px, py). */
  static boolean covers(double x, double y, double c, double s, double hl, double hw, double px, double py) {
    double dx = px - x;
    double dy = py - y;
    return Math.abs(dx * c + dy * s) <= hl && Math.abs(-dx * s + dy * c) <= hw;
  }

  /** Drops box {@code k}, moving the last one into its place. */
  void remove(int k) {
    index.remove(id[k]);
    int last = --count;
    if (k != last) {
      id[k] = id[last];
      stamp[k] = stamp[last];
      System.arraycopy(box, last * WIDTH, box, k * WIDTH, WIDTH);
      index.put(id[k], k);
    }
  }
}
