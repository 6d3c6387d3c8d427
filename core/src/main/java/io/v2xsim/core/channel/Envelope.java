package io.v2xsim.core.channel;

/**
 * The fixed header the transport puts before the protobuf bytes of every transmission, shared by the roadside
 * sender and the vehicle receiver (which know each other only through core). Big-endian, 40 bytes:
 *
 * <pre>
 * offset size field
 *      0    2 magic 0x5632 ("V2")
 *      2    1 envelope version (1)
 *      3    1 flags (0; reserved)
 *      4    4 sender id (station, int)
 *      8    4 receiver id (vehicle agent, int)
 *     12    8 delivery time, simulated microseconds (decided by the {@link RadioModel})
 *     20    8 transmission sequence number of the sender (ties in delivery time break on it)
 *     28    8 wall-clock System.nanoTime() at encode start (measurement only, never model input)
 *     36    4 payload length, bytes (detects truncation)
 *     40    n payload: one v2x.v1.PerceptionFrame
 * </pre>
 *
 * <p>Why a header and not a wrapper message: the receiver must be able to reject a frame by its size, its
 * length or its origin before paying for a protobuf parse, and the sender writes the per-receiver fields
 * into a fixed position without re-encoding the frame for every receiver.
 */
public final class Envelope {
  public static final short MAGIC = 0x5632;
  public static final byte VERSION = 1;
  public static final int MAGIC_OFFSET = 0;
  public static final int VERSION_OFFSET = 2;
  public static final int FLAGS_OFFSET = 3;
  public static final int SENDER_OFFSET = 4;
  public static final int RECEIVER_OFFSET = 8;
  public static final int DELIVERY_TIME_OFFSET = 12;
  public static final int SEQUENCE_OFFSET = 20;
  public static final int WALL_NANOS_OFFSET = 28;
  public static final int PAYLOAD_LENGTH_OFFSET = 36;
  public static final int HEADER_BYTES = 40;

  /** Default largest payload a receiver accepts, bytes (64 KiB). */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

  /** Largest payload one UDP datagram can carry with the header (65,507 bytes of IPv4 UDP payload). */
  public static final int MAX_UDP_PAYLOAD_BYTES = 65_507 - HEADER_BYTES;

  private Envelope() {}
}
