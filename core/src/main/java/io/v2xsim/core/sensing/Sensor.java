package io.v2xsim.core.sensing;

import io.v2xsim.core.random.RandomStream;

/**
 * One sensor of one run: turns the ground-truth snapshot into detections, following its {@link SensorSpec}. The
 * same class serves RSUs (fixed pose) and vehicles (pose moved with {@link #setHostPose} every tick).
 *
 * <p>A scan applies, in order: range and field of view (on the object's centre), occlusion (visible fraction of
 * the outline, {@link Occluders}, at least {@link #MIN_VISIBLE_FRACTION}), detection probability (linear fall-off
 * with range), class confusion, position and velocity noise in the line-of-sight frame, then clutter. The random
 * draws come only from the stream the caller passes, which must be this sensor's own (for example
 * {@code RandomStream.derive(seed, "sensor/rsu1/cam0")}), so that adding a sensor never changes another's
 * numbers. Draw order is fixed (objects in snapshot order, then clutter), so a seed gives the same detections.
 *
 * <p>Not thread-safe; allocation-free per scan once the output buffer has grown.
 */
public final class Sensor {
  /** An object is detectable when at least this share of its five outline samples is in line of sight. */
  public static final double MIN_VISIBLE_FRACTION = 0.4;

  private final int id;
  private final SensorSpec spec;
  private final int phaseTicks;
  private double x;
  private double y;
  private double heading;
  private double cosH;
  private double sinH;
  private final double cosHalf;
  private final double rangeSq;
  /** Objects near the sensor in the current scan (reused). */
  private final Neighbours candidates = new Neighbours();

  /** A sensor at the spec's mount pose, scanning at ticks 0, p, 2p, ... */
  public Sensor(int id, SensorSpec spec) {
    this(id, spec, 0);
  }

  /** As {@link #Sensor(int, SensorSpec)}, with scans offset by {@code phaseTicks} (to stagger a rig). */
  public Sensor(int id, SensorSpec spec, int phaseTicks) {
    this.id = id;
    this.spec = spec;
    this.phaseTicks = phaseTicks;
    this.cosHalf = spec.halfFov() >= Math.PI ? -2 : Math.cos(spec.halfFov());
    this.rangeSq = spec.range() * spec.range();
    setPose(spec.mountX(), spec.mountY(), spec.heading());
  }

  public int id() {
    return id;
  }

  public SensorSpec spec() {
    return spec;
  }

  public double x() {
    return x;
  }

  public double y() {
    return y;
  }

  public double heading() {
    return heading;
  }

  /** Sets the world pose of the mount directly. */
  public void setPose(double px, double py, double hdg) {
    x = px;
    y = py;
    heading = hdg;
    cosH = Math.cos(hdg);
    sinH = Math.sin(hdg);
  }

  /** Places an onboard sensor: the spec's mount is an offset (x forward, y left, heading) in the host frame. */
  public void setHostPose(double hostX, double hostY, double hostHeading) {
    double c = Math.cos(hostHeading);
    double s = Math.sin(hostHeading);
    setPose(hostX + spec.mountX() * c - spec.mountY() * s, hostY + spec.mountX() * s + spec.mountY() * c,
        hostHeading + spec.heading());
  }

  /**
   * Places an onboard sensor on its host as the host stands in {@code truth} (the vehicle's own pose, as its
   * localisation gives it). Returns false when the host is not in the snapshot.
   */
  public boolean mountOn(GroundTruth truth, int hostId) {
    int i = truth.indexOf(hostId);
    if (i < 0) {
      return false;
    }
    setHostPose(truth.x[i], truth.y[i], truth.heading[i]);
    return true;
  }

  /**
   * Whether this sensor, where it is now mounted, has swept the point on its way: within range, with a clear line
   * of sight past buildings and parked vehicles. The field of view is not checked (a point now beside the vehicle
   * was in view while it approached). The free space a real sensor reports; nothing of what is at the point.
   */
  public boolean sweeps(double px, double py, Occluders occ) {
    return SensorCoverage.covers(x, y, heading, spec.halfFov(), spec.range(), px, py, false, occ);
  }

  /** Whether this sensor scans in the given tick (period rounded to whole ticks, at least one). */
  public boolean due(long tick, double dt) {
    long p = Math.max(1, Math.round(spec.period() / dt));
    return Math.floorMod(tick - phaseTicks, p) == 0;
  }

  /**
   * Appends this scan's detections to {@code out}. {@code time} is the measurement time; the detections become
   * usable at {@code time + latency}. {@code occ} must have been updated with {@code truth} this tick.
   * {@code excludeId} is the ground-truth id of the host vehicle (never detected, never an occluder), -1 on an RSU.
   */
  public void sense(double time, GroundTruth truth, Occluders occ, RandomStream rng, Detections out,
      int excludeId) {
    int host = excludeId < 0 ? -1 : truth.indexOf(excludeId);
    double ready = time + spec.latency();
    truth.near(x, y, spec.range(), candidates);
    for (int q = 0; q < candidates.count; q++) {
      int i = candidates.items[q];
      if (i == host) {
        continue;
      }
      double dx = truth.x[i] - x;
      double dy = truth.y[i] - y;
      double r2 = dx * dx + dy * dy;
      if (r2 > rangeSq) {
        continue;
      }
      double r = Math.sqrt(r2);
      if (dx * cosH + dy * sinH < r * cosHalf) {
        continue; // outside the field of view: angle to boresight above halfFov
      }
      if (occ.visibleFraction(x, y, i, host) < MIN_VISIBLE_FRACTION) {
        continue;
      }
      if (rng.nextDouble() >= spec.detectionProbability(r)) {
        continue;
      }
      byte cls = truth.objectClass[i];
      if (spec.classConfusion() > 0 && rng.nextDouble() < spec.classConfusion()) {
        cls = otherClass(cls, rng);
      }
      double c = r > 1e-9 ? dx / r : 1;
      double s = r > 1e-9 ? dy / r : 0;
      emit(out, time, ready, truth.x[i], truth.y[i], truth.vx[i], truth.vy[i], c, s, cls, truth.id[i], rng);
    }
    int clutter = poisson(spec.clutterPerScan(), rng);
    double half = Math.min(spec.halfFov(), Math.PI);
    for (int k = 0; k < clutter; k++) {
      double r = spec.range() * Math.sqrt(rng.nextDouble()); // uniform over the area of the sector
      double a = heading + (2 * rng.nextDouble() - 1) * half;
      double c = Math.cos(a);
      double s = Math.sin(a);
      byte cls = (byte) (1 + rng.nextInt(ObjectClass.COUNT - 1));
      emit(out, time, ready, x + r * c, y + r * s, 0, 0, c, s, cls, -1, rng);
    }
  }

  private void emit(Detections out, double time, double ready, double tx, double ty, double tvx, double tvy,
      double c, double s, byte cls, int truthId, RandomStream rng) {
    double sa = spec.sigmaAlong();
    double sc = spec.sigmaAcross();
    double na = rng.nextGaussian() * sa;
    double nc = rng.nextGaussian() * sc;
    double va = sa * sa;
    double vc = sc * sc;
    int k = out.add(id, time, ready, tx + na * c - nc * s, ty + na * s + nc * c,
        va * c * c + vc * s * s, (va - vc) * c * s, va * s * s + vc * c * c, cls, truthId);
    if (spec.reportsVelocity()) {
      double wa = spec.sigmaVelAlong();
      double wc = spec.sigmaVelAcross();
      double ma = rng.nextGaussian() * wa;
      double mc = rng.nextGaussian() * wc;
      double qa = wa * wa;
      double qc = wc * wc;
      out.setVelocity(k, tvx + ma * c - mc * s, tvy + ma * s + mc * c,
          qa * c * c + qc * s * s, (qa - qc) * c * s, qa * s * s + qc * c * c);
    }
  }

  private static byte otherClass(byte cls, RandomStream rng) {
    int pick = 1 + rng.nextInt(ObjectClass.COUNT - 2); // 1..5, then skip the true class
    return (byte) (pick >= cls ? pick + 1 : pick);
  }

  /** Knuth's multiplication method: exact and fast for the small means of clutter. */
  static int poisson(double mean, RandomStream rng) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double p = rng.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= rng.nextDouble();
      k++;
    }
    return k;
  }
}
