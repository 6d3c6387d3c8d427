package io.v2xsim.roadside.transport;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.v2xsim.core.channel.Envelope;
import io.v2xsim.core.channel.LogHistogram;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.wire.v1.PerceptionFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The RSU end of the transport: encodes a {@link PerceptionFrame} once with protobuf and writes one
 * transmission per receiver, each behind an {@link Envelope} header that carries the receiver, the simulated
 * delivery time the radio model chose and a sequence number, through a real Netty pipeline: local channels
 * ({@link TransportKind#IN_PROCESS}, length-prefixed) or connected UDP datagram channels on 127.0.0.1
 * ({@link TransportKind#UDP}, one datagram per transmission).
 *
 * <p>Lifecycle, from the tick thread: {@link #open}; per frame {@link #begin}, {@link #transmit} for each
 * receiver the radio model delivers to, {@link #end}; then wait on the receivers for {@link #transmissions()}
 * frames; {@link #close} at the end of the run. {@code begin/transmit/end} are for one thread at a time.
 *
 * <p>Implementation notes. The tick thread only encodes (into a reused byte array) and fills a batch of
 * primitive arrays; {@link #end} hands the batch to this sender's own event loop as a single task, so every
 * channel write happens in the loop (no per-write task) and the tick thread is free at once. Two batches
 * alternate, so a new frame is encoded while the loop still writes the previous one. Per transmission the loop
 * takes one direct buffer from the {@link PooledByteBufAllocator} (recycled, not allocated), writes the header
 * and copies the payload into it. {@link #begin(byte[], int)} (a frame encoded by
 * {@link io.v2xsim.core.wire.FrameWriter}) allocates nothing; with {@link #begin(MessageLite)} the per-frame
 * garbage is protobuf's {@code CodedOutputStream} and the caller's message (see {@link #builder()}).
 */
public final class FrameSender implements AutoCloseable {
  /** Default limit for in-flight UDP datagrams when backpressure is set: well inside a 4 MiB socket buffer. */
  public static final int DEFAULT_UDP_WINDOW = 256;
  private static final long STALL_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Largest in-process buffer of coalesced envelopes: well inside the pooled allocator's chunks. */
  static final int COALESCE_BYTES = 64 * 1024;

  private final TransportKind kind;
  private final int senderId;
  private final int maxPayloadBytes;
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Channel[] channels;
  private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
  private final PerceptionFrame.Builder builder = PerceptionFrame.newBuilder();
  private final Batch[] batches = {new Batch(), new Batch()};
  private int nextBatch;
  private Batch current;
  private int[] routes = new int[64];
  private long sequence;
  private long transmissions;
  private long frames;
  private long oversizeFrames;
  private final AtomicLong written = new AtomicLong();
  private volatile LongSupplier inFlight;
  private volatile int window = Integer.MAX_VALUE;
  private volatile long stalls;
  private final LogHistogram encodeNanos = new LogHistogram(); // tick thread
  private final LogHistogram writeNanos = new LogHistogram(); // event loop: one value per frame batch

  private FrameSender(TransportKind kind, int senderId, int maxPayloadBytes, List<? extends SocketAddress> endpoints) {
    this.kind = kind;
    this.senderId = senderId;
    this.maxPayloadBytes = kind == TransportKind.UDP
        ? Math.min(maxPayloadBytes, Envelope.MAX_UDP_PAYLOAD_BYTES) : maxPayloadBytes;
    DefaultThreadFactory threads = new DefaultThreadFactory("v2x-rsu-" + senderId, true);
    group = kind == TransportKind.UDP
        ? new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory())
        : new MultiThreadIoEventLoopGroup(1, threads, LocalIoHandler.newFactory());
    loop = group.next();
    channels = new Channel[endpoints.size()];
    try {
      for (int i = 0; i < channels.length; i++) {
        Bootstrap b = new Bootstrap().group(loop).handler(new ChannelInboundHandlerAdapter())
            .option(ChannelOption.ALLOCATOR, alloc);
        if (kind == TransportKind.UDP) {
          b.channel(NioDatagramChannel.class)
              .option(ChannelOption.SO_SNDBUF, 4 << 20)
              .localAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } else {
          b.channel(LocalChannel.class);
        }
        channels[i] = b.connect(endpoints.get(i)).syncUninterruptibly().channel();
      }
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      throw e;
    }
  }

  /**
   * Opens a sender with its own single-thread event loop, connected to every receiver endpoint.
   *
   * @param kind the transport; endpoints are {@code LocalAddress}es for in-process, {@code InetSocketAddress}es
   *     on the loopback for UDP (what the vehicle side's receivers report as their address)
   * @param senderId the RSU's station id, written into every envelope
   * @param endpoints the receiver endpoints; receiver ids go to endpoint 0 unless {@link #route}d elsewhere
   */
  public static FrameSender open(TransportKind kind, int senderId, List<? extends SocketAddress> endpoints) {
    return open(kind, senderId, endpoints, Envelope.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /** As {@link #open(TransportKind, int, List)} with a limit on the encoded frame size, bytes. */
  public static FrameSender open(
      TransportKind kind, int senderId, List<? extends SocketAddress> endpoints, int maxPayloadBytes) {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("a sender needs at least one receiver endpoint");
    }
    return new FrameSender(kind, senderId, maxPayloadBytes, endpoints);
  }

  /** Sends {@code receiverId}'s transmissions to endpoint {@code endpointIndex} (default 0). */
  public void route(int receiverId, int endpointIndex) {
    if (endpointIndex < 0 || endpointIndex >= channels.length) {
      throw new IllegalArgumentException("no endpoint " + endpointIndex);
    }
    if (receiverId >= routes.length) {
      routes = java.util.Arrays.copyOf(routes, Math.max(receiverId + 1, routes.length * 2));
    }
    routes[receiverId] = endpointIndex;
  }

  /**
   * Limits UDP datagrams in flight: before each write the event loop waits (bounded, 10 s) until
   * {@code inFlight} is below {@code window}. Wire {@code inFlight} to (datagrams {@link #written()} by all
   * senders to an endpoint) minus (frames that endpoint has accounted for): the loopback drops datagrams
   * silently when a socket buffer overflows, and a lost datagram would make the run depend on timing.
   */
  public void backpressure(LongSupplier inFlight, int window) {
    this.window = window;
    this.inFlight = inFlight;
  }

  /** This RSU's reusable frame builder, cleared: fill it, then {@code begin(builder().build())}. */
  public PerceptionFrame.Builder builder() {
    return builder.clear();
  }

  /**
   * Starts a frame: encodes it once. Returns false, counts it and ignores the following {@link #transmit}s if
   * the encoded frame is larger than the payload limit (the caller should send fewer objects).
   */
  public boolean begin(MessageLite frame) {
    long t0 = System.nanoTime();
    Batch b = next(frame.getSerializedSize());
    if (b == null) {
      return false;
    }
    int size = frame.getSerializedSize();
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(b.payload, 0, size);
      frame.writeTo(out);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen with an array of the right size
    }
    return started(b, size, t0);
  }

  /**
   * Starts a frame already encoded (e.g. by {@link io.v2xsim.core.wire.FrameWriter}) in
   * {@code bytes[0, length)}: the bytes are copied, so the array may be reused at once. Allocation-free once the
   * payload buffers have grown. Returns false, counts it and ignores the following {@link #transmit}s if the
   * frame is larger than the payload limit.
   */
  public boolean begin(byte[] bytes, int length) {
    long t0 = System.nanoTime();
    if (length < 0 || length > bytes.length) {
      throw new IllegalArgumentException("length " + length + " outside the array of " + bytes.length);
    }
    Batch b = next(length);
    if (b == null) {
      return false;
    }
    System.arraycopy(bytes, 0, b.payload, 0, length);
    return started(b, length, t0);
  }

  /** The next batch, free and with room for {@code size} payload bytes; null (counted) if oversized. */
  private Batch next(int size) {
    Batch b = batches[nextBatch];
    nextBatch ^= 1;
    b.awaitFree();
    if (size > maxPayloadBytes) {
      oversizeFrames++;
      current = null;
      return null;
    }
    if (b.payload.length < size) {
      b.payload = new byte[Math.max(size, b.payload.length * 2)];
    }
    return b;
  }

  private boolean started(Batch b, int size, long t0) {
    b.payloadLength = size;
    b.count = 0;
    b.wallNanos = t0;
    current = b;
    frames++;
    encodeNanos.record(System.nanoTime() - t0);
    return true;
  }

  /** Queues one transmission of the current frame to {@code receiverId}, to arrive at this simulated time. */
  public void transmit(int receiverId, long deliveryTimeUs) {
    Batch b = current;
    if (b == null) {
      return;
    }
    b.add(receiverId, deliveryTimeUs, sequence++, receiverId < routes.length ? routes[receiverId] : 0);
    transmissions++;
  }

  /** Hands the frame's transmissions to the event loop; returns at once. */
  public void end() {
    Batch b = current;
    current = null;
    if (b == null || b.count == 0) {
      return;
    }
    b.busy = true;
    loop.execute(b);
  }

  /** Convenience: one frame to receivers {@code ids[0..n)} at {@code deliveryUs[0..n)} (negative: skipped). */
  public void send(MessageLite frame, int[] ids, long[] deliveryUs, int n) {
    if (begin(frame)) {
      for (int i = 0; i < n; i++) {
        if (deliveryUs[i] >= 0) {
          transmit(ids[i], deliveryUs[i]);
        }
      }
    }
    end();
  }

  /** Transmissions queued so far (the count receivers must account for). Tick thread. */
  public long transmissions() {
    return transmissions;
  }

  /** Transmissions the event loop has written to the channels so far; any thread. */
  public long written() {
    return written.get();
  }

  /** Frames begun and encoded. */
  public long frames() {
    return frames;
  }

  /** Frames refused because they were larger than the payload limit. */
  public long oversizeFrames() {
    return oversizeFrames;
  }

  /** Times the event loop had to wait for backpressure. */
  public long backpressureStalls() {
    return stalls;
  }

  public int senderId() {
    return senderId;
  }

  public TransportKind kind() {
    return kind;
  }

  /** Wall-clock cost of protobuf encoding per frame, ns (tick thread). */
  public LogHistogram encodeNanos() {
    return encodeNanos;
  }

  /** A copy of the wall-clock cost of writing one frame to all its receivers, ns, taken on the event loop. */
  public LogHistogram writeNanos() {
    try {
      return loop.submit(() -> {
        LogHistogram copy = new LogHistogram();
        copy.add(writeNanos);
        return copy;
      }).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Closes the channels but keeps the event loop running, so that in-process peers can finish closing their
   * side on it. Call on every sender, then close the receiver, then {@link #close} the senders.
   */
  public void closeChannels() {
    for (Channel c : channels) {
      if (c != null) {
        c.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
      }
    }
  }

  /** Closes the channels and shuts the event loop down; waits for both. */
  @Override
  public void close() {
    closeChannels();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  /** The transmissions of one frame; filled on the tick thread, written on the event loop. */
  private final class Batch implements Runnable {
    byte[] payload = new byte[4096];
    int payloadLength;
    long wallNanos;
    int count;
    int[] receiver = new int[64];
    long[] delivery = new long[64];
    long[] seq = new long[64];
    int[] endpoint = new int[64];
    volatile boolean busy;

    void add(int r, long t, long s, int e) {
      if (count == receiver.length) {
        int n = count * 2;
        receiver = java.util.Arrays.copyOf(receiver, n);
        delivery = java.util.Arrays.copyOf(delivery, n);
        seq = java.util.Arrays.copyOf(seq, n);
        endpoint = java.util.Arrays.copyOf(endpoint, n);
      }
      receiver[count] = r;
      delivery[count] = t;
      seq[count] = s;
      endpoint[count] = e;
      count++;
    }

    void awaitFree() {
      long deadline = System.nanoTime() + STALL_TIMEOUT_NANOS;
      while (busy) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("sender " + senderId + ": event loop did not finish a frame in 10 s");
        }
        LockSupport.parkNanos(10_000);
      }
    }

    @Override
    public void run() {
      long t0 = System.nanoTime();
      boolean stream = kind == TransportKind.IN_PROCESS;
      int frameBytes = Envelope.HEADER_BYTES + payloadLength;
      try {
        if (stream) {
          writeCoalesced(frameBytes);
        } else {
          for (int i = 0; i < count; i++) {
            Channel ch = channels[endpoint[i]];
            awaitWindow();
            ByteBuf buf = alloc.directBuffer(frameBytes);
            writeEnvelope(buf, i);
            ch.writeAndFlush(buf, ch.voidPromise()); // one datagram, so the window counts what is on the wire
            written.lazySet(written.get() + 1);
          }
        }
      } finally {
        writeNanos.record(System.nanoTime() - t0);
        busy = false;
      }
    }

    /**
     * In-process channels carry a length-prefixed stream, so the envelopes of one frame to one endpoint go out
     * back to back in as few buffers as {@link #COALESCE_BYTES} allows. The receiver's length-field decoder splits
     * them as before; Netty then queues one message per buffer instead of one per transmission, which was most
     * of the transport's per-transmission garbage (a queue node per message inside the local channel).
     */
    private void writeCoalesced(int frameBytes) {
      int each = 4 + frameBytes;
      int perBuffer = Math.max(1, COALESCE_BYTES / each);
      for (int e = 0; e < channels.length; e++) {
        Channel ch = channels[e];
        ByteBuf buf = null;
        int inBuf = 0;
        for (int i = 0; i < count; i++) {
          if (endpoint[i] != e) {
            continue;
          }
          if (buf == null) {
            buf = alloc.directBuffer(each * Math.min(perBuffer, count));
          }
          buf.writeInt(frameBytes); // the length prefix LengthFieldPrepender would add
          writeEnvelope(buf, i);
          if (++inBuf == perBuffer) {
            ch.write(buf, ch.voidPromise());
            written.lazySet(written.get() + inBuf);
            buf = null;
            inBuf = 0;
          }
        }
        if (buf != null) {
          ch.write(buf, ch.voidPromise());
          written.lazySet(written.get() + inBuf);
        }
        ch.flush();
      }
    }

    private void writeEnvelope(ByteBuf buf, int i) {
      buf.writeShort(Envelope.MAGIC)
          .writeByte(Envelope.VERSION)
          .writeByte(0)
          .writeInt(senderId)
          .writeInt(receiver[i])
          .writeLong(delivery[i])
          .writeLong(seq[i])
          .writeLong(wallNanos)
          .writeInt(payloadLength)
          .writeBytes(payload, 0, payloadLength);
    }

    private void awaitWindow() {
      LongSupplier f = inFlight;
      if (f == null || f.getAsLong() < window) {
        return;
      }
      stalls++;
      // Hysteresis: once stalled, let the receiver drain to half the window, so that one wake-up (tens of
      // microseconds or more on a busy machine) pays for many datagrams, not one.
      long low = window / 2;
      long deadline = System.nanoTime() + STALL_TIMEOUT_NANOS;
      int spins = 0;
      while (f.getAsLong() > low && System.nanoTime() < deadline) {
        if (++spins < 100) {
          Thread.onSpinWait();
        } else {
          LockSupport.parkNanos(50_000);
        }
      }
    }
  }
}
