package io.v2xsim.core.engine;

/**
 * The physical footprint every road user shares: an oriented box in the world frame. Collision checks and
 * the ground-truth snapshot for sensing read only this.
 */
abstract class Body {
  /** Unique per run: the trip index for vehicles, {@link ActorSystem#ID_BASE} + n for actors. */
  int bodyId;
  byte objectClass;
  double length;
  double width;
  double x;
  double y;
  double heading;
  double cosHeading;
  double sinHeading;

  /** Speed along the heading, m/s. */
  abstract double speed();

  /** Display id for reports. */
  abstract String name(Engine e);

  void setHeading(double h) {
    if (heading != h || cosHeading == 0 && sinHeading == 0) {
      heading = h;
      cosHeading = Math.cos(h);
      sinHeading = Math.sin(h);
    }
  }
}
