package io.v2xsim.vehicle.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.UnknownFieldSet;
import io.v2xsim.core.channel.SyntheticFrames;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.core.wire.FrameView;
import io.v2xsim.core.wire.FrameWriter;
import io.v2xsim.wire.v1.PerceptionFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrameReceiverTest {
  private record Got(int receiver, long deliveryUs, PerceptionFrame frame) {}

  /** The frame a (reused) view holds, re-encoded and parsed by protobuf-java: all known fields. */
  static PerceptionFrame decode(FrameView v) {
    FrameWriter w = new FrameWriter();
    w.frame(v);
    try {
      return PerceptionFrame.parseFrom(w.toByteArray());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void noLeakedThreads() throws InterruptedException {
    assertTrue(TransportThreads.awaitGone("v2x-"), "event loop threads still alive: " + TransportThreads.alive("v2x-"));
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void everyFieldRoundTrips(TransportKind kind) {
    PerceptionFrame frame = SyntheticFrames.frame(1, 7, 3, 50);
    try (FrameReceiver rx = FrameReceiver.open(kind); RawPeer peer = new RawPeer(kind, rx.address())) {
      peer.send(RawPeer.envelope(7, 42, 250_000, 0, frame.toByteArray()));
      assertTrue(rx.awaitQuiescent(1, 10, TimeUnit.SECONDS));
      List<Got> got = new ArrayList<>();
      assertEquals(0, rx.deliverDue(249_999, (r, f, t) -> got.add(new Got(r, t, decode(f)))));
      assertEquals(1, rx.deliverDue(250_000, (r, f, t) -> got.add(new Got(r, t, decode(f)))));
      assertEquals(List.of(new Got(42, 250_000, frame)), got);
      assertEquals(1, rx.received());
      assertEquals(0, rx.pending());
      assertEquals(1, rx.pathNanos().count());
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void badInputIsCountedAndDroppedAndTheReceiverKeepsWorking(TransportKind kind) {
    byte[] good = SyntheticFrames.frame(2, 1, 1, 10).toByteArray();
    byte[] big = SyntheticFrames.frame(2, 1, 1, 200).toByteArray();
    assertTrue(big.length > 4096);
    byte[] garbage = new byte[300];
    new java.util.Random(5).nextBytes(garbage);
    garbage[0] = 0x13; // not the magic
    byte[] badProto = new byte[64];
    Arrays.fill(badProto, (byte) 0xFF);
    try (FrameReceiver rx = FrameReceiver.open(kind, 4096); RawPeer peer = new RawPeer(kind, rx.address())) {
      peer.send(garbage);
      peer.send(new byte[] {0x56}); // one byte (Netty's NIO loop never surfaces an empty datagram)
      peer.send(Arrays.copyOf(RawPeer.envelope(1, 1, 0, 0, good), 20)); // cut inside the header
      peer.send(RawPeer.envelope(1, 1, 0, 1, Arrays.copyOf(good, good.length / 2), good.length)); // cut payload
      peer.send(RawPeer.envelope(1, 1, 0, 2, big)); // larger than 4 KiB
      peer.send(RawPeer.envelope(1, 1, 0, 3, badProto)); // not a PerceptionFrame
      peer.send(RawPeer.envelope(1, 1, 0, 4, good, good.length - 1)); // trailing bytes
      long expected = 7;
      if (kind == TransportKind.IN_PROCESS) {
        // A length prefix beyond the maximum: the frame decoder skips the announced bytes.
        byte[] huge = new byte[4 + 100_000];
        java.nio.ByteBuffer.wrap(huge).putInt(100_000);
        peer.sendStream(huge);
        expected++;
      }
      peer.send(RawPeer.envelope(1, 9, 500, 5, good));
      expected++;
      assertTrue(rx.awaitQuiescent(expected, 10, TimeUnit.SECONDS), "accounted " + rx.accounted() + " " + java.util.Arrays.stream(DropReason.values()).map(d -> d + "=" + rx.dropped(d)).toList() + " received " + rx.received());
      assertEquals(1, rx.dropped(DropReason.BAD_HEADER));
      assertEquals(3, rx.dropped(DropReason.TRUNCATED));
      assertEquals(kind == TransportKind.IN_PROCESS ? 2 : 1, rx.dropped(DropReason.OVERSIZED));
      assertEquals(2, rx.dropped(DropReason.MALFORMED));
      assertEquals(1, rx.received());
      List<Got> got = new ArrayList<>();
      rx.deliverDue(Long.MAX_VALUE, (r, f, t) -> got.add(new Got(r, t, decode(f))));
      assertEquals(List.of(new Got(9, 500, SyntheticFrames.frame(2, 1, 1, 10))), got);
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void aV1ReaderIgnoresUnknownFields(TransportKind kind) {
    PerceptionFrame frame = SyntheticFrames.frame(3, 2, 2, 5);
    UnknownFieldSet later = UnknownFieldSet.newBuilder()
        .addField(150, UnknownFieldSet.Field.newBuilder().addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8("advisory")).build())
        .addField(120, UnknownFieldSet.Field.newBuilder().addVarint(99).build())
        .build();
    PerceptionFrame.Builder newer = frame.toBuilder().setUnknownFields(later);
    newer.getObjectsBuilder(0).setUnknownFields(
        UnknownFieldSet.newBuilder().addField(40, UnknownFieldSet.Field.newBuilder().addFixed32(7).build()).build());
    byte[] bytes = newer.build().toByteArray();
    try (FrameReceiver rx = FrameReceiver.open(kind); RawPeer peer = new RawPeer(kind, rx.address())) {
      peer.send(RawPeer.envelope(2, 3, 0, 0, bytes));
      assertTrue(rx.awaitQuiescent(1, 10, TimeUnit.SECONDS));
      List<PerceptionFrame> got = new ArrayList<>();
      List<Integer> unknown = new ArrayList<>();
      rx.deliverDue(0, (r, f, t) -> {
        got.add(decode(f));
        unknown.add(f.unknownFields);
      });
      assertEquals(1, got.size());
      PerceptionFrame read = got.get(0);
      // Every known field is as sent; the unknown ones are skipped and change nothing.
      assertEquals(frame.getHeader(), read.getHeader());
      assertEquals(frame.getCoverageList(), read.getCoverageList());
      assertEquals(frame.getSpat(), read.getSpat());
      assertEquals(frame.getObjectsCount(), read.getObjectsCount());
      assertEquals(frame.getObjects(1), read.getObjects(1));
      assertEquals(frame.getObjects(0).getXM(), read.getObjects(0).getXM());
      assertEquals(frame, read);
      assertEquals(List.of(3), unknown);
      assertEquals(0, rx.droppedTotal());
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void awaitQuiescentWaitsForEveryFrameAndTimesOutOtherwise(TransportKind kind) throws Exception {
    byte[] good = SyntheticFrames.frame(4, 1, 1, 3).toByteArray();
    try (FrameReceiver rx = FrameReceiver.open(kind); RawPeer peer = new RawPeer(kind, rx.address())) {
      assertFalse(rx.awaitQuiescent(1, 50, TimeUnit.MILLISECONDS));
      Thread t = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          peer.send(RawPeer.envelope(1, i, 1000, i, good));
        }
      });
      t.start();
      assertTrue(rx.awaitQuiescent(200, 10, TimeUnit.SECONDS));
      t.join();
      assertEquals(200, rx.accounted());
      assertEquals(200, rx.pending());
      assertFalse(rx.awaitQuiescent(201, 50, TimeUnit.MILLISECONDS));
    }
  }

  /** The same transmissions, arriving in different orders over either transport, reach the agents alike. */
  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void deliveryOrderDependsOnlyOnSimulatedTime(TransportKind kind) {
    List<byte[]> sends = new ArrayList<>();
    java.util.Random r = new java.util.Random(11);
    for (int sender = 1; sender <= 3; sender++) {
      for (int seq = 0; seq < 40; seq++) {
        byte[] payload = SyntheticFrames.frame(sender * 100 + seq, sender, seq, 2).toByteArray();
        // Deliberate ties in delivery time, so the (receiver, sender, sequence) tie-breaks are exercised.
        sends.add(RawPeer.envelope(sender, r.nextInt(5), 10_000L * r.nextInt(8), seq, payload));
      }
    }
    List<String> reference = null;
    for (long shuffle : new long[] {1, 2, 3}) {
      List<byte[]> order = new ArrayList<>(sends);
      java.util.Collections.shuffle(order, new java.util.Random(shuffle));
      for (TransportKind k : new TransportKind[] {kind, TransportKind.IN_PROCESS}) {
        List<String> got = new ArrayList<>();
        try (FrameReceiver rx = FrameReceiver.open(k); RawPeer peer = new RawPeer(k, rx.address())) {
          for (byte[] b : order) {
            peer.send(b);
          }
          assertTrue(rx.awaitQuiescent(order.size(), 10, TimeUnit.SECONDS));
          for (long now = 0; now <= 80_000; now += 10_000) { // tick by tick
            long tick = now;
            rx.deliverDue(now, (rcv, f, t) -> got.add(tick + ":" + rcv + ":" + t + ":" + f.stationId
                + ":" + f.sequenceNumber));
          }
        }
        assertEquals(order.size(), got.size());
        if (reference == null) {
          reference = got;
        }
        assertEquals(reference, got);
      }
    }
  }
}
