package io.v2xsim.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.v2xsim.core.channel.SyntheticFrames;
import io.v2xsim.wire.v1.Header;
import io.v2xsim.wire.v1.MovementState;
import io.v2xsim.wire.v1.PerceivedObject;
import io.v2xsim.wire.v1.PerceptionFrame;
import io.v2xsim.wire.v1.SensorCoverage;
import io.v2xsim.wire.v1.SignalPhaseAndTiming;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameWireTest {
  /** A random frame over the whole value range: negative, huge, NaN and -0.0 included. */
  static PerceptionFrame random(Random r) {
    PerceptionFrame.Builder f = PerceptionFrame.newBuilder();
    if (r.nextInt(8) != 0) {
      f.setHeader(Header.newBuilder().setProtocolVersion(anyInt(r)).setStationId(anyLong(r))
          .setGenerationTimeUs(anyLong(r)).setSequenceNumber(anyInt(r)));
    }
    for (int s = r.nextInt(4); s > 0; s--) {
      f.addCoverage(SensorCoverage.newBuilder().setSensorId(anyInt(r)).setTypeValue(r.nextInt(5))
          .setXM(anyDouble(r)).setYM(anyDouble(r)).setHeadingRad(anyDouble(r)).setHalfFovRad(anyDouble(r))
          .setRangeM(anyDouble(r)));
    }
    for (int i = r.nextInt(80); i > 0; i--) {
      PerceivedObject.Builder o = f.addObjectsBuilder().setObjectId(anyInt(r)).setObjectClassValue(r.nextInt(8))
          .setClassConfidence(anyFloat(r)).setXM(anyDouble(r)).setYM(anyDouble(r)).setVxMps(anyFloat(r))
          .setVyMps(anyFloat(r)).setHeadingRad(anyFloat(r)).setLengthM(anyFloat(r)).setWidthM(anyFloat(r))
          .setExistenceConfidence(anyFloat(r)).setAgeMs(anyInt(r)).setMeasurementTimeUs(anyLong(r));
      int cov = r.nextInt(3) == 0 ? r.nextInt(11) : 10;
      for (int k = 0; k < cov; k++) {
        o.addCovariance(anyFloat(r));
      }
      for (int k = r.nextInt(4); k > 0; k--) {
        o.addSensorIds(anyInt(r));
      }
    }
    if (r.nextBoolean()) {
      SignalPhaseAndTiming.Builder spat = f.getSpatBuilder().setJunctionId(r.nextInt(4) == 0 ? "" : "J" + r.nextInt());
      for (int m = r.nextInt(10); m > 0; m--) {
        spat.addMovements(MovementState.newBuilder().setFromRoad("in-é€" + r.nextInt(100))
            .setToRoad(r.nextBoolean() ? "" : "out" + r.nextInt(100) + "\uD83D\uDE97").setStateValue(r.nextInt(5))
            .setMinEndMs(anyInt(r)).setMaxEndMs(anyInt(r)));
      }
    }
    return f.build();
  }

  private static int anyInt(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(200);
      default -> r.nextInt();
    };
  }

  private static long anyLong(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(1_000_000);
      default -> r.nextLong();
    };
  }

  private static float anyFloat(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> 0f;
      case 1 -> -0f;
      case 2 -> Float.NaN;
      default -> (float) (r.nextGaussian() * 100);
    };
  }

  private static double anyDouble(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> Double.POSITIVE_INFINITY;
      default -> r.nextGaussian() * 1e4;
    };
  }

  /** Every field of {@code v} equals {@code f}'s (floating point compared bit for bit). */
  static void assertSame(PerceptionFrame f, FrameView v) {
    Header h = f.getHeader();
    assertEquals(h.getProtocolVersion(), v.protocolVersion);
    assertEquals(h.getStationId(), v.stationId);
    assertEquals(h.getGenerationTimeUs(), v.generationTimeUs);
    assertEquals(h.getSequenceNumber(), v.sequenceNumber);
    assertEquals(f.getCoverageCount(), v.coverageCount);
    for (int i = 0; i < v.coverageCount; i++) {
      SensorCoverage c = f.getCoverage(i);
      assertEquals(c.getSensorId(), v.sensorId[i]);
      assertEquals(c.getTypeValue(), v.sensorType[i]);
      assertBits(c.getXM(), v.sensorX[i]);
      assertBits(c.getYM(), v.sensorY[i]);
      assertBits(c.getHeadingRad(), v.sensorHeading[i]);
      assertBits(c.getHalfFovRad(), v.sensorHalfFov[i]);
      assertBits(c.getRangeM(), v.sensorRange[i]);
    }
    assertEquals(f.getObjectsCount(), v.objectCount);
    for (int i = 0; i < v.objectCount; i++) {
      PerceivedObject o = f.getObjects(i);
      assertEquals(o.getObjectId(), v.objectId[i]);
      assertEquals(o.getObjectClassValue(), v.objectClass[i]);
      assertBits(o.getClassConfidence(), v.classConfidence[i]);
      assertBits(o.getXM(), v.x[i]);
      assertBits(o.getYM(), v.y[i]);
      assertBits(o.getVxMps(), v.vx[i]);
      assertBits(o.getVyMps(), v.vy[i]);
      assertBits(o.getHeadingRad(), v.heading[i]);
      assertBits(o.getLengthM(), v.length[i]);
      assertBits(o.getWidthM(), v.width[i]);
      assertEquals(o.getCovarianceCount(), v.covarianceCount[i]);
      for (int k = 0; k < Math.min(10, o.getCovarianceCount()); k++) {
        assertBits(o.getCovariance(k), v.covariance[10 * i + k]);
      }
      assertBits(o.getExistenceConfidence(), v.existence[i]);
      assertEquals(o.getAgeMs(), v.ageMs[i]);
      assertEquals(o.getMeasurementTimeUs(), v.measurementTimeUs[i]);
      assertEquals(o.getSensorIdsCount(), v.sensorIdsCount[i]);
      for (int k = 0; k < o.getSensorIdsCount(); k++) {
        assertEquals(o.getSensorIds(k), v.sensorIds[v.sensorIdsStart[i] + k]);
      }
    }
    assertEquals(f.hasSpat(), v.hasSpat);
    assertEquals(f.getSpat().getJunctionId(), v.hasSpat ? v.junctionId() : "");
    assertEquals(f.getSpat().getMovementsCount(), v.movementCount);
    for (int m = 0; m < v.movementCount; m++) {
      MovementState s = f.getSpat().getMovements(m);
      assertEquals(s.getFromRoad(), v.fromRoad(m));
      assertEquals(s.getToRoad(), v.toRoad(m));
      assertEquals(s.getStateValue(), v.signalState[m]);
      assertEquals(s.getMinEndMs(), v.minEndMs[m]);
      assertEquals(s.getMaxEndMs(), v.maxEndMs[m]);
    }
  }

  private static void assertBits(double expected, double actual) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
  }

  private static void assertBits(float expected, float actual) {
    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual));
  }

  @Test
  void protobufBytesReadBackAndReEncodeToTheSameBytes() throws Exception {
    Random r = new Random(1);
    FrameReader reader = new FrameReader();
    FrameView view = new FrameView();
    FrameWriter writer = new FrameWriter(16);
    for (int n = 0; n < 2000; n++) {
      PerceptionFrame f = random(r);
      byte[] bytes = f.toByteArray();
      // At an offset inside a larger buffer, as the receiver sees payloads.
      byte[] padded = new byte[bytes.length + 7];
      System.arraycopy(bytes, 0, padded, 3, bytes.length);
      assertTrue(reader.read(padded, 3, bytes.length, view), "frame " + n);
      assertSame(f, view);
      assertEquals(0, view.unknownFields);
      writer.frame(view);
      PerceptionFrame again = PerceptionFrame.parseFrom(Arrays.copyOf(writer.buffer(), writer.length()));
      PerceptionFrame expected = f.hasHeader() ? f : f.toBuilder().setHeader(Header.getDefaultInstance()).build();
      assertEquals(expected, again);
      if (f.getObjectsList().stream().allMatch(o -> o.getCovarianceCount() <= 10)) {
        assertArrayEquals(expected.toByteArray(), writer.toByteArray(), "frame " + n);
      }
    }
  }

  @Test
  void writerFromPrimitivesMatchesProtobuf() throws Exception {
    PerceptionFrame f = SyntheticFrames.frame(7, 3, 12, 50);
    FrameWriter w = new FrameWriter();
    w.reset().header(f.getHeader().getProtocolVersion(), f.getHeader().getStationId(),
        f.getHeader().getGenerationTimeUs(), f.getHeader().getSequenceNumber());
    for (SensorCoverage c : f.getCoverageList()) {
      w.coverage(c.getSensorId(), c.getTypeValue(), c.getXM(), c.getYM(), c.getHeadingRad(), c.getHalfFovRad(),
          c.getRangeM());
    }
    for (PerceivedObject o : f.getObjectsList()) {
      float[] cov = new float[o.getCovarianceCount()];
      for (int k = 0; k < cov.length; k++) {
        cov[k] = o.getCovariance(k);
      }
      int[] sids = o.getSensorIdsList().stream().mapToInt(Integer::intValue).toArray();
      w.object(o.getObjectId(), o.getObjectClassValue(), o.getClassConfidence(), o.getXM(), o.getYM(),
          o.getVxMps(), o.getVyMps(), o.getHeadingRad(), o.getLengthM(), o.getWidthM(), cov, 0, cov.length,
          o.getExistenceConfidence(), o.getAgeMs(), o.getMeasurementTimeUs(), sids, 0, sids.length);
    }
    w.beginSpat(f.getSpat().getJunctionId());
    for (MovementState m : f.getSpat().getMovementsList()) {
      w.movement(m.getFromRoad(), m.getToRoad(), m.getStateValue(), m.getMinEndMs(), m.getMaxEndMs());
    }
    w.endSpat();
    assertEquals(f, PerceptionFrame.parseFrom(w.toByteArray()));
    assertArrayEquals(f.toByteArray(), w.toByteArray());
    // A long string moves the nested body by fewer bytes than a short one: still exact.
    String longId = "x".repeat(20_000);
    w.reset().header(1, 2, 3, 4);
    w.beginSpat(longId);
    w.movement(longId, "", 1, 0, 0);
    w.endSpat();
    PerceptionFrame big = PerceptionFrame.newBuilder().setHeader(Header.newBuilder().setProtocolVersion(1)
        .setStationId(2).setGenerationTimeUs(3).setSequenceNumber(4)).setSpat(SignalPhaseAndTiming.newBuilder()
        .setJunctionId(longId).addMovements(MovementState.newBuilder().setFromRoad(longId).setStateValue(1)))
        .build();
    assertArrayEquals(big.toByteArray(), w.toByteArray());
  }

  @Test
  void unknownFieldsAndUnpackedEncodingsAreRead() {
    PerceptionFrame f = SyntheticFrames.frame(3, 2, 2, 5);
    UnknownFieldSet later = UnknownFieldSet.newBuilder()
        .addField(150, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("advisory")).build())
        .addField(120, UnknownFieldSet.Field.newBuilder().addVarint(99).build())
        .addField(121, UnknownFieldSet.Field.newBuilder().addFixed64(99).addFixed32(5).build())
        .addField(122, UnknownFieldSet.Field.newBuilder().addGroup(UnknownFieldSet.newBuilder()
            .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(5).build()).build()).build())
        .build();
    PerceptionFrame.Builder newer = f.toBuilder().setUnknownFields(later);
    newer.getObjectsBuilder(0).setUnknownFields(
        UnknownFieldSet.newBuilder().addField(40, UnknownFieldSet.Field.newBuilder().addFixed32(7).build()).build());
    newer.getHeaderBuilder().setUnknownFields(
        UnknownFieldSet.newBuilder().addField(9, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build());
    byte[] bytes = newer.build().toByteArray();
    FrameView v = new FrameView();
    assertTrue(new FrameReader().read(bytes, 0, bytes.length, v));
    assertSame(f, v);
    assertEquals(7, v.unknownFields);

    // Unpacked repeated scalars (an older or non-Java writer) and a second header occurrence (merged).
    byte[] packed = f.toByteArray();
    byte[] object = f.getObjects(0).toBuilder().clearCovariance().clearSensorIds().build().toByteArray();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(packed);
    java.io.ByteArrayOutputStream obj = new java.io.ByteArrayOutputStream();
    obj.writeBytes(object);
    for (float c : new float[] {1.5f, 2.5f}) {
      obj.write(11 << 3 | 5);
      int bits = Float.floatToRawIntBits(c);
      obj.write(bits);
      obj.write(bits >>> 8);
      obj.write(bits >>> 16);
      obj.write(bits >>> 24);
    }
    obj.write(15 << 3);
    obj.write(3);
    out.write(3 << 3 | 2);
    out.write(obj.size());
    out.writeBytes(obj.toByteArray());
    out.writeBytes(new byte[] {1 << 3 | 2, 2, 4 << 3, 77}); // header again: sequence 77
    byte[] mixed = out.toByteArray();
    assertTrue(new FrameReader().read(mixed, 0, mixed.length, v));
    assertEquals(f.getObjectsCount() + 1, v.objectCount);
    int last = v.objectCount - 1;
    assertEquals(2, v.covarianceCount[last]);
    assertEquals(2.5f, v.covariance[10 * last + 1]);
    assertEquals(1, v.sensorIdsCount[last]);
    assertEquals(3, v.sensorIds[v.sensorIdsStart[last]]);
    assertEquals(77, v.sequenceNumber);
    assertEquals(f.getHeader().getStationId(), v.stationId);
  }

  @Test
  void malformedInputIsRefusedWithoutExceptions() {
    FrameReader reader = new FrameReader();
    FrameView v = new FrameView();
    byte[] good = SyntheticFrames.frame(5, 1, 1, 20).toByteArray();
    for (int cut = 0; cut < good.length; cut++) {
      boolean ok = reader.read(good, 0, cut, v);
      boolean protobufOk = parses(Arrays.copyOf(good, cut));
      assertEquals(protobufOk, ok, "cut at " + cut);
    }
    byte[] ff = new byte[64];
    Arrays.fill(ff, (byte) 0xFF);
    assertFalse(reader.read(ff, 0, ff.length, v));
    assertFalse(reader.read(new byte[] {0, 0}, 0, 2, v), "field 0");
    assertFalse(reader.read(new byte[] {1 << 3 | 0, 1}, 0, 2, v), "header as a varint");
    assertFalse(reader.read(new byte[] {3 << 3 | 2, 2, 4 << 3 | 0, 1}, 0, 4, v), "object x as a varint");
    assertFalse(reader.read(new byte[] {3 << 3 | 2, 2, 11 << 3 | 2, 3, 0, 0, 0}, 0, 7, v), "packed floats % 4");
    assertFalse(reader.read(new byte[] {(byte) (120 << 3 | 3), 7, 8, 1}, 0, 4, v), "unterminated group");
    assertFalse(reader.read(new byte[] {(byte) (120 << 3 | 4), 7}, 0, 2, v), "end group alone");
    assertFalse(reader.read(new byte[] {1 << 3 | 2, 5, 8, 1}, 0, 4, v), "length beyond the buffer");
    assertFalse(reader.read(good, 0, good.length + 1, v), "range beyond the array");
    assertFalse(reader.read(good, -1, 2, v));
    assertTrue(reader.read(good, 0, 0, v), "the empty frame is valid");
    // Random garbage and random corruption: never an exception, and never accepted where protobuf-java
    // finds the framing broken (protobuf may refuse more: invalid UTF-8, mismatched wire types it skips).
    Random r = new Random(9);
    for (int n = 0; n < 20_000; n++) {
      byte[] b;
      if (n % 2 == 0) {
        b = new byte[r.nextInt(200)];
        r.nextBytes(b);
      } else {
        b = good.clone();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
          b[r.nextInt(b.length)] = (byte) r.nextInt();
        }
      }
      boolean ok = reader.read(b, 0, b.length, v);
      if (ok) {
        assertTrue(parsesOrBadUtf8(b), "accepted what protobuf refuses: " + Arrays.toString(b));
      }
    }
  }

  private static boolean parses(byte[] b) {
    try {
      PerceptionFrame.parseFrom(b);
      return true;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return false;
    }
  }

  private static boolean parsesOrBadUtf8(byte[] b) {
    try {
      PerceptionFrame.parseFrom(b);
      return true;
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return e.getMessage() != null && e.getMessage().contains("UTF-8");
    }
  }

  @Test
  void decodingAndEncodingDoNotAllocateOnceWarm() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] bytes = SyntheticFrames.frame(1, 1, 1, 50).toByteArray();
    FrameReader reader = new FrameReader();
    FrameView v = new FrameView();
    FrameWriter w = new FrameWriter();
    for (int i = 0; i < 20_000; i++) {
      reader.read(bytes, 0, bytes.length, v);
      w.frame(v);
    }
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1000; i++) {
      reader.read(bytes, 0, bytes.length, v);
      w.frame(v);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 1000, "allocated " + allocated + " B for 1000 frames");
  }
}
