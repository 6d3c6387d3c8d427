package io.v2xsim.core.wire;

import java.util.Arrays;

/**
 * Encodes a {@code v2x.v1.PerceptionFrame} in protobuf wire format from primitives into a reusable byte array,
 * without allocating once the array has grown to the largest frame. Call {@link #reset}, then {@link #header},
 * {@link #coverage} per sensor, {@link #object} per perceived object and optionally {@link #beginSpat},
 * {@link #movement}s and {@link #endSpat}, in that order; the frame is {@code buffer()[0, length())}.
 *
 * <p>Like protobuf-java it writes fields in field-number order and leaves out those with their default value
 * (0, or +0.0 for floating point), so for the same content the bytes equal protobuf-java's. Nested message
 * lengths are written in a 5-byte slot reserved before the body, and the body is moved back when the length
 * needs fewer bytes. Not thread-safe.
 */
public final class FrameWriter {
  private static final int LENGTH_SLOT = 5;

  private byte[] buf;
  private int pos;
  private final int[] starts = new int[4];
  private int depth;

  public FrameWriter() {
    this(4096);
  }

  public FrameWriter(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  /** Starts a new frame. */
  public FrameWriter reset() {
    pos = 0;
    depth = 0;
    return this;
  }

  /** The encoded frame is {@code buffer()[0, length())}; the array is reused by the next frame. */
  public byte[] buffer() {
    return buf;
  }

  public int length() {
    return pos;
  }

  /** A copy of the encoded frame (allocates: for tests). */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  public void header(int protocolVersion, long stationId, long generationTimeUs, int sequenceNumber) {
    begin(1);
    uint32(1, protocolVersion);
    int64(2, stationId);
    int64(3, generationTimeUs);
    uint32(4, sequenceNumber);
    end();
  }

  public void coverage(
      int sensorId, int type, double x, double y, double heading, double halfFov, double range) {
    begin(2);
    uint32(1, sensorId);
    int32(2, type);
    float64(3, x);
    float64(4, y);
    float64(5, heading);
    float64(6, halfFov);
    float64(7, range);
    end();
  }

  /**
   * One perceived object; {@code covariance[covOffset, covOffset + covCount)} are its covariance values and
   * {@code sensorIds[sidOffset, sidOffset + sidCount)} its sensor ids (either array may be null when its count
   * is 0).
   */
  public void object(int objectId, int objectClass, float classConfidence, double x, double y, float vx,
      float vy, float heading, float length, float width, float[] covariance, int covOffset, int covCount,
      float existence, int ageMs, long measurementTimeUs, int[] sensorIds, int sidOffset, int sidCount) {
    begin(3);
    uint32(1, objectId);
    int32(2, objectClass);
    float32(3, classConfidence);
    float64(4, x);
    float64(5, y);
    float32(6, vx);
    float32(7, vy);
    float32(8, heading);
    float32(9, length);
    float32(10, width);
    if (covCount > 0) {
      tag(11, 2);
      varint(4L * covCount);
      ensure(4 * covCount);
      for (int k = 0; k < covCount; k++) {
        fixed32(Float.floatToRawIntBits(covariance[covOffset + k]));
      }
    }
    float32(12, existence);
    uint32(13, ageMs);
    int64(14, measurementTimeUs);
    if (sidCount > 0) {
      int size = 0;
      for (int k = 0; k < sidCount; k++) {
        size += varintSize(sensorIds[sidOffset + k] & 0xFFFF_FFFFL);
      }
      tag(15, 2);
      varint(size);
      for (int k = 0; k < sidCount; k++) {
        varint(sensorIds[sidOffset + k] & 0xFFFF_FFFFL);
      }
    }
    end();
  }

  /** Starts the signal phase and timing; {@link #movement}s follow, then {@link #endSpat}. */
  public void beginSpat(CharSequence junctionId) {
    begin(4);
    string(1, junctionId);
  }

  public void movement(CharSequence fromRoad, CharSequence toRoad, int state, int minEndMs, int maxEndMs) {
    begin(2);
    string(1, fromRoad);
    string(2, toRoad);
    int32(3, state);
    uint32(4, minEndMs);
    uint32(5, maxEndMs);
    end();
  }

  public void endSpat() {
    end();
  }

  /** Encodes everything {@code v} holds (unknown fields excepted): re-encoding a decoded frame. */
  public void frame(FrameView v) {
    reset();
    header(v.protocolVersion, v.stationId, v.generationTimeUs, v.sequenceNumber);
    for (int i = 0; i < v.coverageCount; i++) {
      coverage(v.sensorId[i], v.sensorType[i], v.sensorX[i], v.sensorY[i], v.sensorHeading[i],
          v.sensorHalfFov[i], v.sensorRange[i]);
    }
    for (int i = 0; i < v.objectCount; i++) {
      object(v.objectId[i], v.objectClass[i], v.classConfidence[i], v.x[i], v.y[i], v.vx[i], v.vy[i],
          v.heading[i], v.length[i], v.width[i], v.covariance, FrameView.COVARIANCE * i,
          Math.min(v.covarianceCount[i], FrameView.COVARIANCE), v.existence[i], v.ageMs[i],
          v.measurementTimeUs[i], v.sensorIds, v.sensorIdsStart[i], v.sensorIdsCount[i]);
    }
    if (v.hasSpat) {
      begin(4);
      utf8(1, v.bytes, v.junctionIdOffset, v.junctionIdLength);
      for (int m = 0; m < v.movementCount; m++) {
        begin(2);
        utf8(1, v.bytes, v.fromRoadOffset[m], v.fromRoadLength[m]);
        utf8(2, v.bytes, v.toRoadOffset[m], v.toRoadLength[m]);
        int32(3, v.signalState[m]);
        uint32(4, v.minEndMs[m]);
        uint32(5, v.maxEndMs[m]);
        end();
      }
      end();
    }
  }

  // --- nested messages ---

  private void begin(int field) {
    tag(field, 2);
    ensure(LENGTH_SLOT);
    starts[depth++] = pos;
    pos += LENGTH_SLOT;
  }

  private void end() {
    int start = starts[--depth];
    int body = pos - start - LENGTH_SLOT;
    int n = varintSize(body);
    int at = pos;
    pos = start;
    varint(body);
    if (n < LENGTH_SLOT) {
      System.arraycopy(buf, start + LENGTH_SLOT, buf, start + n, body);
    }
    pos = at - (LENGTH_SLOT - n);
  }

  // --- fields (left out when default, as protobuf does for proto3 scalars) ---

  private void uint32(int field, int v) {
    if (v != 0) {
      tag(field, 0);
      varint(v & 0xFFFF_FFFFL);
    }
  }

  /** int32 and enums: negative values are sign-extended to 10 bytes. */
  private void int32(int field, int v) {
    if (v != 0) {
      tag(field, 0);
      varint(v);
    }
  }

  private void int64(int field, long v) {
    if (v != 0) {
      tag(field, 0);
      varint(v);
    }
  }

  private void float32(int field, float v) {
    int bits = Float.floatToRawIntBits(v);
    if (bits != 0) {
      tag(field, 5);
      ensure(4);
      fixed32(bits);
    }
  }

  private void float64(int field, double v) {
    long bits = Double.doubleToRawLongBits(v);
    if (bits != 0) {
      tag(field, 1);
      ensure(8);
      for (int k = 0; k < 8; k++) {
        buf[pos++] = (byte) (bits >>> (8 * k));
      }
    }
  }

  private void string(int field, CharSequence s) {
    if (s == null || s.length() == 0) {
      return;
    }
    int n = s.length();
    int size = 0;
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c < 0x80) {
        size++;
      } else if (c < 0x800) {
        size += 2;
      } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
        size += 4;
        k++;
      } else if (Character.isSurrogate(c)) {
        size++; // unpaired surrogate: '?', as protobuf-java writes it
      } else {
        size += 3;
      }
    }
    tag(field, 2);
    varint(size);
    ensure(size);
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xC0 | c >>> 6);
        buf[pos++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++k));
        buf[pos++] = (byte) (0xF0 | cp >>> 18);
        buf[pos++] = (byte) (0x80 | cp >>> 12 & 0x3F);
        buf[pos++] = (byte) (0x80 | cp >>> 6 & 0x3F);
        buf[pos++] = (byte) (0x80 | cp & 0x3F);
      } else if (Character.isSurrogate(c)) {
        buf[pos++] = '?';
      } else {
        buf[pos++] = (byte) (0xE0 | c >>> 12);
        buf[pos++] = (byte) (0x80 | c >>> 6 & 0x3F);
        buf[pos++] = (byte) (0x80 | c & 0x3F);
      }
    }
  }

  private void utf8(int field, byte[] src, int offset, int length) {
    if (length == 0) {
      return;
    }
    tag(field, 2);
    varint(length);
    ensure(length);
    System.arraycopy(src, offset, buf, pos, length);
    pos += length;
  }

  // --- raw ---

  private void tag(int field, int wire) {
    varint((long) field << 3 | wire);
  }

  private void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[pos++] = (byte) v;
  }

  private void fixed32(int bits) {
    buf[pos++] = (byte) bits;
    buf[pos++] = (byte) (bits >>> 8);
    buf[pos++] = (byte) (bits >>> 16);
    buf[pos++] = (byte) (bits >>> 24);
  }

  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      n++;
      v >>>= 7;
    }
    return n;
  }

  private void ensure(int n) {
    if (buf.length - pos < n) {
      buf = Arrays.copyOf(buf, Math.max(pos + n, 2 * buf.length));
    }
  }
}
