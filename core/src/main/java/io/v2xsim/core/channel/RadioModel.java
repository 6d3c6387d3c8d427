package io.v2xsim.core.channel;

import io.v2xsim.core.random.RandomStream;
import java.util.List;

/**
 * Decides, in simulated time, whether and when each receiver gets each frame: range, latency with jitter,
 * independent and bursty (Gilbert-Elliott) loss, a latency ceiling and sender outages, as set by a
 * {@link ChannelSpec}. One instance per run; not thread-safe (call it from the tick thread).
 *
 * <p>Determinism: every link (sender, receiver) draws from its own SplitMix64 stream, seeded from the run's
 * {@code "channel"} stream and the two ids, and every call that reaches the radio (in range, no outage) takes
 * exactly four draws whatever the outcome. So the decisions on a link depend only on the sequence of frames sent
 * on that link: not on the order in which receivers are evaluated, not on which other vehicles exist, and not
 * on the loss settings' effect on other draws (arms that differ only in loss still share their jitter draws).
 *
 * <p>Cost: O(1) per call (an open-addressing lookup of the link plus four draws); no allocation in steady
 * state, only when the link table grows.
 */
public final class RadioModel {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final ChannelSpec spec;
  private final long channelKey;
  private final double rangeSq;
  private final long baseUs;
  private final double jitterUs;
  private final boolean exponential;
  private final long ceilingUs;
  private final long[] outageStartUs;
  private final long[] outageEndUs;

  // Link table: open addressing, linear probing, keys (sender << 32 | receiver).
  private long[] keys = new long[64];
  private boolean[] used = new boolean[64];
  private long[] rng = new long[64];
  private boolean[] bad = new boolean[64];
  private int links;

  private long sent;
  private long delivered;
  private final long[] lost = new long[LossReason.values().length];

  /**
   * @param spec the channel
   * @param runSeed the run seed; the model uses the stream {@code derive(runSeed, "channel")}
   */
  public RadioModel(ChannelSpec spec, long runSeed) {
    this.spec = spec;
    this.channelKey = RandomStream.derive(runSeed, "channel").nextLong();
    this.rangeSq = spec.rangeM() * spec.rangeM();
    this.baseUs = Math.round(spec.baseLatencyMs() * 1000.0);
    this.jitterUs = spec.jitterMs() * 1000.0;
    this.exponential = spec.jitter() == ChannelSpec.Jitter.EXPONENTIAL;
    this.ceilingUs = Math.round(spec.ceilingMs() * 1000.0);
    List<ChannelSpec.Outage> outages = spec.outages();
    outageStartUs = new long[outages.size()];
    outageEndUs = new long[outages.size()];
    for (int i = 0; i < outages.size(); i++) {
      outageStartUs[i] = Math.round(outages.get(i).startS() * 1e6);
      outageEndUs[i] = Math.round(outages.get(i).endS() * 1e6);
    }
  }

  public ChannelSpec spec() {
    return spec;
  }

  /**
   * The simulated time at which {@code receiverId} gets the frame {@code senderId} sends at {@code sendTimeUs},
   * or a negative code if it does not ({@link LossReason#of} names the reason). Positions in metres, world
   * frame, at send time.
   */
  public long deliveryTimeUs(
      int senderId, double sx, double sy, int receiverId, double rx, double ry, long sendTimeUs) {
    sent++;
    if (inOutage(sendTimeUs)) {
      return lose(LossReason.OUTAGE);
    }
    double dx = rx - sx;
    double dy = ry - sy;
    if (dx * dx + dy * dy > rangeSq) {
      return lose(LossReason.OUT_OF_RANGE);
    }
    int slot = slot(senderId, receiverId);
    // Four draws, always, in this order; see the class comment.
    long state = rng[slot];
    double uTransition = unit(state += GOLDEN);
    double uBurst = unit(state += GOLDEN);
    double uLoss = unit(state += GOLDEN);
    double uJitter = unit(state += GOLDEN);
    rng[slot] = state;

    boolean isBad = bad[slot];
    isBad = isBad ? !(uTransition < spec.pBadToGood()) : uTransition < spec.pGoodToBad();
    bad[slot] = isBad;
    if (uBurst < (isBad ? spec.lossInBad() : spec.lossInGood())) {
      return lose(LossReason.BURST_LOSS);
    }
    if (uLoss < spec.lossProbability()) {
      return lose(LossReason.RANDOM_LOSS);
    }
    double jitter = exponential ? -jitterUs * Math.log(1.0 - uJitter) : jitterUs * uJitter;
    long latencyUs = baseUs + (long) jitter;
    if (latencyUs > ceilingUs) {
      return lose(LossReason.TOO_LATE);
    }
    delivered++;
    return sendTimeUs + latencyUs;
  }

  /** Whether senders transmit nothing at this simulated time. */
  public boolean inOutage(long timeUs) {
    for (int i = 0; i < outageStartUs.length; i++) {
      if (timeUs >= outageStartUs[i] && timeUs < outageEndUs[i]) {
        return true;
      }
    }
    return false;
  }

  /** Calls of {@link #deliveryTimeUs} so far: one per (frame, receiver) pair considered. */
  public long sent() {
    return sent;
  }

  public long delivered() {
    return delivered;
  }

  public long lost(LossReason reason) {
    return lost[reason.ordinal()];
  }

  public long lostTotal() {
    long n = 0;
    for (long l : lost) {
      n += l;
    }
    return n;
  }

  /** Links (sender, receiver) that have carried at least one frame in range. */
  public int linkCount() {
    return links;
  }

  private long lose(LossReason reason) {
    lost[reason.ordinal()]++;
    return reason.code();
  }

  private int slot(int senderId, int receiverId) {
    long key = ((long) senderId << 32) | (receiverId & 0xFFFFFFFFL);
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return i;
      }
      i = (i + 1) & mask;
    }
    if (2 * (links + 1) > keys.length) {
      grow();
      return slot(senderId, receiverId);
    }
    used[i] = true;
    keys[i] = key;
    rng[i] = mix(channelKey ^ mix(key + GOLDEN)); // the link's own stream
    bad[i] = false; // every link starts in the good state
    links++;
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    boolean[] oldUsed = used;
    long[] oldRng = rng;
    boolean[] oldBad = bad;
    int n = oldKeys.length * 2;
    keys = new long[n];
    used = new boolean[n];
    rng = new long[n];
    bad = new boolean[n];
    int mask = n - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldUsed[j]) {
        int i = (int) mix(oldKeys[j]) & mask;
        while (used[i]) {
          i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = oldKeys[j];
        rng[i] = oldRng[j];
        bad[i] = oldBad[j];
      }
    }
  }

  /** SplitMix64 output function (Steele, Lea and Flood 2014). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double unit(long state) {
    return (mix(state) >>> 11) * 0x1.0p-53;
  }
}
