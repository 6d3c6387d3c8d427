package io.v2xsim.vehicle.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.v2xsim.core.channel.Envelope;
import io.v2xsim.core.channel.LogHistogram;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.core.wire.FrameReader;
import io.v2xsim.core.wire.FrameView;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The vehicle end of the transport: one endpoint that serves any number of vehicle agents (the envelope names
 * the receiver). Its event loop reads each transmission, validates the envelope and the frame (decoding it with
 * {@link FrameReader} into a scratch view) and buffers the payload bytes; the tick thread waits until all
 * frames of the tick are accounted for ({@link #awaitQuiescent}) and then takes those whose simulated delivery
 * time has come ({@link #deliverDue}), in the order (delivery time, receiver, sender, sequence), decoding each
 * into one reused {@link FrameView}. Nothing the agents see depends on thread timing, so in-process and UDP
 * runs agree. No allocation per frame once the buffers have grown (Netty's own per-read objects aside).
 *
 * <p>Robustness: anything that is not a well-formed envelope with a valid {@code PerceptionFrame} inside is
 * counted by {@link DropReason} and dropped; the channel stays open and the next frame is read normally.
 * Unknown protobuf fields (a later schema) are skipped.
 *
 * <p>Lifecycle: {@link #open} binds ({@link #address()} is what senders connect to), {@link #close} closes the
 * channels and shuts down the event loop.
 */
public final class FrameReceiver implements AutoCloseable {
  /** Socket receive buffer requested for UDP, bytes (the kernel may cap it at net.core.rmem_max). */
  public static final int UDP_RECEIVE_BUFFER_BYTES = 4 << 20;

  private final TransportKind kind;
  private final int maxPayloadBytes;
  private final EventLoopGroup group;
  private final Channel channel;
  private final SocketAddress address;

  private final AtomicLong received = new AtomicLong();
  private final AtomicLong accounted = new AtomicLong();
  private final AtomicLongArray dropped = new AtomicLongArray(DropReason.values().length);
  private volatile Thread waiter;
  private volatile long waitTarget = Long.MAX_VALUE;

  // Guarded by `this`: the event loop adds, the tick thread takes.
  private final PendingHeap pending = new PendingHeap();
  private final LogHistogram decodeNanos = new LogHistogram();
  private final LogHistogram pathNanos = new LogHistogram();
  private PendingHeap.Entry[] due = new PendingHeap.Entry[64];
  // Event loop only: validation.
  private final FrameReader loopReader = new FrameReader();
  private final FrameView loopView = new FrameView();
  private byte[] loopBytes = new byte[4096];
  // Tick thread only (deliverDue): the view handed to the sink.
  private final FrameReader deliverReader = new FrameReader();
  private final FrameView deliverView = new FrameView();

  private FrameReceiver(TransportKind kind, int maxPayloadBytes) {
    this.kind = kind;
    this.maxPayloadBytes = maxPayloadBytes;
    DefaultThreadFactory threads = new DefaultThreadFactory("v2x-fleet", true);
    EnvelopeHandler handler = new EnvelopeHandler();
    if (kind == TransportKind.UDP) {
      group = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
      try {
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.SO_RCVBUF, UDP_RECEIVE_BUFFER_BYTES)
            // Netty reads datagrams into 2 KiB buffers by default and would cut bigger ones: take the largest.
            .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
            .handler(handler)
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
      } catch (RuntimeException e) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        throw e;
      }
    } else {
      group = new MultiThreadIoEventLoopGroup(1, threads, LocalIoHandler.newFactory());
      int maxFrame = Envelope.HEADER_BYTES + maxPayloadBytes;
      try {
        channel = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
            // Pooled like the sender and the UDP path (the default adaptive allocator allocates per read).
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childHandler(new ChannelInitializer<LocalChannel>() {
              @Override
              protected void initChannel(LocalChannel ch) {
                // Length prefix of 4 bytes, stripped; fail fast on an oversized length and skip its bytes.
                ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(maxFrame, 0, 4, 0, 4, true), handler);
              }
            })
            .bind(LocalAddress.ANY).syncUninterruptibly().channel();
      } catch (RuntimeException e) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        throw e;
      }
    }
    address = channel.localAddress();
  }

  /** Opens an endpoint accepting payloads up to {@link Envelope#DEFAULT_MAX_PAYLOAD_BYTES}. */
  public static FrameReceiver open(TransportKind kind) {
    return open(kind, Envelope.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /** Opens an endpoint with its own single-thread event loop and binds it (UDP: 127.0.0.1, any port). */
  public static FrameReceiver open(TransportKind kind, int maxPayloadBytes) {
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive");
    }
    return new FrameReceiver(kind, maxPayloadBytes);
  }

  /** Where senders connect: a {@code LocalAddress} (in-process) or an {@code InetSocketAddress} (UDP). */
  public SocketAddress address() {
    return address;
  }

  public TransportKind kind() {
    return kind;
  }

  /** Frames decoded and buffered so far. */
  public long received() {
    return received.get();
  }

  /** Frames or datagrams dropped for this reason so far. */
  public long dropped(DropReason reason) {
    return dropped.get(reason.ordinal());
  }

  public long droppedTotal() {
    long n = 0;
    for (int i = 0; i < dropped.length(); i++) {
      n += dropped.get(i);
    }
    return n;
  }

  /** Received plus dropped: what a sender's transmission count is compared with. Any thread. */
  public long accounted() {
    return accounted.get();
  }

  /**
   * Waits until {@link #accounted()} reaches {@code expected} (a cumulative count: the sum of the senders'
   * transmissions so far). Returns false on timeout, which means frames were lost outside the model (a UDP
   * buffer overflow) and the run is no longer independent of timing.
   */
  public boolean awaitQuiescent(long expected, long timeout, TimeUnit unit) {
    if (accounted.get() >= expected) {
      return true;
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    waitTarget = expected;
    waiter = Thread.currentThread();
    try {
      while (accounted.get() < expected) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          return accounted.get() >= expected;
        }
      }
      return true;
    } finally {
      waiter = null;
      waitTarget = Long.MAX_VALUE;
    }
  }

  /** Frames buffered and not yet delivered. */
  public synchronized int pending() {
    return pending.size();
  }

  /**
   * Hands every buffered frame with delivery time {@code <= nowUs} to {@code sink}, ordered by (delivery time,
   * receiver id, sender id, sequence number), and returns how many. Call after {@link #awaitQuiescent}.
   */
  public int deliverDue(long nowUs, FrameSink sink) {
    int n = 0;
    synchronized (this) {
      while (pending.size() > 0 && pending.peek().deliveryTimeUs <= nowUs) {
        if (n == due.length) {
          due = java.util.Arrays.copyOf(due, n * 2);
        }
        due[n++] = pending.poll();
      }
    }
    try {
      for (int i = 0; i < n; i++) {
        PendingHeap.Entry e = due[i];
        if (!deliverReader.read(e.payload, 0, e.payloadLength, deliverView)) {
          throw new IllegalStateException("a frame validated on arrival no longer decodes");
        }
        sink.onFrame(e.receiverId, deliverView, e.deliveryTimeUs);
      }
    } finally {
      synchronized (this) {
        for (int i = 0; i < n; i++) {
          pending.recycle(due[i]);
          due[i] = null;
        }
      }
    }
    return n;
  }

  /** A copy of the wall-clock cost of validating and decoding one frame on the event loop, ns. */
  public synchronized LogHistogram decodeNanos() {
    LogHistogram h = new LogHistogram();
    h.add(decodeNanos);
    return h;
  }

  /**
   * A copy of the wall-clock time from the sender's encode start to the end of decoding here, ns: the real
   * Netty path (encode, write, read, decode). Measurement only: it never changes what the agents receive.
   */
  public synchronized LogHistogram pathNanos() {
    LogHistogram h = new LogHistogram();
    h.add(pathNanos);
    return h;
  }

  /** Clears both wall-clock histograms (e.g. after warm-up). */
  public synchronized void resetHistograms() {
    decodeNanos.reset();
    pathNanos.reset();
  }

  /** Closes the channel and shuts the event loop down; waits for both. Buffered frames are discarded. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }

  private void account() {
    long n = accounted.incrementAndGet();
    Thread w = waiter;
    if (w != null && n >= waitTarget) {
      LockSupport.unpark(w);
    }
  }

  private void drop(DropReason reason) {
    dropped.incrementAndGet(reason.ordinal());
    account();
  }

  /** Validates the envelope and decodes the frame inside {@code buf} (readable bytes: header and payload). */
  void onTransmission(ByteBuf buf) {
    long t0 = System.nanoTime();
    int n = buf.readableBytes();
    int at = buf.readerIndex();
    if (n >= 3 && (buf.getShort(at) != Envelope.MAGIC || buf.getByte(at + Envelope.VERSION_OFFSET) != Envelope.VERSION)) {
      drop(DropReason.BAD_HEADER);
      return;
    }
    if (n < Envelope.HEADER_BYTES) {
      drop(DropReason.TRUNCATED);
      return;
    }
    int length = buf.getInt(at + Envelope.PAYLOAD_LENGTH_OFFSET);
    if (length < 0) {
      drop(DropReason.BAD_HEADER);
      return;
    }
    if (length > maxPayloadBytes || n - Envelope.HEADER_BYTES > maxPayloadBytes) {
      drop(DropReason.OVERSIZED);
      return;
    }
    if (n - Envelope.HEADER_BYTES < length) {
      drop(DropReason.TRUNCATED);
      return;
    }
    if (n - Envelope.HEADER_BYTES > length) {
      drop(DropReason.MALFORMED);
      return;
    }
    byte[] bytes;
    int offset;
    if (buf.hasArray()) {
      bytes = buf.array();
      offset = buf.arrayOffset() + at + Envelope.HEADER_BYTES;
    } else {
      if (loopBytes.length < length) {
        loopBytes = new byte[Math.max(length, 2 * loopBytes.length)];
      }
      buf.getBytes(at + Envelope.HEADER_BYTES, loopBytes, 0, length);
      bytes = loopBytes;
      offset = 0;
    }
    if (!loopReader.read(bytes, offset, length, loopView)) {
      drop(DropReason.MALFORMED);
      return;
    }
    long t1 = System.nanoTime();
    synchronized (this) {
      pending.add(
          buf.getInt(at + Envelope.RECEIVER_OFFSET),
          buf.getInt(at + Envelope.SENDER_OFFSET),
          buf.getLong(at + Envelope.DELIVERY_TIME_OFFSET),
          buf.getLong(at + Envelope.SEQUENCE_OFFSET),
          buf, at + Envelope.HEADER_BYTES, length);
      decodeNanos.record(t1 - t0);
      pathNanos.record(t1 - buf.getLong(at + Envelope.WALL_NANOS_OFFSET));
    }
    received.incrementAndGet();
    account();
  }

  /** The last handler of the pipeline, shared by all child channels of an in-process endpoint. */
  @ChannelHandler.Sharable
  private final class EnvelopeHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof DatagramPacket p) {
          onTransmission(p.content());
        } else if (msg instanceof ByteBuf b) {
          onTransmission(b);
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // The frame decoder reports a frame it refused; count it and keep the channel open.
      if (cause instanceof TooLongFrameException) {
        drop(DropReason.OVERSIZED);
      } else if (cause instanceof CorruptedFrameException) {
        drop(DropReason.BAD_HEADER);
      } else {
        drop(DropReason.MALFORMED);
      }
    }
  }
}
