package io.v2xsim.vehicle.agent;

import io.v2xsim.core.engine.EgoState;
import io.v2xsim.core.engine.RoadUser;
import io.v2xsim.core.engine.Surroundings;
import io.v2xsim.core.geometry.Polyline;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.traffic.VehicleType;

/**
 * An automated vehicle's {@link Surroundings}: the objects of its {@link WorldModel} placed on the map. Each
 * believed object is matched to a link when the driving rules first ask about that link in a decision: it is on
 * the link when it lies within half a lane width of the link's centre line and, if it moves faster than
 * {@link #HEADING_CHECK_SPEED}, its velocity points along the link (within {@link #MAX_HEADING_DEVIATION}), so
 * that traffic crossing a junction is not taken for traffic on every connector it passes over. Position and speed
 * are all an object tells: its size is assumed ({@link #ASSUMED_LENGTH}), its driving parameters are assumed to be
 * the ego's own, its intention (indicator) and how long it has waited are unknown, and the driving rules assume
 * the least convenient case for each.
 *
 * <p>Unseen space is not filled with assumed road users here: the cautious policy bounds the agent's speed
 * instead (see {@link AutomatedDriver}), so that it reaches a blind crossing slowly enough to stop short of the
 * conflict point and gives way to what it sees there. A single "phantom" vehicle at the nearest unseen point of a
 * crossing approach was tried and removed: gap acceptance against one phantom let an agent that saw nothing go
 * (the phantom "had passed") and held forever an agent that saw more (its phantom stood farther back and always
 * arrived with it).
 */
final class PerceivedView implements Surroundings {
  /** Length assumed for every perceived vehicle, metres (a passenger car; frames carry no reliable size). */
  static final double ASSUMED_LENGTH = 4.5;
  /** Objects slower than this may stand at any angle on a link (a car waiting across a junction). */
  static final double HEADING_CHECK_SPEED = 2.0;
  /** A moving object is on a link only if its velocity is within this angle of the link's direction. */
  static final double MAX_HEADING_DEVIATION = Math.toRadians(45);
  /** Only objects this close to the ego are placed on the map, metres. */
  static final double NEAR_RANGE = 250.0;

  private static final double COS_MAX_DEVIATION = Math.cos(MAX_HEADING_DEVIATION);

  private EgoState ego;
  private WorldModel world;
  private double signalRange;
  private double leftRearRange;
  private double rightRearRange;
  private VehicleType assumed;

  private int nearCount;
  private int[] near = new int[32];

  private int links;
  private int[] linkIndex = new int[32];
  private int[] linkStart = new int[32];
  private int[] linkCount = new int[32];

  private int entries;
  private double[] front = new double[64];
  private double[] speed = new double[64];

  private final double[] proj = new double[2];

  /** Binds the view to this decision: the world model as predicted to now. */
  PerceivedView bind(EgoState ego, WorldModel world, double signalRange,
      double leftRearRange, double rightRearRange) {
    this.ego = ego;
    this.world = world;
    this.signalRange = signalRange;
    this.leftRearRange = leftRearRange;
    this.rightRearRange = rightRearRange;
    this.assumed = ego.type();
    links = 0;
    entries = 0;
    nearCount = 0;
    double ex = ego.x();
    double ey = ego.y();
    for (int k = 0; k < world.count; k++) {
      double dx = world.x[k] - ex;
      double dy = world.y[k] - ey;
      if (dx * dx + dy * dy <= NEAR_RANGE * NEAR_RANGE) {
        if (nearCount == near.length) {
          near = java.util.Arrays.copyOf(near, 2 * nearCount);
        }
        near[nearCount++] = k;
      }
    }
    return this;
  }

  @Override
  public int count(Link link) {
    return linkCount[slot(link)];
  }

  @Override
  public void get(Link link, int k, RoadUser out) {
    int e = linkStart[slot(link)] + k;
    out.front = front[e];
    out.length = ASSUMED_LENGTH;
    out.speed = speed[e];
    out.nextKnown = false;
    out.next = null;
    out.type = assumed;
    out.speedFactor = 1.0;
    out.stopsOnYellowAt = -1;
    boolean halted = speed[e] < 0.1;
    out.waitingSinceTick = halted ? RoadUser.WAITED_UNKNOWN : -1;
    out.stoppedAtLine = halted && link.length() - front[e] < 6.0;
    out.wantsLane = -1;
    out.order = Integer.MAX_VALUE;
  }

  @Override
  public int firstBehind(Link link, double pos) {
    int s = slot(link);
    int from = linkStart[s];
    int n = linkCount[s];
    int k = 0;
    while (k < n && front[from + k] >= pos) {
      k++;
    }
    return k;
  }

  @Override
  public double visibleBehind(Link link, double pos) {
    // Rear and side sensors, on the side of the lane asked about; lanes are numbered from the right.
    if (link instanceof Lane target && ego.link() instanceof Lane own && target.road() == own.road()) {
      return target.number() > own.number() ? leftRearRange : rightRearRange;
    }
    return Math.min(leftRearRange, rightRearRange);
  }

  @Override
  public byte signal(Junction junction, int movement) {
    byte seen = ego.seenSignal(junction, movement, signalRange);
    if (seen != SIGNAL_UNKNOWN) {
      return seen; // the camera reads the head now; a received state is a frame's latency older
    }
    io.v2xsim.core.network.Movement m = junction.movements().get(movement);
    return world.signals.state(junction.id(), m.from().id(), m.to().id(), ego.time());
  }

  private int slot(Link link) {
    int li = link.index();
    for (int s = 0; s < links; s++) {
      if (linkIndex[s] == li) {
        return s;
      }
    }
    return match(link);
  }

  /** Places the near objects on {@code link}, front first, and caches the result for this decision. */
  private int match(Link link) {
    if (links == linkIndex.length) {
      int m = 2 * links;
      linkIndex = java.util.Arrays.copyOf(linkIndex, m);
      linkStart = java.util.Arrays.copyOf(linkStart, m);
      linkCount = java.util.Arrays.copyOf(linkCount, m);
    }
    int s = links++;
    linkIndex[s] = link.index();
    linkStart[s] = entries;
    Polyline shape = link.shape();
    double scale = link.shapeScale();
    double halfWidth = 0.5 * laneWidth(link);
    for (int q = 0; q < nearCount; q++) {
      int k = near[q];
      double x = world.x[k];
      double y = world.y[k];
      if (!shape.nearBox(x, y, halfWidth)) {
        continue;
      }
      shape.project(x, y, proj);
      if (Math.abs(proj[1]) >= halfWidth) {
        continue;
      }
      double h = shape.headingAt(proj[0]);
      double c = Math.cos(h);
      double sn = Math.sin(h);
      double vx = world.vx[k];
      double vy = world.vy[k];
      double along = vx * c + vy * sn;
      double sp = Math.hypot(vx, vy);
      if (sp > HEADING_CHECK_SPEED && along < sp * COS_MAX_DEVIATION) {
        continue;
      }
      add(proj[0] / scale + 0.5 * ASSUMED_LENGTH, Math.max(0, along));
    }
    int from = linkStart[s];
    // Insertion sort, front first: a link holds a handful of objects.
    for (int i = from + 1; i < entries; i++) {
      double f = front[i];
      double v = speed[i];
      int j = i - 1;
      while (j >= from && front[j] < f) {
        front[j + 1] = front[j];
        speed[j + 1] = speed[j];
        j--;
      }
      front[j + 1] = f;
      speed[j + 1] = v;
    }
    linkCount[s] = entries - from;
    return s;
  }

  private void add(double f, double v) {
    if (entries == front.length) {
      front = java.util.Arrays.copyOf(front, 2 * entries);
      speed = java.util.Arrays.copyOf(speed, 2 * entries);
    }
    front[entries] = f;
    speed[entries] = v;
    entries++;
  }

  private static double laneWidth(Link link) {
    if (link instanceof Lane lane) {
      return lane.road().laneWidth();
    }
    return ((Connector) link).from().road().laneWidth();
  }
}
