package io.v2xsim.roadside.fusion;

/**
 * Settings of the RSU tracker. SI units.
 *
 * @param period fusion period (s); the RSU runs a step every period (default 0.1 s, 10 Hz)
 * @param gate chi-square gate on the squared Mahalanobis distance of a detection to a track's predicted position
 *     (2 degrees of freedom: 9.21 keeps 99% of true detections, 5.99 keeps 95%)
 * @param sigmaAccel white-acceleration process noise (m/s^2), per axis; about 2 for cars, 1 for pedestrians
 * @param confirmHits M of "M of N": a tentative track is confirmed once it was updated in M of its last N steps
 * @param confirmWindow N of "M of N" (at most 31)
 * @param deleteMisses a confirmed track is deleted after this many consecutive steps without an update
 * @param tentativeMisses a tentative track is deleted after this many consecutive steps without an update
 * @param maxPositionVariance a track is deleted when the trace of its position covariance exceeds twice this
 *     (m^2): it no longer says where the object is
 * @param initialSpeedSigma standard deviation of a new track's velocity (m/s) when the detection has none
 * @param birthGate an unassigned detection starts a track only if its squared Mahalanobis distance to every
 *     existing track exceeds this (at least {@code gate}). Without it, the 1% of true detections that a 99% gate
 *     rejects each start a duplicate track, which the other sensors then keep alive by feeding the two copies in
 *     turn. 25 (five sigma) by default.
 */
public record TrackerConfig(
    double period,
    double gate,
    double sigmaAccel,
    int confirmHits,
    int confirmWindow,
    int deleteMisses,
    int tentativeMisses,
    double maxPositionVariance,
    double initialSpeedSigma,
    double birthGate) {

  public TrackerConfig {
    if (!(period > 0) || !(gate > 0) || !(sigmaAccel >= 0) || !(maxPositionVariance > 0)
        || !(initialSpeedSigma > 0)) {
      throw new IllegalArgumentException("tracker config: non-positive value in " + this);
    }
    if (confirmWindow < 1 || confirmWindow > 31 || confirmHits < 1 || confirmHits > confirmWindow) {
      throw new IllegalArgumentException("tracker config: need 1 <= confirmHits <= confirmWindow <= 31");
    }
    if (!(birthGate >= gate)) {
      throw new IllegalArgumentException("tracker config: birthGate must be at least gate");
    }
    if (deleteMisses < 1 || tentativeMisses < 1) {
      throw new IllegalArgumentException("tracker config: miss limits must be at least 1");
    }
  }

  /**
   * 10 Hz, 99% gate, 2 m/s^2, confirm on 3 of 5, delete after 5 misses (2 while tentative), 25 m^2, no new track
   * within 5 sigma of an existing one.
   */
  public static TrackerConfig defaults() {
    return new TrackerConfig(0.1, 9.21, 2.0, 3, 5, 5, 2, 25.0, 10.0, 25.0);
  }

  public TrackerConfig withGate(double g) {
    return new TrackerConfig(period, g, sigmaAccel, confirmHits, confirmWindow, deleteMisses, tentativeMisses,
        maxPositionVariance, initialSpeedSigma, Math.max(g, birthGate));
  }

  public TrackerConfig withManagement(int hits, int window, int misses, int tentative) {
    return new TrackerConfig(period, gate, sigmaAccel, hits, window, misses, tentative, maxPositionVariance,
        initialSpeedSigma, birthGate);
  }
}
