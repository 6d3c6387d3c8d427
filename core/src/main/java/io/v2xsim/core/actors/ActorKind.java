package io.v2xsim.core.actors;

import io.v2xsim.core.sensing.ObjectClass;

/** Road users that are not vehicles: they follow scripted paths and occlude and collide like vehicles. */
public enum ActorKind {
  PEDESTRIAN(0.5, 0.5, 1.4, ObjectClass.PEDESTRIAN),
  CYCLIST(1.8, 0.6, 4.5, ObjectClass.CYCLIST);

  private final double length;
  private final double width;
  private final double speed;
  private final byte objectClass;

  ActorKind(double length, double width, double speed, byte objectClass) {
    this.length = length;
    this.width = width;
    this.speed = speed;
    this.objectClass = objectClass;
  }

  /** Body length along the direction of travel, metres. */
  public double length() {
    return length;
  }

  public double width() {
    return width;
  }

  /** Typical speed, m/s: 1.4 m/s walking (HCM's design walking speed is 1.2; free walking is 1.3-1.5), 4.5 m/s cycling. */
  public double defaultSpeed() {
    return speed;
  }

  public byte objectClass() {
    return objectClass;
  }

  public static ActorKind parse(String s) {
    for (ActorKind k : values()) {
      if (k.name().equalsIgnoreCase(s)) {
        return k;
      }
    }
    return null;
  }
}
