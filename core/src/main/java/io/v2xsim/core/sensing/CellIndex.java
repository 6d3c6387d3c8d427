package io.v2xsim.core.sensing;

import java.util.Arrays;

/**
 * A hashed uniform grid from cells to item numbers, as int arrays: a bucket head per hash slot and a linked list
 * of (item, next) entries. Cells whose hashes collide share a bucket; callers test every item in it, which is
 * conservative (more tests, never a missed one). An item may sit in many cells. {@link #clear()} keeps the
 * arrays, so rebuilding each tick allocates nothing once they have grown.
 */
final class CellIndex {
  private int[] head;
  private int[] item = new int[256];
  private int[] next = new int[256];
  private int size;
  private int mask;

  CellIndex(int buckets) {
    int n = Integer.highestOneBit(Math.max(16, buckets - 1)) << 1;
    head = new int[n];
    mask = n - 1;
    Arrays.fill(head, -1);
  }

  void clear() {
    Arrays.fill(head, -1);
    size = 0;
  }

  /** Grows the bucket table to about {@code buckets} slots when it is much smaller; clears the index. */
  void resize(int buckets) {
    if (buckets > 2 * head.length) {
      int n = Integer.highestOneBit(buckets - 1) << 1;
      head = new int[n];
      mask = n - 1;
    }
    clear();
  }

  int size() {
    return size;
  }

  void insert(int cx, int cy, int it) {
    if (size == item.length) {
      item = Arrays.copyOf(item, size * 2);
      next = Arrays.copyOf(next, size * 2);
    }
    int h = hash(cx, cy);
    item[size] = it;
    next[size] = head[h];
    head[h] = size;
    size++;
  }

  /** First entry of the bucket of a cell, or -1; walk with {@link #next(int)}, read with {@link #item(int)}. */
  int first(int cx, int cy) {
    return head[hash(cx, cy)];
  }

  int next(int entry) {
    return next[entry];
  }

  int item(int entry) {
    return item[entry];
  }

  private int hash(int cx, int cy) {
    int h = cx * 73856093 ^ cy * 19349663;
    return (h ^ (h >>> 16)) & mask;
  }
}
