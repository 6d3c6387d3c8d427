package io.v2xsim.vehicle.transport;

import io.netty.buffer.ByteBuf;

/**
 * A binary min-heap of buffered frames ordered by (delivery time, receiver, sender, sequence): a total order,
 * so the delivery order never depends on arrival order. Each entry keeps the frame's encoded payload in its own
 * byte array, which stays with the entry when it is recycled. Entries are pooled; O(log n) add and poll, no
 * allocation once the heap, the pool and the payload arrays have grown to the run's peak. Not thread-safe.
 */
final class PendingHeap {
  static final class Entry {
    int receiverId;
    int senderId;
    long deliveryTimeUs;
    long sequence;
    /** The encoded frame: {@code payload[0, payloadLength)}. */
    byte[] payload = new byte[0];
    int payloadLength;
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

  /** Buffers a frame whose payload is {@code buf[at, at + length)} (copied). */
  void add(int receiverId, int senderId, long deliveryTimeUs, long sequence, ByteBuf buf, int at, int length) {
    Entry e = pooled > 0 ? pool[--pooled] : new Entry();
    pool[pooled] = null;
    e.receiverId = receiverId;
    e.senderId = senderId;
    e.deliveryTimeUs = deliveryTimeUs;
    e.sequence = sequence;
    if (e.payload.length < length) {
      e.payload = new byte[Math.max(length, 2 * e.payload.length)];
    }
    buf.getBytes(at, e.payload, 0, length);
    e.payloadLength = length;
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
    e.payloadLength = 0;
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
