package io.v2xsim.core.collections;

import java.util.Arrays;

/**
 * Non-negative long keys to int values, open addressing with linear probing and backward-shift deletion, so
 * that get, put and remove allocate nothing until the table has to grow: for bookkeeping on hot paths (per tick,
 * per object), where a boxed {@code Map<Long, Integer>} or {@code Set<Long>} allocated on every call. Int keys
 * (object and track ids) widen to non-negative longs.
 */
public final class LongIntMap {
  /** What {@link #get} returns for a key that is not in the map; not a value callers store. */
  public static final int ABSENT = -1;
  private static final long EMPTY = -1;
  private long[] keys = new long[32];
  private int[] values = new int[32];
  private int size;

  public LongIntMap() {
    Arrays.fill(keys, EMPTY);
  }

  /** The value of {@code key}, or {@link #ABSENT}. */
  public int get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
      if (keys[i] == EMPTY) {
        return ABSENT;
      }
    }
  }

  /** Sets {@code key} (non-negative) to {@code value}; returns the previous value, or {@link #ABSENT}. */
  public int put(long key, int value) {
    if (key < 0) {
      throw new IllegalArgumentException("negative key " + key);
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    int old = ABSENT;
    if (keys[i] == EMPTY) {
      size++;
    } else {
      old = values[i];
    }
    keys[i] = key;
    values[i] = value;
    return old;
  }

  public void remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != key) {
      if (keys[i] == EMPTY) {
        return;
      }
      i = (i + 1) & mask;
    }
    size--;
    // Shift later members of the probe run back so that no lookup stops early at the hole.
    int hole = i;
    for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
      if (movable) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    keys[hole] = EMPTY;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** The home slot of {@code key} in a table of {@code mask + 1} slots (shared by tables that probe alike). */
  public static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
