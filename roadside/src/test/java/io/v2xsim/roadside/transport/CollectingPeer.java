package io.v2xsim.roadside.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
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
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.v2xsim.core.channel.Envelope;
import io.v2xsim.core.channel.TransportKind;
import io.v2xsim.wire.v1.PerceptionFrame;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal Netty receiver for tests: decodes envelopes and frames and keeps them, in arrival order. */
final class CollectingPeer implements AutoCloseable {
  record Received(int sender, int receiver, long deliveryUs, long seq, int payloadLength, PerceptionFrame frame) {}

  private final EventLoopGroup group;
  private final Channel channel;
  private final List<Received> received = new ArrayList<>();
  final AtomicLong count = new AtomicLong();

  CollectingPeer(TransportKind kind) {
    DefaultThreadFactory threads = new DefaultThreadFactory("v2x-test-peer", true);
    Collector collector = new Collector();
    if (kind == TransportKind.UDP) {
      group = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
      channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
          .option(ChannelOption.SO_RCVBUF, 4 << 20)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
          .handler(collector)
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    } else {
      group = new MultiThreadIoEventLoopGroup(1, threads, LocalIoHandler.newFactory());
      channel = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
          .childHandler(new ChannelInitializer<LocalChannel>() {
            @Override
            protected void initChannel(LocalChannel ch) {
              ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), collector);
            }
          })
          .bind(LocalAddress.ANY).syncUninterruptibly().channel();
    }
  }

  SocketAddress address() {
    return channel.localAddress();
  }

  synchronized List<Received> received() {
    return new ArrayList<>(received);
  }

  boolean await(long n) throws InterruptedException {
    for (int i = 0; i < 1000 && count.get() < n; i++) {
      Thread.sleep(10);
    }
    return count.get() == n;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @ChannelHandler.Sharable
  private final class Collector extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      try {
        ByteBuf b = msg instanceof DatagramPacket p ? p.content() : (ByteBuf) msg;
        int at = b.readerIndex();
        if (b.getShort(at) != Envelope.MAGIC || b.getByte(at + Envelope.VERSION_OFFSET) != Envelope.VERSION) {
          throw new IllegalStateException("bad envelope");
        }
        int len = b.getInt(at + Envelope.PAYLOAD_LENGTH_OFFSET);
        if (b.readableBytes() != Envelope.HEADER_BYTES + len) {
          throw new IllegalStateException("length mismatch");
        }
        PerceptionFrame f = PerceptionFrame.parseFrom(b.nioBuffer(at + Envelope.HEADER_BYTES, len));
        synchronized (CollectingPeer.this) {
          received.add(new Received(b.getInt(at + Envelope.SENDER_OFFSET), b.getInt(at + Envelope.RECEIVER_OFFSET),
              b.getLong(at + Envelope.DELIVERY_TIME_OFFSET), b.getLong(at + Envelope.SEQUENCE_OFFSET), len, f));
        }
        count.incrementAndGet();
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }
}
