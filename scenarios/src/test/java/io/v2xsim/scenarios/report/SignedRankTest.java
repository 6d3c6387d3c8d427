package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class SignedRankTest {
  @Test
  void hodgesLehmannIsTheMedianOfWalshAverages() {
    // {1, 2, 4}: averages 1, 1.5, 2.5, 2, 3, 4; sorted 1 1.5 2 | 2.5 3 4; median (2 + 2.5) / 2.
    assertEquals(2.25, SignedRank.test(new double[] {4, 1, 2}, 0.05).estimate());
    // {-1, 3, 5, 8}: -1 1 2 3 3.5 | 4 5 5.5 6.5 8; median 3.75. The mean (3.75) agrees by chance; the
    // median of the values (4) does not.
    assertEquals(3.75, SignedRank.test(new double[] {-1, 3, 5, 8}, 0.05).estimate());
    assertEquals(7.0, SignedRank.test(new double[] {7}, 0.05).estimate());
  }

  @Test
  void intervalAndPValueOfTenSeedsByHand() {
    // Seven seeds one collision fewer, three the same. Walsh averages: 28 of -1, 21 of -0.5, 6 of 0.
    double[] d = {-1, -1, 0, -1, -1, -1, 0, -1, -1, 0};
    SignedRank.Result r = SignedRank.test(d, 0.05);
    // n = 10: P(T <= 8) = 25/1024 < 0.025 <= P(T <= 9) = 33/1024, so k = 9: [W_(9), W_(47)].
    assertEquals(-1.0, r.low());
    assertEquals(-0.5, r.high());
    assertEquals(-1.0, r.estimate(), "W_(28)");
    // #{W >= 0} = 6; P(T <= 6) = 14/1024 (subsets of 1..10 summing to at most 6).
    assertEquals(2 * 14 / 1024.0, r.p(), 1e-15);
  }

  @Test
  void pValueIsCommonsMathsExactOneWithoutTiesOrZeros() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(14);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = random.nextGaussian() + 0.5;
      }
      double expected = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(d, new double[n], true);
      assertEquals(Math.min(1, expected), SignedRank.test(d, 0.05).p(), 1e-12, Arrays.toString(d));
    }
  }

  @Test
  void tinyPValuesStayAboveZero() {
    double[] thirty = new double[30];
    Arrays.setAll(thirty, i -> i + 1.0);
    assertEquals(2 / Math.pow(2, 30), SignedRank.test(thirty, 0.05).p(), 1e-24, "exact: 2 / 2^30");
    assertEquals("1.86265e-09", Decimals.significant(SignedRank.test(thirty, 0.05).p(), 6));
    double[] many = new double[2000];
    Arrays.setAll(many, i -> 1 + i % 7);
    double p = SignedRank.test(many, 0.05).p();
    assertTrue(p > 0 && p < 1e-300, "normal tail, far out: " + p);
  }

  @Test
  void tooFewPairsGiveNoIntervalAndNoMark() {
    double[] five = {-3, -2, -4, -1, -5};
    SignedRank.Result r = SignedRank.test(five, 0.05);
    assertEquals(Double.NEGATIVE_INFINITY, r.low());
    assertEquals(Double.POSITIVE_INFINITY, r.high());
    assertEquals(2 / 32.0, r.p(), 1e-15, "all five negative: the smallest p five pairs can give");
    SignedRank.Result six = SignedRank.test(new double[] {1, 2, 3, 4, 5, 6}, 0.05);
    assertEquals(1.0, six.low(), "k = 1: P(T <= 0) = 1/64 < 0.025 <= P(T <= 1)");
    assertEquals(6.0, six.high());
    assertEquals(2 / 64.0, six.p(), 1e-15);
    SignedRank.Result zeros = SignedRank.test(new double[8], 0.05);
    assertEquals(0.0, zeros.estimate());
    assertEquals(1.0, zeros.p());
    assertEquals(0.0, zeros.low());
    assertEquals(0.0, zeros.high());
  }

  @Test
  void selectionMatchesSortingEveryWalshSum() {
    Random random = new Random(5);
    for (int trial = 0; trial < 100; trial++) {
      int n = 1 + random.nextInt(25);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        // Ties, zeros, negatives and a wide spread of magnitudes.
        d[i] = random.nextInt(3) == 0 ? random.nextInt(3) - 1 : random.nextGaussian() * Math.pow(10, random.nextInt(6));
      }
      Arrays.sort(d);
      double[] sums = new double[n * (n + 1) / 2];
      for (int i = 0, k = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          sums[k++] = d[i] + d[j];
        }
      }
      Arrays.sort(sums);
      for (int k = 1; k <= sums.length; k++) {
        assertEquals(sums[k - 1] + 0.0, SignedRank.kthSum(d, k), Arrays.toString(d) + " k=" + k);
      }
    }
  }

  @Test
  void exactAndNormalDistributionsAgreeWhereTheyMeet() {
    int n = SignedRank.EXACT_MAX;
    SignedRank.Cdf exact = SignedRank.exact(n);
    SignedRank.Cdf normal = SignedRank.normal(n);
    long m = (long) n * (n + 1) / 2;
    for (long t = m / 4; t <= m / 2; t += m / 40) {
      assertEquals(exact.at(t), normal.at(t), 5e-4, "t=" + t);
    }
    assertEquals(SignedRank.criticalCount(exact, m, 0.025), SignedRank.criticalCount(normal, m, 0.025), 2);
  }
}
