package io.v2xsim.core.sensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The snapshot's id table and grid answer exactly what a scan of the whole snapshot would. */
class GroundTruthIndexTest {
  private static void fill(GroundTruth g, SplittableRandom rnd, int n, double extent) {
    g.clear();
    for (int i = 0; i < n; i++) {
      // Clustered like traffic: most objects near a few junctions, some anywhere.
      double cx = rnd.nextInt(4) * extent / 4;
      double cy = rnd.nextInt(4) * extent / 4;
      boolean spread = rnd.nextInt(5) == 0;
      double x = spread ? rnd.nextDouble() * extent : cx + rnd.nextGaussian() * 20;
      double y = spread ? rnd.nextDouble() * extent : cy + rnd.nextGaussian() * 20;
      int id = rnd.nextInt(3) == 0 ? 1_000_000 + i : 7 * i + rnd.nextInt(7);
      g.add(id, ObjectClass.CAR, x, y, 0, 0, 0, 4.5, 1.8);
    }
  }

  @Test
  void nearIsASupersetOfTheDiscInAscendingOrder() {
    SplittableRandom rnd = new SplittableRandom(7);
    GroundTruth g = new GroundTruth(4);
    Neighbours out = new Neighbours(2);
    for (int round = 0; round < 40; round++) {
      int n = round == 0 ? 0 : 1 + rnd.nextInt(round < 20 ? 40 : 3000);
      double extent = round % 3 == 0 ? 50 : 4000;
      fill(g, rnd, n, extent);
      for (int q = 0; q < 50; q++) {
        double x = rnd.nextDouble() * extent * 1.2 - 0.1 * extent;
        double y = rnd.nextDouble() * extent * 1.2 - 0.1 * extent;
        double r = rnd.nextDouble() * 150;
        g.near(x, y, r, out);
        for (int k = 1; k < out.count; k++) {
          assertTrue(out.items[k - 1] < out.items[k], "ascending, no duplicates");
        }
        List<Integer> got = new ArrayList<>();
        for (int k = 0; k < out.count; k++) {
          got.add(out.items[k]);
        }
        for (int i = 0; i < g.count; i++) {
          if (Math.hypot(g.x[i] - x, g.y[i] - y) <= r) {
            assertTrue(got.contains(i), "object " + i + " within " + r + " m is missing");
          }
        }
      }
    }
  }

  @Test
  void indexOfAgreesWithALinearScanAcrossRefills() {
    SplittableRandom rnd = new SplittableRandom(11);
    GroundTruth g = new GroundTruth(4);
    for (int round = 0; round < 30; round++) {
      fill(g, rnd, rnd.nextInt(2000), 3000);
      for (int q = 0; q < 300; q++) {
        int id = rnd.nextInt(3) == 0 ? 1_000_000 + rnd.nextInt(2000) : rnd.nextInt(15_000);
        int expected = -1;
        for (int i = 0; i < g.count; i++) {
          if (g.id[i] == id) {
            expected = i;
            break;
          }
        }
        assertEquals(expected, g.indexOf(id), "id " + id);
      }
      // Appending after a lookup must be seen by the next lookup.
      int i = g.add(42_424_242, ObjectClass.PEDESTRIAN, 1, 2, 0, 0, 0, 0.5, 0.5);
      assertEquals(i, g.indexOf(42_424_242));
    }
  }

  @Test
  void theInternalSortOrdersAnyInput() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int n : new int[] {0, 1, 2, 47, 48, 49, 500}) {
      int[] a = new int[n + 3];
      for (int k = 0; k < a.length; k++) {
        a[k] = rnd.nextInt(100);
      }
      int[] expected = java.util.Arrays.copyOf(a, n);
      java.util.Arrays.sort(expected);
      TruthIndex.sort(a, n);
      assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(java.util.Arrays.copyOf(a, n)));
    }
  }
}
