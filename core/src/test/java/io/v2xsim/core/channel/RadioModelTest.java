package io.v2xsim.core.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RadioModelTest {
  private static final long PERIOD_US = 100_000; // 10 Hz frames

  private static ChannelSpec spec(double loss, double pgb, double pbg, double lossGood, double lossBad) {
    return new ChannelSpec(1000, 20, 10, ChannelSpec.Jitter.UNIFORM, loss, pgb, pbg, lossGood, lossBad, 100, List.of());
  }

  @Test
  void independentLossRateMatchesSetting() {
    RadioModel m = new RadioModel(spec(0.2, 0, 1, 0, 0), 1);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      m.deliveryTimeUs(1, 0, 0, 7, 10, 0, i * PERIOD_US);
    }
    double rate = m.lost(LossReason.RANDOM_LOSS) / (double) n;
    assertEquals(0.2, rate, 0.005); // 5 sigma of a binomial is 0.0045
    assertEquals(n, m.sent());
    assertEquals(n, m.delivered() + m.lostTotal());
  }

  @Test
  void gilbertElliottMatchesStationaryLossAndMeanBurstLength() {
    double pgb = 0.02;
    double pbg = 0.25;
    RadioModel m = new RadioModel(spec(0, pgb, pbg, 0, 1), 2);
    int n = 400_000;
    long bursts = 0;
    long burstFrames = 0;
    boolean inBurst = false;
    for (int i = 0; i < n; i++) {
      boolean lost = m.deliveryTimeUs(1, 0, 0, 2, 5, 5, i * PERIOD_US) < 0;
      if (lost) {
        burstFrames++;
        if (!inBurst) {
          bursts++;
        }
      }
      inBurst = lost;
    }
    double meanBurst = burstFrames / (double) bursts;
    assertEquals(1 / pbg, meanBurst, 0.15); // 4 frames
    assertEquals(pgb / (pgb + pbg), burstFrames / (double) n, 0.006);
    assertEquals(burstFrames, m.lost(LossReason.BURST_LOSS));
  }

  @Test
  void latencyIsBasePlusUniformJitter() {
    RadioModel m = new RadioModel(spec(0, 0, 1, 0, 0), 3);
    int n = 100_000;
    double sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      long send = i * PERIOD_US;
      long lat = m.deliveryTimeUs(1, 0, 0, 2, 1, 1, send) - send;
      sum += lat;
      min = Math.min(min, lat);
      max = Math.max(max, lat);
    }
    assertTrue(min >= 20_000 && min < 20_100, "min " + min);
    assertTrue(max < 30_000 && max > 29_900, "max " + max);
    assertEquals(25_000, sum / n, 50); // sd of the mean is 10 ms / sqrt(12 n), about 9 us
  }

  @Test
  void exponentialTailIsCutAtTheCeiling() {
    ChannelSpec s = new ChannelSpec(1000, 30, 20, ChannelSpec.Jitter.EXPONENTIAL, 0, 0, 1, 0, 0, 100, List.of());
    RadioModel m = new RadioModel(s, 4);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      long send = i * PERIOD_US;
      long t = m.deliveryTimeUs(1, 0, 0, 2, 1, 1, send);
      if (t >= 0) {
        assertTrue(t - send <= 100_000 && t - send >= 30_000);
      } else {
        assertEquals(LossReason.TOO_LATE, LossReason.of(t));
      }
    }
    // P(jitter > 70 ms) with mean 20 ms is exp(-3.5)
    assertEquals(Math.exp(-3.5), m.lost(LossReason.TOO_LATE) / (double) n, 0.002);
  }

  @Test
  void rangeCutsOff() {
    ChannelSpec s = new ChannelSpec(300, 0, 0, ChannelSpec.Jitter.UNIFORM, 0, 0, 1, 0, 0, 100, List.of());
    RadioModel m = new RadioModel(s, 5);
    assertEquals(1000, m.deliveryTimeUs(1, 100, 100, 2, 100 + 299.9, 100, 1000));
    assertEquals(1000, m.deliveryTimeUs(1, 0, 0, 3, 0, 300, 1000));
    long lost = m.deliveryTimeUs(1, 0, 0, 4, 300.1, 0, 1000);
    assertEquals(LossReason.OUT_OF_RANGE, LossReason.of(lost));
    assertEquals(1, m.lost(LossReason.OUT_OF_RANGE));
  }

  @Test
  void outageWindowsDropEverythingInside() {
    ChannelSpec s = ChannelSpec.ideal().withOutages(List.of(new ChannelSpec.Outage(10, 20), new ChannelSpec.Outage(30, 31)));
    RadioModel m = new RadioModel(s, 6);
    for (long t = 0; t < 40_000_000L; t += 50_000) {
      boolean inside = (t >= 10_000_000 && t < 20_000_000) || (t >= 30_000_000 && t < 31_000_000);
      long r = m.deliveryTimeUs(1, 0, 0, 2, 0, 0, t);
      if (inside) {
        assertEquals(LossReason.OUTAGE, LossReason.of(r), "t=" + t);
      } else {
        assertEquals(t, r, "t=" + t);
      }
    }
    assertEquals(220, m.lost(LossReason.OUTAGE));
  }

  @Test
  void sameSeedSameDecisionsWhateverTheReceiverOrder() {
    ChannelSpec s = ChannelSpec.defaults();
    int receivers = 50;
    long[][] a = run(s, 42, receivers, false);
    long[][] b = run(s, 42, receivers, false);
    long[][] reversed = run(s, 42, receivers, true);
    long[][] other = run(s, 43, receivers, false);
    for (int r = 0; r < receivers; r++) {
      assertArrayEquals(a[r], b[r]);
      assertArrayEquals(a[r], reversed[r]);
    }
    boolean differs = false;
    for (int r = 0; r < receivers; r++) {
      differs |= !java.util.Arrays.equals(a[r], other[r]);
    }
    assertTrue(differs);
  }

  @Test
  void lossSettingsDoNotShiftJitterDraws() {
    // Common random numbers: a frame delivered in both arms arrives at the same time in both.
    RadioModel clean = new RadioModel(spec(0, 0, 1, 0, 0), 9);
    RadioModel lossy = new RadioModel(spec(0.3, 0.05, 0.3, 0, 1), 9);
    int both = 0;
    for (int i = 0; i < 10_000; i++) {
      long a = clean.deliveryTimeUs(1, 0, 0, 2, 0, 0, i * PERIOD_US);
      long b = lossy.deliveryTimeUs(1, 0, 0, 2, 0, 0, i * PERIOD_US);
      if (b >= 0) {
        assertEquals(a, b);
        both++;
      }
    }
    assertTrue(both > 5000);
  }

  @Test
  void defaultsAreWithinTheCeiling() {
    ChannelSpec d = ChannelSpec.defaults();
    assertEquals(300, d.rangeM());
    assertTrue(d.baseLatencyMs() + d.jitterMs() <= d.ceilingMs());
    RadioModel m = new RadioModel(d, 11);
    for (int i = 0; i < 10_000; i++) {
      m.deliveryTimeUs(1, 0, 0, i % 100, 50, 50, i * PERIOD_US);
    }
    assertEquals(0, m.lost(LossReason.TOO_LATE));
    double loss = m.lostTotal() / 10_000.0;
    assertTrue(loss > 0.01 && loss < 0.08, "loss " + loss);
    assertEquals(100, m.linkCount());
  }

  private static long[][] run(ChannelSpec s, long seed, int receivers, boolean reversed) {
    RadioModel m = new RadioModel(s, seed);
    long[][] out = new long[receivers][200];
    for (int f = 0; f < 200; f++) {
      for (int k = 0; k < receivers; k++) {
        int r = reversed ? receivers - 1 - k : k;
        out[r][f] = m.deliveryTimeUs(3, 0, 0, r, r * 7.0, 0, f * PERIOD_US);
      }
    }
    return out;
  }
}
