package io.v2xsim.bench.transport;

import io.v2xsim.core.channel.SyntheticFrames;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.core.wire.FrameReader;
import io.v2xsim.core.wire.FrameView;
import io.v2xsim.core.wire.FrameWriter;
import io.v2xsim.roadside.transport.FrameSender;
import io.v2xsim.vehicle.transport.FrameReceiver;
import io.v2xsim.vehicle.transport.FrameSink;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encoding plus Netty delivery of one frame of 50 objects to N receivers, the transport step of a tick: encode
 * once (with {@link FrameWriter}, from the primitives of a {@link FrameView}, as the RSU does from its fused
 * tracks), one transmission per receiver through the real pipeline, wait until all are read and decoded, hand them
 * to a sink. SampleTime mode: the score is the mean time per frame (all receivers served), with its percentiles;
 * frames per second is {@code receivers / mean}. The receiver's wall-clock path histogram
 * (encode start to decode end, per transmission) is printed at the end of each trial.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar TransportBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransportBenchmark {
  @Param({"1", "100", "1000"})
  int receivers;

  @Param({"IN_PROCESS", "UDP"})
  TransportKind transport;

  private FrameReceiver rx;
  private FrameSender tx;
  private final FrameView frame = new FrameView();
  private final FrameWriter writer = new FrameWriter();
  private byte[] source;
  private long expected;
  private long tick;
  private Blackhole hole;
  private final FrameSink sink = (r, f, t) -> hole.consume(f.x[f.objectCount - 1]);

  @Setup(Level.Trial)
  public void setUp(Blackhole bh) {
    hole = bh;
    source = SyntheticFrames.frame(1, 1, 1, 50).toByteArray();
    if (!new FrameReader().read(source, 0, source.length, frame)) {
      throw new IllegalStateException("synthetic frame does not decode");
    }
    rx = FrameReceiver.open(transport);
    tx = FrameSender.open(transport, 1, List.of(rx.address()));
    tx.backpressure(() -> tx.written() - rx.accounted(), FrameSender.DEFAULT_UDP_WINDOW);
  }

  @Setup(Level.Iteration)
  public void resetHistograms() {
    rx.resetHistograms();
  }

  @Benchmark
  public int deliverOneFrame() {
    long now = ++tick * 100_000L;
    writer.frame(frame);
    tx.begin(writer.buffer(), writer.length());
    for (int r = 0; r < receivers; r++) {
      tx.transmit(r, now);
    }
    tx.end();
    expected += receivers;
    if (!rx.awaitQuiescent(expected, 10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("frames lost: " + rx.accounted() + " of " + expected);
    }
    return rx.deliverDue(now, sink);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.printf("%n%s x%d: path %s; decode %s; encode %s; frame %d B; dropped %d%n",
        transport, receivers, rx.pathNanos().summaryMicros(), rx.decodeNanos().summaryMicros(),
        tx.encodeNanos().summaryMicros(), writer.length(), rx.droppedTotal());
    tx.close();
    rx.close();
  }
}
