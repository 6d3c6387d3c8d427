package io.v2xsim.core.engine;

import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import java.util.List;

/**
 * How far a driver can follow its route from the start of a lane without changing lanes, taking at each junction
 * the connector that goes furthest: the idea of SUMO's "best lanes", which look several edges ahead (Erdmann
 * 2014, "SUMO's lane-changing model"). Choosing by the next road alone, a driver on netconvert's hcmc-small came
 * out of an 18.9 m road into the middle lane of a 32.1 m one whose left lane alone turns left, and forced its way
 * across at 21 m/s into a car already in the junction (a trip a second, seed 1, t = 185.1 s); another took an
 * 84 m connector into a 24 m lane that did not lead its way and crossed a red line it could no longer stop at.
 * Looked at only where the next road is short (under {@link #SHORT_ROAD}), so long roads keep the one-road-ahead
 * choice of {@link Lane#connectorTo(Road, Road, int)}. Allocation-free; bounded by {@link #MAX_DEPTH} roads.
 */
final class RouteReach {
  private RouteReach() {}

  /** A road shorter than this, metres, is too short to change lanes on at speed: choices look past it. */
  static final double SHORT_ROAD = 120;
  /** How far a connector choice looks, metres from the start of the lane the connector leads into. */
  static final double CONNECTOR_HORIZON = 250;
  /** Roads looked through at most. */
  static final int MAX_DEPTH = 6;

  /**
   * Metres from the start of {@code lane} (on {@code route.get(ri)}) that can be driven along the route without a
   * lane change, or {@code horizon} if at least that far (or to the end of the route).
   */
  static double reach(Lane lane, List<Road> route, int ri, double horizon) {
    return reach(lane, route, ri, horizon, MAX_DEPTH);
  }

  private static double reach(Lane lane, List<Road> route, int ri, double horizon, int depth) {
    double len = lane.length();
    if (ri + 1 >= route.size() || len >= horizon || depth == 0) {
      return horizon;
    }
    Road next = route.get(ri + 1);
    double best = len; // no way on from here: it must be left by its end
    List<Connector> outs = lane.outgoing();
    for (int i = 0; i < outs.size(); i++) {
      Connector c = outs.get(i);
      if (c.to().road() != next) {
        continue;
      }
      double through = len + c.length();
      double r = through >= horizon ? horizon : through + reach(c.to(), route, ri + 1, horizon - through, depth - 1);
      if (r >= horizon) {
        return horizon;
      }
      best = Math.max(best, r);
    }
    return best;
  }

  /**
   * Of the connectors from {@code lane} onto the short road {@code route.get(ri + 1)}, the one that reaches
   * furthest along the route; ties spread by {@code tieBreak}. Null if the lane does not lead onto that road.
   */
  static Connector furthest(Lane lane, List<Road> route, int ri, int tieBreak) {
    Road next = route.get(ri + 1);
    double best = -1;
    int ties = 0;
    List<Connector> outs = lane.outgoing();
    for (int i = 0; i < outs.size(); i++) {
      Connector c = outs.get(i);
      if (c.to().road() == next) {
        double r = reach(c.to(), route, ri + 1, CONNECTOR_HORIZON);
        if (r > best) {
          best = r;
          ties = 1;
        } else if (r == best) {
          ties++;
        }
      }
    }
    if (ties == 0) {
      return null;
    }
    int pick = Math.floorMod(tieBreak, ties);
    for (int i = 0; i < outs.size(); i++) {
      Connector c = outs.get(i);
      if (c.to().road() == next && reach(c.to(), route, ri + 1, CONNECTOR_HORIZON) == best && pick-- == 0) {
        return c;
      }
    }
    throw new AssertionError("unreachable");
  }
}
