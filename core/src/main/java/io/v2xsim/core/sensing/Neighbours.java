package io.v2xsim.core.sensing;

import java.util.Arrays;

/**
 * Indices into a {@link GroundTruth} snapshot, as {@link GroundTruth#near} returns them: {@code items[0..count)}.
 * Owned by the caller and reused query after query, so queries allocate nothing once it has grown.
 */
public final class Neighbours {
  public int count;
  public int[] items;

  public Neighbours() {
    this(64);
  }

  public Neighbours(int capacity) {
    items = new int[Math.max(1, capacity)];
  }

  void ensure(int n) {
    if (n > items.length) {
      items = Arrays.copyOf(items, Math.max(n, 2 * items.length));
    }
  }
}
