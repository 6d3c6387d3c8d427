package io.v2xsim.core.engine;

import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Road;
import io.v2xsim.core.traffic.VehicleType;
import java.util.List;

/**
 * A vehicle on the road: mutable per-run state, reused from a pool so that the tick does not allocate.
 * {@code pos} is the front bumper's driving coordinate along {@code link}.
 */
final class Vehicle extends Body {
  int trip;             // index into the run's departures
  io.v2xsim.core.demand.SpeedProfile profile; // a scripted vehicle's speed along its route, or null
  double travelled;     // metres driven since it entered
  VehicleType type;
  double speedFactor;
  List<Road> route;
  int routeIndex;       // road the vehicle is on, or is heading to while on a connector
  Link link;
  /** The connector it came off while its rear may still be on it (null once it changed lane or entered a road). */
  Link prevLink;
  int slot;             // index within the link's occupancy, front = 0
  double pos;
  double speed;
  double accel;
  double prevAccel;
  double laneChangeCooldown;
  int yellowDecisionFor = -1;  // connector index for which the yellow go/stop decision was made
  int yellowClearHeld = -1;    // connector it was held from clearing onto on yellow (waits for the next green)
  int yellowSeenFor = -1;      // connector whose yellow it has been waiting in since yellowSeenTick
  long yellowSeenTick = -1;
  boolean yellowGo;
  long waitingAtLineSinceTick = -1;
  boolean stoppedAtLine;       // all-way stop: has come to a halt at its line
  boolean halted;
  long stuckSinceTick = -1;    // in a lane that does not lead on along the route
  int wantsLane = -1;          // link index of the lane it must move into but has found no gap in yet
  int hazardBody = -1;         // the first pedestrian, cyclist or standing vehicle seen ahead since there was none
  long hazardSeenTick;         // since when, for its reaction time
  long hazardLastSeenTick;     // when the nearest of them was last in view, and where (its memory)
  double hazardX;
  double hazardY;
  double hazardHalfLength;
  int detLink = -1;            // link and front position at the last detector update
  double detPos;

  /**
   * Yellow go/stop decisions for lines further on, by connector index, a few at a time: past clustered junctions
   * two yellows can be in view at once, and with one slot each overwrote the other's decision, so that both were
   * judged anew each tick, the farther one 100 m off at 25 m/s found "go", and the driver crossed it on red.
   */
  private final int[] yellowLines = {-1, -1, -1, -1};
  private final boolean[] yellowGoes = new boolean[4];
  private int yellowNext;

  /** The decision taken for the yellow at connector {@code c}: 1 go, 0 stop, -1 none yet. */
  int yellowDecision(int c) {
    for (int k = 0; k < yellowLines.length; k++) {
      if (yellowLines[k] == c) {
        return yellowGoes[k] ? 1 : 0;
      }
    }
    return -1;
  }

  void decideYellow(int c, boolean go) {
    forgetYellow(c);
    yellowLines[yellowNext] = c;
    yellowGoes[yellowNext] = go;
    yellowNext = (yellowNext + 1) % yellowLines.length;
  }

  /** Forgets the decision for connector {@code c}: its yellow is over, or the driver has passed the line. */
  void forgetYellow(int c) {
    for (int k = 0; k < yellowLines.length; k++) {
      if (yellowLines[k] == c) {
        yellowLines[k] = -1;
      }
    }
  }

  VehicleController controller;
  /** The agent's view of this tick, for the driving rules (null for human drivers). */
  Surroundings agentView;

  void reset(int trip, VehicleType type, double speedFactor, List<Road> route) {
    this.alongRoute = null; // a pooled vehicle: its cached lane choices were another trip's
    this.nextFor = null;
    this.trip = trip;
    this.bodyId = trip;
    this.type = type;
    this.length = type.length();
    this.width = type.width();
    this.objectClass = switch (type.vehicleClass()) {
      case CAR -> io.v2xsim.core.sensing.ObjectClass.CAR;
      case BUS -> io.v2xsim.core.sensing.ObjectClass.BUS;
      case TRUCK -> io.v2xsim.core.sensing.ObjectClass.TRUCK;
      case EMERGENCY -> io.v2xsim.core.sensing.ObjectClass.EMERGENCY;
    };
    this.controller = null;
    this.agentView = null;
    this.speedFactor = speedFactor;
    this.route = route;
    this.routeIndex = 0;
    this.link = null;
    this.prevLink = null;
    this.slot = -1;
    this.pos = 0;
    this.speed = 0;
    this.accel = 0;
    this.prevAccel = 0;
    this.laneChangeCooldown = 0;
    this.yellowDecisionFor = -1;
    this.yellowClearHeld = -1;
    this.yellowSeenFor = -1;
    this.yellowGo = false;
    java.util.Arrays.fill(this.yellowLines, -1);
    this.waitingAtLineSinceTick = -1;
    this.stoppedAtLine = false;
    this.halted = false;
    this.stuckSinceTick = -1;
    this.wantsLane = -1;
    this.hazardBody = -1;
    this.hazardSeenTick = 0;
    this.hazardLastSeenTick = 0;
    this.detLink = -1;
    this.detPos = 0;
  }

  @Override
  double speed() {
    return speed;
  }

  @Override
  String name(Engine e) {
    return e.departures().get(trip).id();
  }

  Road road() {
    return route.get(routeIndex);
  }

  Road nextRoad() {
    return routeIndex + 1 < route.size() ? route.get(routeIndex + 1) : null;
  }

  boolean onLastRoad() {
    return routeIndex == route.size() - 1;
  }

  /**
   * Desired speed on a link: the limit times this driver's factor, capped by the vehicle; for a scripted vehicle
   * past a change of its profile, the profile's speed instead (capped by the vehicle).
   */
  double desiredSpeed(Link l) {
    if (profile != null) {
      double scripted = profile.speedAfter(travelled);
      if (!Double.isNaN(scripted)) {
        return Math.min(type.maxSpeed(), scripted);
      }
    }
    return Math.min(type.maxSpeed(), l.speedLimit() * speedFactor);
  }

  /** The link after the current one along the route, or null at the end or from a lane that does not lead on. */
  Link nextLink() {
    if (link instanceof Lane lane) {
      // Asked by every driver who reads this one's indicator, many times a tick: its own slot.
      if (nextFor != lane || nextRi != routeIndex || nextRoute != route) {
        nextFor = lane;
        nextRi = routeIndex;
        nextRoute = route;
        nextValue = connectorAlong(lane, route, routeIndex, trip);
      }
      return nextValue;
    }
    return ((Connector) link).to();
  }

  /**
   * The connector a driver takes from {@code lane}, the lane of {@code route.get(ri)}: onto the next road, into
   * the target lane that best serves the turn after it (strategic lane choice, {@link Lane#connectorTo(Road,
   * Road, int)}; onto a short road, the one that goes furthest along the route, {@link RouteReach}), ties spread
   * by trip number. Null on the last road or from a lane that does not lead on.
   */
  static Connector connectorAlong(Lane lane, List<Road> route, int ri, int trip) {
    if (ri + 1 >= route.size()) {
      return null;
    }
    Road next = route.get(ri + 1);
    if (next.length() < RouteReach.SHORT_ROAD && ri + 2 < route.size()) {
      return RouteReach.furthest(lane, route, ri, trip);
    }
    Road after = ri + 2 < route.size() ? route.get(ri + 2) : null;
    return lane.connectorTo(next, after, trip);
  }

  // The last few answers of along(): drivers ask for the same few lanes ahead many times a tick, and strategic
  // lane choice weighs every connector each time (the largest cost of a run on netgenerate's grid).
  private static final int ALONG_CACHE = 8;
  private Lane nextFor;
  private int nextRi;
  private List<Road> nextRoute;
  private Connector nextValue;
  private final Lane[] alongLane = new Lane[ALONG_CACHE];
  private final int[] alongRi = new int[ALONG_CACHE];
  private final Connector[] alongResult = new Connector[ALONG_CACHE];
  private List<Road> alongRoute;
  private int alongNext;

  /** {@link #connectorAlong} for this vehicle's route: the connector it takes from {@code lane}, road {@code ri}. */
  Connector along(Lane lane, int ri) {
    if (alongRoute != route) {
      java.util.Arrays.fill(alongLane, null);
      alongRoute = route;
    }
    for (int k = 0; k < ALONG_CACHE; k++) {
      if (alongLane[k] == lane && alongRi[k] == ri) {
        return alongResult[k];
      }
    }
    Connector c = connectorAlong(lane, route, ri, trip);
    alongLane[alongNext] = lane;
    alongRi[alongNext] = ri;
    alongResult[alongNext] = c;
    alongNext = (alongNext + 1) % ALONG_CACHE;
    return c;
  }
}
