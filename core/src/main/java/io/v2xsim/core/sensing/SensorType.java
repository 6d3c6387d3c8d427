package io.v2xsim.core.sensing;

/** Kinds of sensor; {@link #wireCode()} equals the wire enum {@code v2x.v1.SensorType}. */
public enum SensorType {
  CAMERA(1),
  LIDAR(2),
  RADAR(3);

  private final int wireCode;

  SensorType(int wireCode) {
    this.wireCode = wireCode;
  }

  public int wireCode() {
    return wireCode;
  }
}
