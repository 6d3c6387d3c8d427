package io.v2xsim.roadside.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.channel.ChannelSpec;
import io.v2xsim.core.channel.RadioModel;
import io.v2xsim.core.channel.SyntheticFrames;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.wire.v1.PerceptionFrame;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrameSenderTest {
  @AfterEach
  void noLeakedThreads() throws InterruptedException {
    for (int i = 0; i < 500 && !alive().isEmpty(); i++) {
      Thread.sleep(10);
    }
    assertEquals(List.of(), alive());
  }

  private static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("v2x-")).map(Thread::getName).toList();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void everyFieldRoundTripsWithItsEnvelope(TransportKind kind) throws Exception {
    PerceptionFrame frame = SyntheticFrames.frame(1, 5, 9, 50);
    try (CollectingPeer peer = new CollectingPeer(kind);
        FrameSender tx = FrameSender.open(kind, 5, List.of(peer.address()))) {
      assertTrue(tx.begin(frame));
      tx.transmit(3, 130_000);
      tx.transmit(8, 131_500);
      tx.end();
      assertEquals(2, tx.transmissions());
      assertTrue(peer.await(2));
      List<CollectingPeer.Received> got = peer.received();
      got.sort(Comparator.comparingLong(CollectingPeer.Received::seq));
      assertEquals(new CollectingPeer.Received(5, 3, 130_000, 0, frame.getSerializedSize(), frame), got.get(0));
      assertEquals(new CollectingPeer.Received(5, 8, 131_500, 1, frame.getSerializedSize(), frame), got.get(1));
      assertEquals(2, tx.written());
      assertEquals(1, tx.encodeNanos().count());
      assertEquals(1, tx.writeNanos().count());
    }
  }

  /** The same sequence of sends gives the same transmissions over both transports. */
  @Test
  void bothTransportsCarryTheSameTransmissions() throws Exception {
    List<CollectingPeer.Received> local = run(TransportKind.IN_PROCESS);
    List<CollectingPeer.Received> udp = run(TransportKind.UDP);
    assertEquals(20 * 300 - lostIn(local), local.size());
    assertEquals(local, udp);
  }

  private static int lostIn(List<CollectingPeer.Received> l) {
    RadioModel radio = new RadioModel(ChannelSpec.defaults(), 77);
    int lost = 0;
    for (int f = 0; f < 20; f++) {
      for (int v = 0; v < 300; v++) {
        if (radio.deliveryTimeUs(5, 0, 0, v, v, 0, f * 100_000L) < 0) {
          lost++;
        }
      }
    }
    return lost;
  }

  private static List<CollectingPeer.Received> run(TransportKind kind) throws Exception {
    try (CollectingPeer peer = new CollectingPeer(kind);
        FrameSender tx = FrameSender.open(kind, 5, List.of(peer.address()))) {
      tx.backpressure(() -> tx.written() - peer.count.get(), FrameSender.DEFAULT_UDP_WINDOW);
      RsuBroadcaster rsu = new RsuBroadcaster(tx, new RadioModel(ChannelSpec.defaults(), 77));
      int n = 300;
      int[] ids = new int[n];
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int v = 0; v < n; v++) {
        ids[v] = v;
        xs[v] = v; // vehicles beyond 300 m are out of range
      }
      for (int f = 0; f < 20; f++) {
        rsu.broadcast(SyntheticFrames.frame(f, 5, f, 20), 0, 0, f * 100_000L, n, ids, xs, ys);
      }
      assertTrue(peer.await(tx.transmissions()), "got " + peer.count.get() + " of " + tx.transmissions());
      List<CollectingPeer.Received> got = peer.received();
      got.sort(Comparator.comparingLong(CollectingPeer.Received::seq));
      return got;
    }
  }

  @Test
  void udpWithBackpressureLosesNothingToAThousandReceivers() throws Exception {
    PerceptionFrame frame = SyntheticFrames.frame(2, 1, 1, 50);
    try (CollectingPeer peer = new CollectingPeer(TransportKind.UDP);
        FrameSender tx = FrameSender.open(TransportKind.UDP, 1, List.of(peer.address()))) {
      tx.backpressure(() -> tx.written() - peer.count.get(), FrameSender.DEFAULT_UDP_WINDOW);
      for (int f = 0; f < 5; f++) {
        tx.begin(frame);
        for (int r = 0; r < 1000; r++) {
          tx.transmit(r, 100_000L * f + 30_000);
        }
        tx.end();
      }
      assertTrue(peer.await(5000), "got " + peer.count.get());
    }
  }

  @Test
  void anOversizedFrameIsRefusedAndCounted() throws Exception {
    try (CollectingPeer peer = new CollectingPeer(TransportKind.IN_PROCESS);
        FrameSender tx = FrameSender.open(TransportKind.IN_PROCESS, 1, List.of(peer.address()), 2048)) {
      assertFalse(tx.begin(SyntheticFrames.frame(3, 1, 1, 100)));
      tx.transmit(1, 0);
      tx.end();
      assertTrue(tx.begin(SyntheticFrames.frame(3, 1, 1, 2)));
      tx.transmit(1, 0);
      tx.end();
      assertEquals(1, tx.oversizeFrames());
      assertEquals(1, tx.transmissions());
      assertTrue(peer.await(1));
    }
  }

  @Test
  void theBuilderIsReusedCleared() throws Exception {
    try (CollectingPeer peer = new CollectingPeer(TransportKind.IN_PROCESS);
        FrameSender tx = FrameSender.open(TransportKind.IN_PROCESS, 1, List.of(peer.address()))) {
      PerceptionFrame.Builder b = tx.builder();
      b.getHeaderBuilder().setStationId(1);
      b.addObjectsBuilder().setObjectId(4);
      PerceptionFrame.Builder again = tx.builder();
      assertTrue(b == again);
      assertEquals(PerceptionFrame.getDefaultInstance(), again.build());
    }
  }
}
