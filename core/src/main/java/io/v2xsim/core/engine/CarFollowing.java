package io.v2xsim.core.engine;

import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.traffic.Idm;
import io.v2xsim.core.traffic.VehicleType;

/**
 * Car following, the first of a driver's three sets of rules ({@link DriverModel}): the Intelligent Driver Model
 * (Treiber, Hennecke and Helbing 2000) behind the nearest road user ahead along the route, looking across links;
 * slowing for tighter links; making room for a vehicle in the next lane that must move in. Reads only what the
 * driver's {@link Surroundings} report; allocation-free.
 */
final class CarFollowing {
  // Scratch for what the view reports.
  private final RoadUser ru = new RoadUser();

  /** IDM behind the nearest road user ahead along the route, looking across links; slows for tighter links. */
  double following(Vehicle v, Surroundings s) {
    VehicleType t = v.type;
    Link link = v.link;
    double v0 = v.desiredSpeed(link);
    double a = Idm.free(t, v.speed, v0);
    double ahead = link.length() - v.pos;
    double lookahead = Math.max(60.0, v.speed * v.speed / (2 * t.decel()) + 2 * v.speed * t.headway() + 20);
    boolean leaderFound = false;
    int lk = s.firstBehind(link, v.pos);
    if (lk > 0) {
      s.get(link, lk - 1, ru);
      a = Math.min(a, Idm.follow(t, v.speed, v0, ru.front - ru.length - v.pos, ru.speed));
      leaderFound = true;
    } else if (link instanceof Lane lane) {
      // A leader that turned onto another connector still has its rear over the end of this lane.
      java.util.List<Connector> outs = lane.outgoing();
      for (int ci = 0; ci < outs.size(); ci++) {
        Connector c = outs.get(ci);
        int n = s.count(c);
        if (n > 0) {
          s.get(c, n - 1, ru);
          double gap = ahead + ru.front - ru.length;
          if (ru.front - ru.length < 0 || c == v.nextLink()) {
            a = Math.min(a, Idm.follow(t, v.speed, v0, gap, ru.speed));
          }
        }
      }
    }
    if (!leaderFound && link instanceof Connector c) {
      a = Math.min(a, acrossDiverge(v, c, v0, s));
    }
    if (link instanceof Lane lane) {
      a = Math.min(a, letIn(v, lane, lane.left(), v0, s));
      a = Math.min(a, letIn(v, lane, lane.right(), v0, s));
    }
    Link next = v.nextLink();
    int ri = v.routeIndex;
    boolean limitChecked = false;
    while (next != null && ahead < lookahead) {
      if (!limitChecked) {
        double vn = v.desiredSpeed(next);
        if (vn < v.speed) {
          double need = (v.speed * v.speed - vn * vn) / (2 * Math.max(ahead, 1.0));
          if (need > 0.5 * t.decel()) {
            a = Math.min(a, -need);
          }
        }
        limitChecked = true;
      }
      if (leaderFound) {
        break;
      }
      int n = s.count(next);
      if (n > 0) {
        s.get(next, n - 1, ru);
        a = Math.min(a, Idm.follow(t, v.speed, v0, ahead + ru.front - ru.length, ru.speed));
        break;
      }
      ahead += next.length();
      if (next instanceof Connector c) {
        next = c.to();
        ri++;
      } else {
        next = Vehicle.connectorAlong((Lane) next, v.route, ri, v.trip);
      }
    }
    return a;
  }

  /**
   * Following across a diverge: a road user ahead on another connector from the same lane, while its rear is
   * still where the two paths run within {@link #DIVERGE_TOUCH} m of each other (an OpenStreetMap slip road
   * forking off at 21 degrees: the two bodies touched there, four collisions an hour).
   */
  private double acrossDiverge(Vehicle v, Connector c, double v0, Surroundings s) {
    double best = Double.MAX_VALUE;
    java.util.List<Connector> siblings = c.from().outgoing();
    for (int ci = 0; ci < siblings.size(); ci++) {
      Connector o = siblings.get(ci);
      if (o == c) {
        continue;
      }
      int n = s.count(o);
      for (int k = n - 1; k >= 0; k--) { // from the back: the nearest ahead first
        s.get(o, k, ru);
        double rear = ru.front - ru.length;
        if (rear <= v.pos) {
          continue;
        }
        if (rear < c.length() && rear < o.length()) {
          double dx = c.shape().xAt(rear * c.shapeScale()) - o.shape().xAt(rear * o.shapeScale());
          double dy = c.shape().yAt(rear * c.shapeScale()) - o.shape().yAt(rear * o.shapeScale());
          if (dx * dx + dy * dy < DIVERGE_TOUCH * DIVERGE_TOUCH) {
            best = Math.min(best, Idm.follow(v.type, v.speed, v0, rear - v.pos, ru.speed));
          }
        }
        break;
      }
    }
    return best;
  }

  /** Paths of two connectors closer than this where a body is, metres, still hold it in front (width + margin). */
  static final double DIVERGE_TOUCH = 2.5;

  /**
   * Cooperation: make room for a vehicle just ahead in the next lane that indicates it must move into this one,
   * as long as that takes no more than comfortable braking.
   */
  private double letIn(Vehicle v, Lane lane, Lane side, double v0, Surroundings s) {
    if (side == null) {
      return Double.MAX_VALUE;
    }
    double best = Double.MAX_VALUE;
    int n = s.count(side);
    for (int k = s.firstBehind(side, v.pos + 40); k < n; k++) {
      s.get(side, k, ru);
      if (ru.front <= v.pos) {
        break;
      }
      if (ru.wantsLane == lane.index()) {
        double acc = Idm.follow(v.type, v.speed, v0, ru.front - ru.length - v.pos, ru.speed);
        if (acc >= -v.type.decel()) {
          best = Math.min(best, acc);
        }
      }
    }
    return best;
  }
}
