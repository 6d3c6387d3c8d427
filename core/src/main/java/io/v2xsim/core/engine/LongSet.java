package io.v2xsim.core.engine;

import java.util.Arrays;

/**
 * A set of longs with open addressing, for keys tested every tick: {@code HashSet<Long>} boxed the key on every
 * test, which made a pair of bodies that stay in contact allocate each tick.
 */
final class LongSet {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys = new long[16];
  private int size;
  private boolean hasEmptyKey;

  /** Adds {@code key}; returns false if it was there already. */
  boolean add(long key) {
    if (key == EMPTY) {
      boolean added = !hasEmptyKey;
      hasEmptyKey = true;
      return added;
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return false;
      }
      if (keys[i] == EMPTY) {
        keys[i] = key;
        if (++size * 2 > keys.length) {
          grow();
        }
        return true;
      }
    }
  }

  private void grow() {
    long[] old = keys;
    keys = new long[old.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (long k : old) {
      if (k != EMPTY) {
        int i = slot(k, mask);
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  LongSet() {
    Arrays.fill(keys, EMPTY);
  }
}
