package io.v2xsim.core.channel;

/** How frames travel between RSUs and vehicles; both give the same results (ARCHITECTURE.md, step 4). */
public enum TransportKind {
  /** Netty local channels inside the JVM, length-prefixed stream framing. The default. */
  IN_PROCESS,
  /** One UDP datagram per (frame, receiver) on the loopback, 127.0.0.1. */
  UDP
}
