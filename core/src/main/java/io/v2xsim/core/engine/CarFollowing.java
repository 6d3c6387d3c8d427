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
  private final double[] pose = new double[3];
  private final double[] proj = new double[2];

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
      // A leader that turned onto another connector still has its rear over the end of this lane; on our own
      // next connector the last one is our leader wherever it is.
      a = Math.min(a, rearOverEnd(v, lane, ahead, v0, s));
      if (v.nextLink() instanceof Connector c) {
        int n = s.count(c);
        if (n > 0) {
          s.get(c, n - 1, ru);
          a = Math.min(a, Idm.follow(t, v.speed, v0, ahead + ru.front - ru.length, ru.speed));
        }
      }
    }
    if (!leaderFound && link instanceof Connector c) {
      a = Math.min(a, acrossDiverge(v, c, v.pos, v0, s));
    } else if (!leaderFound && ahead < lookahead && v.nextLink() instanceof Connector c) {
      // Approaching the diverge: one that has just turned off ahead of us may still stand across our way.
      a = Math.min(a, acrossDiverge(v, c, -ahead, v0, s));
    }
    if (link instanceof Lane lane) {
      a = Math.min(a, letIn(v, lane, lane.left(), v0, s));
      a = Math.min(a, letIn(v, lane, lane.right(), v0, s));
    }
    Link next = v.nextLink();
    // The index of the road of the lane the walk reaches next: inside a junction the vehicle still counts as on
    // the road it came from. (Taken as that road, the walk found no way on from the exit lane and stopped there,
    // blind to a standing car one lane further: hcmc-small, SUMO import, behind a 1 m lane.)
    int ri = link instanceof Connector ? v.routeIndex + 1 : v.routeIndex;
    // Every tighter link within the lookahead, not only the next one: behind a 17 m lane a U-turn limited to
    // 3 m/s came too late to brake for from 28 m/s (netconvert's hcmc-small, 2026-12-03).
    while (next != null && ahead < lookahead) {
      double vn = v.desiredSpeed(next);
      if (vn < v.speed) {
        double need = (v.speed * v.speed - vn * vn) / (2 * Math.max(ahead, 1.0));
        if (need > 0.5 * t.decel()) {
          a = Math.min(a, -need);
        }
      }
      if (!leaderFound) {
        int n = s.count(next);
        if (n > 0) {
          s.get(next, n - 1, ru);
          a = Math.min(a, Idm.follow(t, v.speed, v0, ahead + ru.front - ru.length, ru.speed));
          leaderFound = true;
        } else if (next instanceof Lane l) {
          // A lane of a metre or two between clustered junctions: one that turned off its end onto another path
          // may still have its rear over it (and over the path we come in by).
          a = Math.min(a, rearOverEnd(v, l, ahead + l.length(), v0, s));
        } else if (next instanceof Connector c && next != v.nextLink()) {
          // A diverge further on, past a lane of a metre or two between clustered junctions: one that turned off
          // there onto the other path still stands with its rear across ours (hcmc-small: twice in 600 s, once
          // coming out of an 84 m connector at 26 m/s).
          a = Math.min(a, acrossDiverge(v, c, -ahead, v0, s));
        }
      }
      ahead += next.length();
      if (next instanceof Connector c) {
        next = c.to();
        ri++;
      } else {
        next = v.along((Lane) next, ri);
      }
    }
    return a;
  }

  /**
   * Following the rear of the last road user on any connector out of {@code lane} while that rear is still over
   * the lane, whose end is {@code toEnd} m ahead.
   */
  private double rearOverEnd(Vehicle v, Lane lane, double toEnd, double v0, Surroundings s) {
    double best = Double.MAX_VALUE;
    java.util.List<Connector> outs = lane.outgoing();
    for (int ci = 0; ci < outs.size(); ci++) {
      Connector c = outs.get(ci);
      int n = s.count(c);
      if (n > 0) {
        s.get(c, n - 1, ru);
        double rear = ru.front - ru.length;
        if (rear < 0) {
          best = Math.min(best, Idm.follow(v.type, v.speed, v0, toEnd + rear, ru.speed));
        }
      }
    }
    return best;
  }

  /**
   * Following across a diverge: a road user ahead on another connector from the same lane, while its rear is
   * still where the two paths run within {@link #DIVERGE_TOUCH} m of each other (an OpenStreetMap slip road
   * forking off at 21 degrees: the two bodies touched there, four collisions an hour).
   */
  private double acrossDiverge(Vehicle v, Connector c, double pos, double v0, Surroundings s) {
    double best = Double.MAX_VALUE;
    java.util.List<Connector> siblings = c.from().outgoing();
    for (int ci = 0; ci < siblings.size(); ci++) {
      Connector o = siblings.get(ci);
      if (o == c) {
        continue;
      }
      boolean ahead = false;
      int n = s.count(o);
      for (int k = n - 1; k >= 0; k--) { // from the back: the nearest ahead first
        s.get(o, k, ru);
        if (ru.front <= pos) {
          continue;
        }
        ahead = true;
        if (ru.front - ru.length < o.length()) {
          // Where its body is (placed as the engine places it, from its front, length and the lane it left: rear,
          // middle and front), taken onto our path: a U-turner swings its rear across the straight path beside it and
          // comes back across a left turn's, which a comparison of the two paths at equal distances missed
          // (spider, hcmc-small, 2026-12-03). It counts while a point of it is within reach of our path.
          BodyPose.place(o, ru.front, ru.length, c.from(), pose);
          best = Math.min(best, behindBody(v, c, pos, v0));
        }
        break;
      }
      if (!ahead) {
        // Or the last to leave it, whose rear is still on it: on diverging paths into neighbouring lanes the
        // two run side by side up to their ends, and a follower on the other path ran into that rear
        // (netconvert's hcmc-small: a 6.4 m fork into two lanes, twice in 600 s).
        Lane exit = o.to();
        int m = s.count(exit);
        if (m > 0) {
          s.get(exit, m - 1, ru);
          if (ru.front - ru.length < 0) {
            BodyPose.place(exit, ru.front, ru.length, o, pose);
            best = Math.min(best, behindBody(v, c, pos, v0));
          }
        }
      }
    }
    return best;
  }

  /**
   * Following the body of {@link #ru}, its middle and heading in {@link #pose}, while a point of it (rear,
   * middle, front) is within {@link #DIVERGE_TOUCH} of our path {@code c} ahead of {@code pos}.
   */
  private double behindBody(Vehicle v, Connector c, double pos, double v0) {
    double cx = pose[0];
    double cy = pose[1];
    double hx = 0.5 * ru.length * Math.cos(pose[2]);
    double hy = 0.5 * ru.length * Math.sin(pose[2]);
    double nearest = Double.MAX_VALUE;
    for (int p = -1; p <= 1; p++) {
      c.shape().project(cx + p * hx, cy + p * hy, proj);
      double at = proj[0] / c.shapeScale();
      if (Math.abs(proj[1]) < DIVERGE_TOUCH && at > pos && at < c.length()) {
        nearest = Math.min(nearest, at);
      }
    }
    if (nearest == Double.MAX_VALUE) {
      return Double.MAX_VALUE;
    }
    // Its speed along our path: none if it crosses it.
    double along = ru.speed * Math.max(0, Math.cos(pose[2] - c.shape().headingAt(nearest * c.shapeScale())));
    return Idm.follow(v.type, v.speed, v0, nearest - pos, along);
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
