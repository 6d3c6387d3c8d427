package io.v2xsim.core.engine;

import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Link;

/**
 * A human driver's {@link Surroundings}: the engine's occupancy, as a driver sees cars around it, with their
 * indicators, brake lights and the time they have stood at the line; signals as the engine sets them (a driver
 * approaching a junction sees its heads). The bound driver itself is left out of every list.
 *
 * <p>Where the scene has scenery that blocks sight (buildings, parked vehicles), a driver knows of a vehicle on
 * another link only with a line of sight from its eye to that vehicle's centre or front: a car hidden behind a
 * corner building is not yielded to until it comes into view. In its own lane a driver always sees the car ahead.
 * Scenes without such scenery take the fast path and are unchanged.
 */
final class OccupancyView implements Surroundings {
  private final Engine engine;
  private final LinkOccupancy[] occ;
  private final boolean sceneryHides;
  private Vehicle ego;
  // Vehicles in view on the links asked about since bind (scenes with scenery only).
  private int links;
  private int[] linkIndex = new int[16];
  private int[] linkStart = new int[16];
  private int[] linkCount = new int[16];
  private int entries;
  private Vehicle[] seen = new Vehicle[32];

  OccupancyView(Engine engine) {
    this.engine = engine;
    this.occ = engine.occupancy;
    var scene = engine.model().scene();
    boolean hides = !scene.buildings().isEmpty();
    for (var p : scene.parked()) {
      hides |= !p.inLane();
    }
    this.sceneryHides = hides;
  }

  OccupancyView bind(Vehicle v) {
    this.ego = v;
    links = 0;
    entries = 0;
    return this;
  }

  @Override
  public int count(Link link) {
    if (sceneryHides && ego.link != link) {
      return linkCount[slot(link)];
    }
    LinkOccupancy o = occ[link.index()];
    return ego.link == link ? o.count - 1 : o.count;
  }

  @Override
  public void get(Link link, int k, RoadUser out) {
    if (sceneryHides && ego.link != link) {
      fill(seen[linkStart[slot(link)] + k], out);
      return;
    }
    int i = ego.link == link && k >= ego.slot ? k + 1 : k;
    fill(occ[link.index()].vehicles[i], out);
  }

  @Override
  public int firstBehind(Link link, double pos) {
    if (sceneryHides && ego.link != link) {
      int s = slot(link);
      int k = 0;
      while (k < linkCount[s] && seen[linkStart[s] + k].pos >= pos) {
        k++;
      }
      return k;
    }
    if (ego.link == link) {
      // The driver's own place: its slot, exact even when another vehicle stands level with it.
      return pos == ego.pos ? ego.slot : adjust(occ[link.index()].firstBehind(pos));
    }
    return occ[link.index()].firstBehind(pos);
  }

  private int slot(Link link) {
    int li = link.index();
    for (int s = 0; s < links; s++) {
      if (linkIndex[s] == li) {
        return s;
      }
    }
    if (links == linkIndex.length) {
      linkIndex = java.util.Arrays.copyOf(linkIndex, 2 * links);
      linkStart = java.util.Arrays.copyOf(linkStart, 2 * links);
      linkCount = java.util.Arrays.copyOf(linkCount, 2 * links);
    }
    int s = links++;
    linkIndex[s] = li;
    linkStart[s] = entries;
    LinkOccupancy o = occ[li];
    io.v2xsim.core.sensing.Occluders sight = engine.occluders();
    double ex = ego.x + 0.25 * ego.length * ego.cosHeading;
    double ey = ego.y + 0.25 * ego.length * ego.sinHeading;
    for (int i = 0; i < o.count; i++) {
      Vehicle f = o.vehicles[i];
      double fx = f.x + 0.5 * f.length * f.cosHeading;
      double fy = f.y + 0.5 * f.length * f.sinHeading;
      if (sight.staticLineOfSight(ex, ey, f.x, f.y) || sight.staticLineOfSight(ex, ey, fx, fy)) {
        if (entries == seen.length) {
          seen = java.util.Arrays.copyOf(seen, 2 * entries);
        }
        seen[entries++] = f;
      }
    }
    linkCount[s] = entries - linkStart[s];
    return s;
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
