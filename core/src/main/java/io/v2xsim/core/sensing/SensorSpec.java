package io.v2xsim.core.sensing;

/**
 * What a sensor is: where it is mounted, what it covers, how often and how late it reports, how reliably and how
 * precisely. Immutable; a {@link Sensor} is its per-run, stateful counterpart.
 *
 * <p>Units are SI. The mount (x, y, heading) is the world pose for an RSU sensor, or the offset in the host
 * vehicle's frame (x forward, y left) for an onboard one (see {@link Sensor#setHostPose}). {@code mountHeight} is
 * recorded for coverage messages but ignored by the 2D occlusion model.
 *
 * <p><b>Detection probability</b> falls linearly with range, from {@code pDetectNear} at 0 m to
 * {@code pDetectFar} at {@code range} (simple and monotone; datasheets quote a detection range at a given
 * probability, not a curve, so a linear ramp between two quoted points is as much as they support).
 *
 * <p><b>Noise</b> is zero-mean Gaussian in the line-of-sight frame of the object: {@code sigmaAlong} along the ray
 * from the mount (range error), {@code sigmaAcross} perpendicular to it (bearing error times range, frozen at a
 * typical distance). Velocity, when {@code reportsVelocity}, is noisy the same way with {@code sigmaVelAlong}
 * (radial: what a Doppler radar measures directly) and {@code sigmaVelAcross}.
 *
 * <p><b>Clutter</b>: a Poisson number of false alarms per scan with mean {@code clutterPerScan}, uniform over the
 * area of the field of view, with the same noise covariance as real detections and a uniformly drawn class.
 * {@code classConfusion} is the probability that a true detection reports a wrong class (uniform over the others).
 *
 * @param period update period (s): a scan every {@code period}, rounded to whole ticks
 * @param latency processing latency (s): a scan made at t can be used from t + latency
 * @param halfFov half of the horizontal field of view (rad); {@code Math.PI} or more is all around
 */
public record SensorSpec(
    SensorType type,
    double mountX,
    double mountY,
    double mountHeight,
    double heading,
    double halfFov,
    double range,
    double period,
    double latency,
    double pDetectNear,
    double pDetectFar,
    double sigmaAlong,
    double sigmaAcross,
    boolean reportsVelocity,
    double sigmaVelAlong,
    double sigmaVelAcross,
    double clutterPerScan,
    double classConfusion) {

  public SensorSpec {
    if (type == null) {
      throw new IllegalArgumentException("sensor type is required");
    }
    check("halfFov", halfFov, halfFov > 0);
    check("range", range, range > 0);
    check("period", period, period > 0);
    check("latency", latency, latency >= 0);
    check("pDetectNear", pDetectNear, pDetectNear >= 0 && pDetectNear <= 1);
    check("pDetectFar", pDetectFar, pDetectFar >= 0 && pDetectFar <= 1);
    check("sigmaAlong", sigmaAlong, sigmaAlong > 0);
    check("sigmaAcross", sigmaAcross, sigmaAcross > 0);
    check("sigmaVelAlong", sigmaVelAlong, sigmaVelAlong >= 0);
    check("sigmaVelAcross", sigmaVelAcross, sigmaVelAcross >= 0);
    check("clutterPerScan", clutterPerScan, clutterPerScan >= 0);
    check("classConfusion", classConfusion, classConfusion >= 0 && classConfusion <= 1);
  }

  private static void check(String field, double value, boolean ok) {
    if (!ok || Double.isNaN(value)) {
      throw new IllegalArgumentException("sensor spec: bad " + field + ": " + value);
    }
  }

  /**
   * Typical values for a sensor of this type, mounted at the origin looking along +x. Sources (figures taken from
   * them, rounded; nothing copied):
   *
   * <ul>
   *   <li>CAMERA: position noise 1.3 m along and 0.4 m across the line of sight, the figures quoted in issue 3;
   *       they agree with monocular range error of about 5% at 45 m reported for a production camera by Stein,
   *       Mano and Shashua, "Vision-based ACC with a single camera: bounds on range and range rate accuracy",
   *       IEEE Intelligent Vehicles Symposium 2003. Range 80 m and a 60 degree field of view are typical of
   *       roadside traffic cameras; 10 Hz object output with 100 ms detector latency. Camera velocity comes from
   *       differencing positions and is poor (2 m/s along, 0.8 m/s across).
   *   <li>LIDAR: Velodyne VLP-16 User Manual 63-9243 Rev. D (2018): 100 m range, about 3 cm range accuracy,
   *       360 degrees, 5-20 Hz (10 Hz here). Object positions come from clustered points, whose centroid error
   *       (about 0.15 m along, 0.2 m across at typical distances) dominates the range accuracy.
   *   <li>RADAR: medium-range automotive radar, 80-150 m over about +-40 degrees (RF Essentials glossary,
   *       "Automotive radar", https://www.rfessentials.com/resources/rf-glossary/automotive-radar/); distance
   *       accuracy of about 0.4 m and near-exact Doppler velocity as in Continental's ARS 408-21 data sheet
   *       (far range 250 m, +-0.40 m, velocity accuracy 0.1 km/h); poor azimuth resolution gives the large
   *       cross-range error (0.8 m) and many false alarms (1 per scan); classification is weak.
   * </ul>
   */
  public static SensorSpec defaults(SensorType type) {
    switch (type) {
      case CAMERA:
        return new SensorSpec(type, 0, 0, 6, 0, Math.toRadians(30), 80, 0.1, 0.1,
            0.95, 0.6, 1.3, 0.4, true, 2.0, 0.8, 0.1, 0.02);
      case LIDAR:
        return new SensorSpec(type, 0, 0, 6, 0, Math.PI, 100, 0.1, 0.05,
            0.98, 0.7, 0.15, 0.2, true, 0.5, 0.5, 0.2, 0.05);
      case RADAR:
        return new SensorSpec(type, 0, 0, 1, 0, Math.toRadians(40), 150, 0.05, 0.05,
            0.95, 0.8, 0.4, 0.8, true, 0.1, 1.5, 1.0, 0.2);
      default:
        throw new IllegalArgumentException("unknown sensor type " + type);
    }
  }

  /** This spec moved to another mount pose (world pose for an RSU, host-frame offset for a vehicle). */
  public SensorSpec at(double x, double y, double mountHeading) {
    return new SensorSpec(type, x, y, mountHeight, mountHeading, halfFov, range, period, latency, pDetectNear,
        pDetectFar, sigmaAlong, sigmaAcross, reportsVelocity, sigmaVelAlong, sigmaVelAcross, clutterPerScan,
        classConfusion);
  }

  /** This spec with other detection probabilities and clutter rate (for scenarios and tests). */
  public SensorSpec withDetection(double pNear, double pFar, double clutter) {
    return new SensorSpec(type, mountX, mountY, mountHeight, heading, halfFov, range, period, latency, pNear, pFar,
        sigmaAlong, sigmaAcross, reportsVelocity, sigmaVelAlong, sigmaVelAcross, clutter, classConfusion);
  }

  /** This spec with other position noise (m). */
  public SensorSpec withNoise(double along, double across) {
    return new SensorSpec(type, mountX, mountY, mountHeight, heading, halfFov, range, period, latency, pDetectNear,
        pDetectFar, along, across, reportsVelocity, sigmaVelAlong, sigmaVelAcross, clutterPerScan, classConfusion);
  }

  /** This spec with another field of view (half angle, rad) and range (m). */
  public SensorSpec withCoverage(double half, double rangeM) {
    return new SensorSpec(type, mountX, mountY, mountHeight, heading, half, rangeM, period, latency, pDetectNear,
        pDetectFar, sigmaAlong, sigmaAcross, reportsVelocity, sigmaVelAlong, sigmaVelAcross, clutterPerScan,
        classConfusion);
  }

  /** This spec with another period and latency (s). */
  public SensorSpec withTiming(double periodS, double latencyS) {
    return new SensorSpec(type, mountX, mountY, mountHeight, heading, halfFov, range, periodS, latencyS,
        pDetectNear, pDetectFar, sigmaAlong, sigmaAcross, reportsVelocity, sigmaVelAlong, sigmaVelAcross,
        clutterPerScan, classConfusion);
  }

  /** Detection probability at distance r (m): linear from near to far value, 0 beyond range. */
  public double detectionProbability(double r) {
    if (r > range) {
      return 0;
    }
    return pDetectNear + (pDetectFar - pDetectNear) * (r / range);
  }
}
