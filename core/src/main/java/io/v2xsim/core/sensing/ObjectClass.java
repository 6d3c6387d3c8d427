package io.v2xsim.core.sensing;

/**
 * Classes of road users as byte codes, equal to the wire enum {@code v2x.v1.ObjectClass} (perception.proto), so
 * that a class travels from ground truth to a frame without a lookup table. Bytes rather than an enum because the
 * values live in primitive arrays ({@link GroundTruth}, {@link Detections}).
 */
public final class ObjectClass {
  public static final byte UNKNOWN = 0;
  public static final byte CAR = 1;
  public static final byte BUS = 2;
  public static final byte TRUCK = 3;
  public static final byte EMERGENCY = 4;
  public static final byte PEDESTRIAN = 5;
  public static final byte CYCLIST = 6;
  /** Number of codes, UNKNOWN included: size of per-class vote arrays. */
  public static final int COUNT = 7;

  private ObjectClass() {}

  /** Whether {@code c} is a motor vehicle (car, bus, truck, emergency vehicle). */
  public static boolean isVehicle(byte c) {
    return c == CAR || c == BUS || c == TRUCK || c == EMERGENCY;
  }

  public static String name(byte c) {
    switch (c) {
      case CAR: return "CAR";
      case BUS: return "BUS";
      case TRUCK: return "TRUCK";
      case EMERGENCY: return "EMERGENCY";
      case PEDESTRIAN: return "PEDESTRIAN";
      case CYCLIST: return "CYCLIST";
      default: return "UNKNOWN";
    }
  }
}
