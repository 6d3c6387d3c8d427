package io.v2xsim.core.channel;

import java.util.List;

/**
 * The radio between roadside units and vehicles, as {@link RadioModel} applies it. All times are simulated.
 *
 * <p>A frame sent at simulated time {@code t} from a sender to a receiver within {@link #rangeM} arrives at
 * {@code t + baseLatencyMs + jitter} unless it is lost: independently with {@link #lossProbability}, in bursts by
 * a two-state Gilbert-Elliott chain per link ({@link #pGoodToBad}, {@link #pBadToGood}, with loss probabilities
 * {@link #lossInGood} and {@link #lossInBad} in each state), because its latency exceeds {@link #ceilingMs}
 * (stale data is useless to a driving function and is dropped), or because the sender is in an outage window.
 *
 * @param rangeM communication range, metres; receivers farther than this from the sender get nothing
 * @param baseLatencyMs fixed part of the end-to-end latency (air interface plus system processing), ms
 * @param jitterMs scale of the random part of the latency, ms: width for {@link Jitter#UNIFORM}, mean for
 *     {@link Jitter#EXPONENTIAL}
 * @param jitter distribution of the random part of the latency
 * @param lossProbability independent per-frame loss probability in [0, 1]
 * @param pGoodToBad Gilbert-Elliott: probability, per frame on a link, of moving from the good to the bad state
 * @param pBadToGood Gilbert-Elliott: probability of moving from bad back to good; mean burst length is
 *     {@code 1 / pBadToGood} frames when {@code lossInBad = 1}
 * @param lossInGood Gilbert-Elliott: loss probability in the good state
 * @param lossInBad Gilbert-Elliott: loss probability in the bad state
 * @param ceilingMs latency ceiling, ms: frames that would arrive later than this after sending are dropped
 * @param outages windows during which the sender transmits nothing (RSU or backhaul down)
 */
public record ChannelSpec(
    double rangeM,
    double baseLatencyMs,
    double jitterMs,
    Jitter jitter,
    double lossProbability,
    double pGoodToBad,
    double pBadToGood,
    double lossInGood,
    double lossInBad,
    double ceilingMs,
    List<Outage> outages) {

  /** Distribution of the random part of the latency. */
  public enum Jitter {
    /** Uniform in {@code [0, jitterMs)}: bounded, never reaches the ceiling if base + jitter is below it. */
    UNIFORM,
    /** Exponential with mean {@code jitterMs}: a long tail, so some frames exceed the ceiling (congestion). */
    EXPONENTIAL
  }

  /**
   * A window of simulated time, seconds, {@code [startS, endS)}, during which the sender transmits nothing.
   *
   * @param startS start, seconds of model time, inclusive
   * @param endS end, seconds of model time, exclusive
   */
  public record Outage(double startS, double endS) {
    public Outage {
      if (!(startS >= 0) || !(endS > startS)) {
        throw new IllegalArgumentException("outage needs 0 <= start < end, got [" + startS + ", " + endS + ")");
      }
    }
  }

  public ChannelSpec {
    requireNonNegative("rangeM", rangeM);
    requireNonNegative("baseLatencyMs", baseLatencyMs);
    requireNonNegative("jitterMs", jitterMs);
    requireProbability("lossProbability", lossProbability);
    requireProbability("pGoodToBad", pGoodToBad);
    requireProbability("pBadToGood", pBadToGood);
    requireProbability("lossInGood", lossInGood);
    requireProbability("lossInBad", lossInBad);
    if (!(ceilingMs > 0)) {
      throw new IllegalArgumentException("ceilingMs must be positive, got " + ceilingMs);
    }
    if (jitter == null) {
      throw new IllegalArgumentException("jitter distribution is required");
    }
    outages = outages == null ? List.of() : List.copyOf(outages);
  }

  /**
   * Defaults from published C-V2X figures.
   *
   * <ul>
   *   <li>Range 300 m, latency 20 ms of communication plus 10 ms of system delay, and a 100 ms ceiling: the
   *       roadside-unit figures quoted for C-V2X sidelink deployments in issue 3 of this project; 100 ms is also
   *       the maximum end-to-end latency that 3GPP TS 22.185 (Service requirements for V2X services, section
   *       5.2) sets for most V2X messages and that TS 22.186 (Service requirements for enhanced V2X scenarios,
   *       section 5.4, "extended sensors", lowest degree of automation) sets for shared sensor data; table
   *       at https://tech-invite.com/3m22/tinv-3gpp-22-186.html.
   *   <li>Independent loss 1%: the 99% reliability TS 22.186 asks of sensor sharing at that degree.
   *   <li>Jitter uniform in [0, 20) ms: an assumption (sidelink resource selection waits up to about one
   *       100 ms period in the worst case; we keep the bulk well inside the ceiling).
   *   <li>Gilbert-Elliott {@code p(good->bad) = 0.005}, {@code p(bad->good) = 0.2}, loss 0 / 1: an assumption
   *       that gives rare fades of five frames on average (Gilbert 1960, Elliott 1963), about 2.4% extra loss.
   * </ul>
   */
  public static ChannelSpec defaults() {
    return new ChannelSpec(300.0, 30.0, 20.0, Jitter.UNIFORM, 0.01, 0.005, 0.2, 0.0, 1.0, 100.0, List.of());
  }

  /** A perfect channel: unlimited range, no latency, no loss. Useful as a reference arm and in tests. */
  public static ChannelSpec ideal() {
    return new ChannelSpec(
        Double.POSITIVE_INFINITY, 0.0, 0.0, Jitter.UNIFORM, 0.0, 0.0, 1.0, 0.0, 0.0, 100.0, List.of());
  }

  /** This spec with other outage windows. */
  public ChannelSpec withOutages(List<Outage> windows) {
    return new ChannelSpec(
        rangeM, baseLatencyMs, jitterMs, jitter, lossProbability, pGoodToBad, pBadToGood, lossInGood, lossInBad,
        ceilingMs, windows);
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
  }

  private static void requireProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
    }
  }
}
