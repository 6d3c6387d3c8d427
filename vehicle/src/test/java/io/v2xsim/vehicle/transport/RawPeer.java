package io.v2xsim.vehicle.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.v2xsim.core.channel.Envelope;
import io.v2xsim.core.channel.TransportKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/** A minimal Netty sender for tests: writes whatever bytes it is given, well-formed or not. */
final class RawPeer implements AutoCloseable {
  private final TransportKind kind;
  private final EventLoopGroup group;
  private final Channel channel;
  private final SocketAddress target;

  RawPeer(TransportKind kind, SocketAddress target) {
    this.kind = kind;
    this.target = target;
    DefaultThreadFactory threads = new DefaultThreadFactory("v2x-test-peer", true);
    Bootstrap b = new Bootstrap().handler(new ChannelInboundHandlerAdapter());
    if (kind == TransportKind.UDP) {
      group = new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory());
      b.group(group).channel(NioDatagramChannel.class);
      channel = b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    } else {
      group = new MultiThreadIoEventLoopGroup(1, threads, LocalIoHandler.newFactory());
      b.group(group).channel(LocalChannel.class);
      channel = b.connect(target).syncUninterruptibly().channel();
    }
  }

  /** One transmission: a datagram, or a length-prefixed frame on the stream. */
  void send(byte[] bytes) {
    ByteBuf buf = Unpooled.wrappedBuffer(bytes);
    if (kind == TransportKind.UDP) {
      channel.writeAndFlush(new DatagramPacket(buf, (InetSocketAddress) target)).syncUninterruptibly();
    } else {
      ByteBuf framed = Unpooled.buffer(4 + bytes.length).writeInt(bytes.length).writeBytes(buf);
      channel.writeAndFlush(framed).syncUninterruptibly();
    }
  }

  /** Raw bytes on the stream, no length prefix added (in-process only). */
  void sendStream(byte[] bytes) {
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
  }

  static byte[] envelope(int sender, int receiver, long deliveryUs, long seq, byte[] payload) {
    return envelope(sender, receiver, deliveryUs, seq, payload, payload.length);
  }

  /** An envelope whose header announces {@code declaredLength} payload bytes. */
  static byte[] envelope(int sender, int receiver, long deliveryUs, long seq, byte[] payload, int declaredLength) {
    ByteBuffer b = ByteBuffer.allocate(Envelope.HEADER_BYTES + payload.length);
    b.putShort(Envelope.MAGIC).put(Envelope.VERSION).put((byte) 0)
        .putInt(sender).putInt(receiver).putLong(deliveryUs).putLong(seq).putLong(System.nanoTime())
        .putInt(declaredLength).put(payload);
    return b.array();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
