package io.v2xsim.core.engine;

import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Link;

/**
 * A human driver's {@link Surroundings}: the engine's occupancy, as a driver sees cars around it, with their
 * indicators, brake lights and the time they have stood at the line; signals as the engine sets them (a driver
 * approaching a junction sees its heads). The bound driver itself is left out of every list.
 */
final class OccupancyView implements Surroundings {
  private final Engine engine;
  private final LinkOccupancy[] occ;
  private Vehicle ego;

  OccupancyView(Engine engine) {
    this.engine = engine;
    this.occ = engine.occupancy;
  }

  OccupancyView bind(Vehicle v) {
    this.ego = v;
    return this;
  }

  @Override
  public int count(Link link) {
    LinkOccupancy o = occ[link.index()];
    return ego.link == link ? o.count - 1 : o.count;
  }

  @Override
  public void get(Link link, int k, RoadUser out) {
    int i = ego.link == link && k >= ego.slot ? k + 1 : k;
    fill(occ[link.index()].vehicles[i], out);
  }

  @Override
  public int firstBehind(Link link, double pos) {
    if (ego.link == link) {
      // The driver's own place: its slot, exact even when another vehicle stands level with it.
      return pos == ego.pos ? ego.slot : adjust(occ[link.index()].firstBehind(pos));
    }
    return occ[link.index()].firstBehind(pos);
  }

  private int adjust(int fullIndex) {
    return fullIndex > ego.slot ? fullIndex - 1 : fullIndex;
  }

  @Override
  public byte signal(Junction junction, int movement) {
    return engine.signalStates[junction.index()][movement];
  }

  @Override
  public double visibleBehind(Link link, double pos) {
    return Double.POSITIVE_INFINITY;
  }

  /** The driver itself as a road user, for rules that weigh its own place against others'. */
  static void fillSelf(Vehicle v, RoadUser out) {
    fill(v, out);
  }

  static void fill(Vehicle f, RoadUser out) {
    out.front = f.pos;
    out.length = f.type.length();
    out.speed = f.speed;
    out.nextKnown = true;
    out.next = f.nextLink();
    out.type = f.type;
    out.speedFactor = f.speedFactor;
    out.stopsOnYellowAt = f.yellowDecisionFor >= 0 && !f.yellowGo ? f.yellowDecisionFor : -1;
    out.waitingSinceTick = f.waitingAtLineSinceTick;
    out.stoppedAtLine = f.stoppedAtLine;
    out.wantsLane = f.wantsLane;
    out.order = f.trip;
  }
}
