package io.v2xsim.scenarios.coop;

/**
 * An int-to-int hash map with open addressing, for per-object bookkeeping in the measurement stage: no boxing, so
 * updating an existing key allocates nothing (a {@code TreeMap<Integer, Integer>} boxed every id above 127).
 */
final class IntIntMap {
  static final int ABSENT = Integer.MIN_VALUE;

  private int[] keys;
  private int[] values;
  private boolean[] used;
  private int size;
  private int mask;

  IntIntMap() {
    this(64);
  }

  IntIntMap(int capacity) {
    int n = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
    keys = new int[n];
    values = new int[n];
    used = new boolean[n];
    mask = n - 1;
  }

  /** The value of {@code key}, or {@link #ABSENT}. */
  int get(int key) {
    int h = slot(key);
    while (used[h]) {
      if (keys[h] == key) {
        return values[h];
      }
      h = (h + 1) & mask;
    }
    return ABSENT;
  }

  /** Sets {@code key} to {@code value}; returns the previous value, or {@link #ABSENT}. */
  int put(int key, int value) {
    int h = slot(key);
    while (used[h]) {
      if (keys[h] == key) {
        int old = values[h];
        values[h] = value;
        return old;
      }
      h = (h + 1) & mask;
    }
    used[h] = true;
    keys[h] = key;
    values[h] = value;
    if (++size * 2 > keys.length) {
      rehash();
    }
    return ABSENT;
  }

  private int slot(int key) {
    int h = key * 0x9E3779B1;
    return (h ^ (h >>> 15)) & mask;
  }

  private void rehash() {
    int[] k = keys;
    int[] v = values;
    boolean[] u = used;
    int n = k.length * 2;
    keys = new int[n];
    values = new int[n];
    used = new boolean[n];
    mask = n - 1;
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        put(k[i], v[i]);
      }
    }
  }
}
