package io.v2xsim.core.engine;

import io.v2xsim.core.demand.Departure;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.traffic.Idm;
import io.v2xsim.core.traffic.VehicleType;
import java.util.List;

/**
 * Puts departing vehicles on their first road, only into a safe gap. A departure that finds no safe gap
 * waits in its road's queue (first come, first served) and is counted as blocked.
 */
final class Insertion {
  private final Engine engine;
  private final List<Departure> departures;
  /** Triggered departures past their earliest time, waiting for the trigger, in departure order. */
  private final java.util.ArrayList<Departure> armed = new java.util.ArrayList<>();
  private int nextDue;
  /** Per road: ring buffer of waiting departure indices. */
  private final int[][] queues;
  private final int[] head;
  private final int[] size;
  private final int[] activeRoads;
  private int activeRoadCount;

  Insertion(Engine engine, List<Departure> departures) {
    this.engine = engine;
    this.departures = departures;
    int roads = engine.network().roads().size();
    queues = new int[roads][];
    head = new int[roads];
    size = new int[roads];
    activeRoads = new int[roads];
  }

  void insertDue(double time) {
    while (nextDue < departures.size() && departures.get(nextDue).time() <= time + 1e-9) {
      Departure d = departures.get(nextDue++);
      if (d.trigger() != null) {
        armed.add(d); // watches for its trigger from now on
      } else {
        enqueue(d.route().get(0).index(), d.index());
      }
    }
    for (int k = 0; k < armed.size(); k++) {
      Departure d = armed.get(k);
      io.v2xsim.core.demand.Trigger g = d.trigger();
      if (Triggers.reached(engine, g.trip(), g.x(), g.y(), g.seconds())) {
        armed.remove(k--);
        enqueue(d.route().get(0).index(), d.index());
      }
    }
    for (int k = 0; k < activeRoadCount; k++) {
      int r = activeRoads[k];
      Road road = engine.network().roads().get(r);
      int tries = road.lanes().size();
      while (size[r] > 0 && tries-- > 0) {
        Departure d = departures.get(queues[r][head[r]]);
        if (!tryInsert(d, road, time)) {
          break;
        }
        head[r] = (head[r] + 1) % queues[r].length;
        size[r]--;
      }
    }
    // Drop roads whose queue emptied, keeping the others in their order.
    int w = 0;
    for (int k = 0; k < activeRoadCount; k++) {
      if (size[activeRoads[k]] > 0) {
        activeRoads[w++] = activeRoads[k];
      }
    }
    activeRoadCount = w;
  }

  private void enqueue(int road, int departure) {
    if (queues[road] == null) {
      queues[road] = new int[16];
    }
    if (size[road] == queues[road].length) {
      int[] bigger = new int[size[road] * 2];
      for (int i = 0; i < size[road]; i++) {
        bigger[i] = queues[road][(head[road] + i) % queues[road].length];
      }
      queues[road] = bigger;
      head[road] = 0;
    }
    queues[road][(head[road] + size[road]) % queues[road].length] = departure;
    if (size[road]++ == 0) {
      activeRoads[activeRoadCount++] = road;
    }
  }

  /** Vehicles still waiting to enter at the end of the run. */
  int waiting() {
    int n = 0;
    for (int s : size) {
      n += s;
    }
    return n + armed.size() + (departures.size() - nextDue);
  }

  /**
   * Whether someone is in the junction on a connector into {@code lane}, or about to enter one: a vehicle bound
   * for it within 3 s (and 10 m) of getting there, looked for up the feeding lanes and, past lanes shorter than
   * {@link #SHORT_FEED} m, the junctions before them (netconvert's hcmc-small: a vehicle was put on an 18.9 m
   * lane fed by a 0.8 m one, in front of a car coming through the junction before at 11.7 m/s).
   */
  private boolean approachBusy(Lane lane) {
    List<io.v2xsim.core.network.Connector> ins = lane.incoming();
    for (int i = 0; i < ins.size(); i++) {
      io.v2xsim.core.network.Connector c = ins.get(i);
      if (engine.occupancy[c.index()].count > 0 || comingOn(c.from(), c, 0, 0)) {
        return true;
      }
    }
    return false;
  }

  /** Whether anyone is on a path through {@code j} or within 3 s (and 10 m) of one of its lines. */
  private boolean junctionBusy(io.v2xsim.core.network.Junction j) {
    for (io.v2xsim.core.network.Connector c : j.connectors()) {
      if (engine.occupancy[c.index()].count > 0) {
        return true;
      }
    }
    for (Road in : j.incoming()) {
      for (Lane l : in.lanes()) {
        LinkOccupancy o = engine.occupancy[l.index()];
        if (o.count > 0 && l.length() - o.vehicles[0].pos < 3 * o.vehicles[0].speed + 10) {
          return true;
        }
      }
    }
    return false;
  }

  /** Feeding lanes of 1-25 m between clustered junctions are looked past, metres. */
  static final double SHORT_FEED = 30.0;

  /**
   * Whether the front vehicle on {@code feed}, bound for {@code next}, is within 3 s (and 10 m) of the line it
   * crosses into the junction, {@code offset} m beyond feed's end; past a short empty feed, whether anyone on the
   * links feeding it is.
   */
  private boolean comingOn(Lane feed, io.v2xsim.core.network.Link next, double offset, int depth) {
    LinkOccupancy o = engine.occupancy[feed.index()];
    if (o.count > 0) {
      Vehicle f = o.vehicles[0];
      return f.nextLink() == next && feed.length() - f.pos + offset < 3 * f.speed + 10;
    }
    if (depth == 2 || feed.length() > SHORT_FEED) {
      return false;
    }
    List<io.v2xsim.core.network.Connector> ins = feed.incoming();
    for (int i = 0; i < ins.size(); i++) {
      io.v2xsim.core.network.Connector c = ins.get(i);
      double at = feed.length() + offset;
      LinkOccupancy on = engine.occupancy[c.index()];
      if (on.count > 0) {
        Vehicle f = on.vehicles[0];
        if (c.length() - f.pos + at < 3 * f.speed + 10) {
          return true;
        }
      } else if (comingOn(c.from(), c, c.length() + at, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code road} starts at a boundary node that some road other than itself and its reverse also uses. */
  private static boolean sharedBoundary(Road road) {
    // Indexed loops: asked at every insertion attempt, the iterators of for-each were the tick's only garbage
    // (the allocation gate, 2026-12-03).
    io.v2xsim.core.network.Junction j = road.from();
    List<Road> out = j.outgoing();
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) != road) {
        return true;
      }
    }
    List<Road> in = j.incoming();
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i).from() != road.to()) {
        return true;
      }
    }
    return false;
  }

  private boolean tryInsert(Departure d, Road road, double time) {
    Road next = d.route().size() > 1 ? d.route().get(1) : null;
    VehicleType t = d.type();
    // A road that starts at a junction (imported demand departs on any edge, as SUMO's randomTrips does):
    // the vehicle is put wholly on the lane, its rear at the lane's start (SUMO's departPos "base"), not
    // overhanging into the junction, and only while no one is coming through the junction into that lane.
    // Entry roads from boundary nodes keep the front at the start, as before (generated networks unchanged).
    boolean inside = road.from().kind() != io.v2xsim.core.network.JunctionKind.BOUNDARY;
    // At a boundary node where other roads than its own reverse meet (two one-way roads of an OSM extract
    // starting at the same node at 90 degrees: hcmc-small), a rear overhanging the lane's start would stand on the
    // other road's lanes: the vehicle is put wholly on its lane there, still at speed.
    double start = inside || sharedBoundary(road) ? t.length() : 0;
    Lane best = null;
    double bestSpace = -1;
    List<Lane> lanes = road.lanes();
    for (int li = 0; li < lanes.size(); li++) {
      Lane lane = lanes.get(li);
      if (next != null && lane.connectorTo(next) == null) {
        continue;
      }
      if (inside && approachBusy(lane)) {
        continue;
      }
      Vehicle back = engine.occupancy[lane.index()].back();
      double space = back == null ? overhang(lane) - start : back.pos - back.type.length() - start;
      if (space > bestSpace) {
        bestSpace = space;
        best = lane;
      }
    }
    if (best == null) {
      best = road.lanes().get(0);
      if (inside && approachBusy(best)) {
        return false;
      }
      Vehicle back = engine.occupancy[best.index()].back();
      bestSpace = back == null ? overhang(best) - start : back.pos - back.type.length() - start;
    }
    double desired = Math.min(t.maxSpeed(), best.speedLimit());
    // Inside the network a vehicle starts from rest, as SUMO's default departSpeed "0" has it: put on a 15 m
    // lane at the limit, it met the line at 25 m/s, and on a lane shorter than itself it was in the junction
    // before it could brake (netconvert's hcmc-small). There the front starts just short of the line.
    double speed = inside ? 0 : desired;
    if (inside && best.length() < start + 0.1) {
      // Its rear then stands in the junction behind, where any of its paths may pass (a 1 m lane between
      // clustered junctions, beside the turn of another lane: hcmc-small): only into a junction nobody is in or
      // about to enter.
      if (junctionBusy(road.from())) {
        return false;
      }
      start = Math.max(0.1, best.length() - 0.1);
      Vehicle ahead = engine.occupancy[best.index()].back();
      bestSpace = ahead == null ? overhang(best) - start : ahead.pos - ahead.type.length() - start;
    }
    Vehicle back = engine.occupancy[best.index()].back();
    if (back == null && bestSpace < Double.MAX_VALUE / 2) {
      // Only the rear of one that has just left the lane is in the way.
      if (bestSpace < t.minGap() + 0.5) {
        return false;
      }
      speed = Math.min(speed, Math.max(0, (bestSpace - t.minGap()) / t.headway()));
    }
    if (back != null) {
      if (bestSpace < t.minGap() + 0.5) {
        return false;
      }
      speed = Math.min(speed, Math.max(0, (bestSpace - t.minGap()) / t.headway()));
      speed = Math.min(speed, back.speed + 2.0);
      // Back off until the IDM would not need more than comfortable braking.
      while (speed > 0 && Idm.follow(t, speed, desired, bestSpace, back.speed) < -t.decel()) {
        speed = Math.max(0, speed - 1.0);
      }
    }
    Vehicle v = engine.spawn(d, best, speed, start);
    engine.measurements().departed(v, time);
    return true;
  }

  /** How far past a lane's end the rear of the last car to leave it still counts, metres. */
  private static final double OVERHANG_LOOK = 20;

  /**
   * Where on {@code lane} (or past its end) the rear of the last vehicle to leave it is, on the connector or the
   * lane beyond it, if that rear still overhangs the lane or is less than {@link #OVERHANG_LOOK} past its end;
   * otherwise "no one" ({@link Double#MAX_VALUE}). A vehicle put on a 6.8 m lane behind one that had just turned
   * off it was put into its rear (netconvert's hcmc-small), and one put on a 0.8 m lane into the rear of a car
   * already past the 2 m connector after it.
   */
  private double overhang(Lane lane) {
    double rear = Double.MAX_VALUE;
    List<io.v2xsim.core.network.Connector> outs = lane.outgoing();
    for (int ci = 0; ci < outs.size(); ci++) {
      io.v2xsim.core.network.Connector c = outs.get(ci);
      Vehicle last = engine.occupancy[c.index()].back();
      double back; // its rear, metres past c's start
      if (last != null) {
        back = last.pos - last.type.length();
      } else {
        Vehicle beyond = engine.occupancy[c.to().index()].back();
        if (beyond == null) {
          continue;
        }
        back = c.length() + beyond.pos - beyond.type.length();
      }
      // Not only a rear still over the lane: one just past its end is as much in the way of a vehicle put at
      // the end of a lane shorter than itself (netconvert's 0.2 m lanes: put 0.1 m behind a connector whose last
      // car's rear was 0.3 m into it, a car stood 0.4 m inside that rear; hcmc-small, a trip a second, t = 1204 s).
      if (back < OVERHANG_LOOK) {
        rear = Math.min(rear, lane.length() + back);
      }
    }
    return rear;
  }
}
