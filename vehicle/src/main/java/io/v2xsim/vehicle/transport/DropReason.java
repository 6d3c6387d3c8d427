package io.v2xsim.vehicle.transport;

/** Why a receiver dropped bytes it read off the wire. Each dropped frame or datagram counts once. */
public enum DropReason {
  /** Not our envelope: wrong magic or version, or a corrupt length prefix (garbage). */
  BAD_HEADER,
  /** Fewer bytes than the header, or than the payload length the header announces. */
  TRUNCATED,
  /** Larger than the configured maximum payload. */
  OVERSIZED,
  /** The envelope was fine but the payload is not a valid PerceptionFrame (or has trailing bytes). */
  MALFORMED
}
