package io.v2xsim.vehicle.transport;

import io.v2xsim.wire.v1.PerceptionFrame;

/**
 * A binary min-heap of buffered frames ordered by (delivery time, receiver, sender, sequence): a total order,
 * so the delivery order never depends on arrival order. Entries are pooled; O(log n) add and poll, no
 * allocation once the heap and pool have grown to the run's peak. Not thread-safe.
 */
final class PendingHeap {
  static final class Entry {
    int receiverId;
    int senderId;
    long deliveryTimeUs;
    long sequence;
    PerceptionFrame frame;
  }

  private Entry[] heap = new Entry[256];
  private int size;
  private Entry[] pool = new Entry[256];
  private int pooled;

  int size() {
    return size;
  }

  Entry peek() {
    return heap[0];
  }

  void add(int receiverId, int senderId, long deliveryTimeUs, long sequence, PerceptionFrame frame) {
    Entry e = pooled > 0 ? pool[--pooled] : new Entry();
    pool[pooled] = null;
    e.receiverId = receiverId;
    e.senderId = senderId;
    e.deliveryTimeUs = deliveryTimeUs;
    e.sequence = sequence;
    e.frame = frame;
    if (size == heap.length) {
      heap = java.util.Arrays.copyOf(heap, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(e, heap[parent])) {
        break;
      }
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = e;
  }

  Entry poll() {
    Entry top = heap[0];
    Entry last = heap[--size];
    heap[size] = null;
    if (size > 0) {
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && less(heap[c + 1], heap[c])) {
          c++;
        }
        if (!less(heap[c], last)) {
          break;
        }
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }

  void recycle(Entry e) {
    e.frame = null;
    if (pooled == pool.length) {
      pool = java.util.Arrays.copyOf(pool, pooled * 2);
    }
    pool[pooled++] = e;
  }

  static boolean less(Entry a, Entry b) {
    if (a.deliveryTimeUs != b.deliveryTimeUs) {
      return a.deliveryTimeUs < b.deliveryTimeUs;
    }
    if (a.receiverId != b.receiverId) {
      return a.receiverId < b.receiverId;
    }
    if (a.senderId != b.senderId) {
      return a.senderId < b.senderId;
    }
    return a.sequence < b.sequence;
  }
}
