package io.v2xsim.core.wire;

/**
 * Decodes a {@code v2x.v1.PerceptionFrame} in protobuf wire format into a reusable {@link FrameView}, without
 * allocating: a hand-written reader for the one schema on the frame path (protobuf-java builds an object graph
 * per frame). It accepts whatever a standard protobuf writer produces for the v1 schema: fields in any order,
 * repeated occurrences of a message field merged, packed or unpacked repeated scalars, and unknown fields of
 * any wire type (a later schema), which are skipped and counted.
 *
 * <p>{@link #read} returns false, and never throws, on malformed input: a truncated or over-long varint, a
 * length beyond its enclosing message, a known field with the wrong wire type, an invalid tag, an unterminated
 * group, or a nested message that does not end exactly where its length says. Unlike protobuf-java it does not
 * check that strings are valid UTF-8 (they are not decoded on the frame path).
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class FrameReader {
  private static final int MAX_GROUP_DEPTH = 100;

  private byte[] b;
  private int pos;
  private int end;
  private long value;

  /** Decodes {@code bytes[offset, offset + length)} into {@code view}; false if it is not a valid frame. */
  public boolean read(byte[] bytes, int offset, int length, FrameView view) {
    view.clear();
    if (bytes == null || offset < 0 || length < 0 || offset > bytes.length - length) {
      return false;
    }
    view.bytes = bytes;
    b = bytes;
    pos = offset;
    end = offset + length;
    boolean ok = frame(view);
    b = null;
    return ok;
  }

  private boolean frame(FrameView v) {
    while (pos < end) {
      if (!tag()) {
        return false;
      }
      int field = tagField;
      int wire = tagWire;
      switch (field) {
        case 1, 2, 3, 4 -> {
          if (wire != 2 || !length()) {
            return false;
          }
          int saved = end;
          end = pos + (int) value;
          boolean ok = switch (field) {
            case 1 -> header(v);
            case 2 -> coverage(v, v.addCoverage());
            case 3 -> object(v, v.addObject());
            default -> spat(v);
          };
          if (!ok || pos != end) {
            return false;
          }
          end = saved;
        }
        default -> {
          if (!skip(field, wire, 0)) {
            return false;
          }
          v.unknownFields++;
        }
      }
    }
    return pos == end;
  }

  private boolean header(FrameView v) {
    while (pos < end) {
      if (!tag()) {
        return false;
      }
      int field = tagField;
      int wire = tagWire;
      if (field >= 1 && field <= 4) {
        if (wire != 0 || !varint()) {
          return false;
        }
        switch (field) {
          case 1 -> v.protocolVersion = (int) value;
          case 2 -> v.stationId = value;
          case 3 -> v.generationTimeUs = value;
          default -> v.sequenceNumber = (int) value;
        }
      } else if (!unknown(v, field, wire)) {
        return false;
      }
    }
    return true;
  }

  /** Field number and wire type of the last tag read by {@link #tag}. */
  private int tagField;
  private int tagWire;

  /** Reads the next field tag; false if it is truncated or names no valid field. */
  private boolean tag() {
    if (!varint()) {
      return false;
    }
    tagField = field(value);
    tagWire = (int) value & 7;
    return tagField > 0;
  }

  private boolean coverage(FrameView v, int i) {
    while (pos < end) {
      if (!tag()) {
        return false;
      }
      int field = tagField;
      int wire = tagWire;
      if (field == 1 || field == 2) {
        if (wire != 0 || !varint()) {
          return false;
        }
        if (field == 1) {
          v.sensorId[i] = (int) value;
        } else {
          v.sensorType[i] = (int) value;
        }
      } else if (field >= 3 && field <= 7) {
        if (wire != 1 || !fixed64()) {
          return false;
        }
        double d = Double.longBitsToDouble(value);
        switch (field) {
          case 3 -> v.sensorX[i] = d;
          case 4 -> v.sensorY[i] = d;
          case 5 -> v.sensorHeading[i] = d;
          case 6 -> v.sensorHalfFov[i] = d;
          default -> v.sensorRange[i] = d;
        }
      } else if (!unknown(v, field, wire)) {
        return false;
      }
    }
    return true;
  }

  private boolean object(FrameView v, int i) {
    while (pos < end) {
      if (!tag()) {
        return false;
      }
      int field = tagField;
      int wire = tagWire;
      switch (field) {
        case 1, 2, 13, 14 -> {
          if (wire != 0 || !varint()) {
            return false;
          }
          switch (field) {
            case 1 -> v.objectId[i] = (int) value;
            case 2 -> v.objectClass[i] = (int) value;
            case 13 -> v.ageMs[i] = (int) value;
            default -> v.measurementTimeUs[i] = value;
          }
        }
        case 4, 5 -> {
          if (wire != 1 || !fixed64()) {
            return false;
          }
          double d = Double.longBitsToDouble(value);
          if (field == 4) {
            v.x[i] = d;
          } else {
            v.y[i] = d;
          }
        }
        case 3, 6, 7, 8, 9, 10, 12 -> {
          if (wire != 5 || !fixed32()) {
            return false;
          }
          float f = Float.intBitsToFloat((int) value);
          switch (field) {
            case 3 -> v.classConfidence[i] = f;
            case 6 -> v.vx[i] = f;
            case 7 -> v.vy[i] = f;
            case 8 -> v.heading[i] = f;
            case 9 -> v.length[i] = f;
            case 10 -> v.width[i] = f;
            default -> v.existence[i] = f;
          }
        }
        case 11 -> {
          if (wire == 5) {
            if (!fixed32()) {
              return false;
            }
            covariance(v, i, Float.intBitsToFloat((int) value));
          } else if (wire == 2) {
            if (!length() || (value & 3) != 0) {
              return false;
            }
            int stop = pos + (int) value;
            while (pos < stop) {
              fixed32();
              covariance(v, i, Float.intBitsToFloat((int) value));
            }
          } else {
            return false;
          }
        }
        case 15 -> {
          if (wire == 0) {
            if (!varint()) {
              return false;
            }
            v.addSensorId(i, (int) value);
          } else if (wire == 2) {
            if (!length()) {
              return false;
            }
            int saved = end;
            end = pos + (int) value;
            while (pos < end) {
              if (!varint()) {
                return false;
              }
              v.addSensorId(i, (int) value);
            }
            end = saved;
          } else {
            return false;
          }
        }
        default -> {
          if (!unknown(v, field, wire)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static void covariance(FrameView v, int i, float f) {
    int n = v.covarianceCount[i]++;
    if (n < FrameView.COVARIANCE) {
      v.covariance[FrameView.COVARIANCE * i + n] = f;
    }
  }

  private boolean spat(FrameView v) {
    v.hasSpat = true;
    while (pos < end) {
      if (!tag()) {
        return false;
      }
      int field = tagField;
      int wire = tagWire;
      if (field == 1) {
        if (wire != 2 || !length()) {
          return false;
        }
        v.junctionIdOffset = pos;
        v.junctionIdLength = (int) value;
        pos += (int) value;
      } else if (field == 2) {
        if (wire != 2 || !length()) {
          return false;
        }
        int saved = end;
        end = pos + (int) value;
        if (!movement(v, v.addMovement()) || pos != end) {
          return false;
        }
        end = saved;
      } else if (!unknown(v, field, wire)) {
        return false;
      }
    }
    return true;
  }

  private boolean movement(FrameView v, int m) {
    while (pos < end) {
      if (!tag()) {
        return false;
      }
      int field = tagField;
      int wire = tagWire;
      if (field == 1 || field == 2) {
        if (wire != 2 || !length()) {
          return false;
        }
        if (field == 1) {
          v.fromRoadOffset[m] = pos;
          v.fromRoadLength[m] = (int) value;
        } else {
          v.toRoadOffset[m] = pos;
          v.toRoadLength[m] = (int) value;
        }
        pos += (int) value;
      } else if (field >= 3 && field <= 5) {
        if (wire != 0 || !varint()) {
          return false;
        }
        switch (field) {
          case 3 -> v.signalState[m] = (int) value;
          case 4 -> v.minEndMs[m] = (int) value;
          default -> v.maxEndMs[m] = (int) value;
        }
      } else if (!unknown(v, field, wire)) {
        return false;
      }
    }
    return true;
  }

  private boolean unknown(FrameView v, int field, int wire) {
    v.unknownFields++;
    return skip(field, wire, 0);
  }

  /** A tag's field number, or -1 when it is not a valid one (0, or beyond 2^29 - 1). */
  private static int field(long tag) {
    long f = tag >>> 3;
    return f <= 0 || f > 0x1FFF_FFFFL ? -1 : (int) f;
  }

  private boolean skip(int field, int wire, int depth) {
    switch (wire) {
      case 0:
        return varint();
      case 1:
        return fixed64();
      case 2:
        if (!length()) {
          return false;
        }
        pos += (int) value;
        return true;
      case 5:
        return fixed32();
      case 3: {
        if (depth >= MAX_GROUP_DEPTH) {
          return false;
        }
        while (pos < end) {
          if (!tag()) {
            return false;
          }
          int f = tagField;
          int w = tagWire;
          if (w == 4) {
            return f == field;
          }
          if (!skip(f, w, depth + 1)) {
            return false;
          }
        }
        return false; // no end-group tag
      }
      default:
        return false; // 4: end-group without a start; 6, 7: not wire types
    }
  }

  /** Reads a length prefix into {@link #value}: false unless it fits in what is left of the message. */
  private boolean length() {
    return varint() && value >= 0 && value <= end - pos;
  }

  private boolean varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos >= end) {
        return false;
      }
      byte x = b[pos++];
      result |= (long) (x & 0x7F) << shift;
      if (x >= 0) {
        value = result;
        return true;
      }
    }
    return false; // more than 10 bytes
  }

  private boolean fixed32() {
    if (end - pos < 4) {
      return false;
    }
    value = (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24;
    pos += 4;
    return true;
  }

  private boolean fixed64() {
    if (end - pos < 8) {
      return false;
    }
    long v = 0;
    for (int k = 7; k >= 0; k--) {
      v = v << 8 | (b[pos + k] & 0xFFL);
    }
    value = v;
    pos += 8;
    return true;
  }
}
