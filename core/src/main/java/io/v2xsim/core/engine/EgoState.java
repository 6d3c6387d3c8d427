package io.v2xsim.core.engine;

import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Road;

/**
 * What an agent knows about its own vehicle: pose, speed, size and the path it will drive (its route), the
 * way a vehicle knows its own odometry and navigation plan. A reusable flyweight.
 */
public final class EgoState {
  private Engine engine;
  private Vehicle v;
  private final double[] scratch = new double[3];

  EgoState bind(Engine engine, Vehicle v) {
    this.engine = engine;
    this.v = v;
    return this;
  }

  /** Stable numeric id of the vehicle in this run (its object id in ground truth, for metrics only). */
  public int id() {
    return v.trip;
  }

  public String name() {
    return engine.departures().get(v.trip).id();
  }

  public double time() {
    return engine.time();
  }

  public double x() {
    return v.x;
  }

  public double y() {
    return v.y;
  }

  public double heading() {
    return v.heading;
  }

  public double speed() {
    return v.speed;
  }

  public double acceleration() {
    return v.accel;
  }

  public double length() {
    return v.type.length();
  }

  public double width() {
    return v.type.width();
  }

  public double comfortableDecel() {
    return v.type.decel();
  }

  public double maxDecel() {
    return v.type.emergencyDecel();
  }

  /** Front bumper position in the world frame. */
  public double frontX() {
    return v.x + 0.5 * v.type.length() * v.cosHeading;
  }

  public double frontY() {
    return v.y + 0.5 * v.type.length() * v.sinHeading;
  }

  /**
   * The point {@code ahead} metres further along the vehicle's route from its front bumper, written into
   * {@code out} as x, y, heading. Returns false (and the last point reached) if the route ends sooner.
   */
  public boolean pathAhead(double ahead, double[] out) {
    Link link = v.link;
    double s = v.pos + ahead;
    int ri = v.routeIndex;
    while (s > link.length()) {
      Link next;
      if (link instanceof Connector c) {
        next = c.to();
        ri++;
      } else {
        next = v.along((Lane) link, ri);
      }
      if (next == null) {
        link.shape().pose(link.length() * link.shapeScale(), out);
        return false;
      }
      s -= link.length();
      link = next;
    }
    link.shape().pose(s * link.shapeScale(), out);
    return true;
  }

  /**
   * The IDM acceleration this vehicle's driver parameters give behind a leader {@code gap} metres ahead
   * (bumper to bumper) moving at {@code leaderSpeed} along the ego's path.
   */
  public double follow(double gap, double leaderSpeed) {
    return io.v2xsim.core.traffic.Idm.follow(v.type, v.speed, v.desiredSpeed(v.link), gap, leaderSpeed);
  }

  /** The link the vehicle is on (its own place on the map, as its localisation gives it). */
  public Link link() {
    return v.link;
  }

  /** Its front bumper's driving coordinate along {@link #link()}. */
  public double pos() {
    return v.pos;
  }

  /** The desired speed of its driver model on {@code l}: the limit times its factor, capped by the vehicle. */
  public double desiredSpeed(Link l) {
    return v.desiredSpeed(l);
  }

  /** The vehicle's own driving parameters, which an agent also assumes for others it perceives. */
  public io.v2xsim.core.traffic.VehicleType type() {
    return v.type;
  }

  /**
   * The junction connector the vehicle drives next: the one it is on, or the one its lane leads into along its
   * route; null on its last road or in a lane that does not lead on.
   */
  public Connector nextConnector() {
    if (v.link instanceof Connector c) {
      return c;
    }
    return v.along((Lane) v.link, v.routeIndex);
  }

  /**
   * Driving distance from the front bumper to the start of {@link #nextConnector()} (the stop line), metres:
   * negative inside the junction (how far past the line).
   */
  public double distanceToLine() {
    return v.link instanceof Connector ? -v.pos : v.link.length() - v.pos;
  }

  /** Whether {@code r} is the road the vehicle is on or one its route takes later. */
  public boolean onRoute(Road r) {
    for (int i = v.routeIndex; i < v.route.size(); i++) {
      if (v.route.get(i) == r) {
        return true;
      }
    }
    return false;
  }

  /**
   * A traffic-light camera's reading of the signal for the vehicle's own next movement: the state of that
   * movement when its stop line is within {@code range} metres ahead, {@link Surroundings#SIGNAL_UNKNOWN} for
   * any other movement or beyond range. Signal heads stand above the traffic, so a camera with range to the line
   * reads them (occlusion by a tall vehicle ahead is not modelled).
   */
  public byte seenSignal(io.v2xsim.core.network.Junction j, int movement, double range) {
    if (!(v.link instanceof Lane lane) || range <= 0) {
      return Surroundings.SIGNAL_UNKNOWN;
    }
    Connector c = v.along(lane, v.routeIndex);
    if (c == null || c.junction() != j || c.movement() != movement || lane.length() - v.pos > range) {
      return Surroundings.SIGNAL_UNKNOWN;
    }
    return engine.signalState(j, movement);
  }

  /** Scratch space an agent may use with {@link #pathAhead}. */
  public double[] scratch() {
    return scratch;
  }
}
