package io.v2xsim.roadside.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.v2xsim.core.random.RandomStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  /** Minimum cost of a rectangular problem by JGraphT, padded to a square with zero-cost dummies. */
  private static double kuhnMunkres(double[] cost, int rows, int cols) {
    int size = Math.max(rows, cols);
    Graph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<Integer> left = new HashSet<>();
    Set<Integer> right = new HashSet<>();
    for (int i = 0; i < size; i++) {
      g.addVertex(i);
      left.add(i);
      g.addVertex(size + i);
      right.add(size + i);
    }
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        double w = i < rows && j < cols ? cost[i * cols + j] : 0;
        g.setEdgeWeight(g.addEdge(i, size + j), w);
      }
    }
    return new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(g, left, right).getMatching().getWeight();
  }

  @Test
  void optimalOnRandomRectangularProblems() {
    RandomStream rng = RandomStream.derive(2, "assign");
    Assignment a = new Assignment();
    int[] out = new int[16];
    for (int c = 0; c < 400; c++) {
      int rows = 1 + rng.nextInt(7);
      int cols = 1 + rng.nextInt(7);
      double[] cost = new double[rows * cols];
      for (int k = 0; k < cost.length; k++) {
        cost[k] = rng.nextInt(4) == 0 ? rng.nextInt(5) : rng.nextDouble() * 20; // some integer ties
      }
      double total = a.solve(cost, rows, cols, out);
      assertEquals(kuhnMunkres(cost, rows, cols), total, 1e-9, "case " + c);
      // The matching is a valid one and its cost is what was returned.
      Set<Integer> usedCols = new HashSet<>();
      double sum = 0;
      int matched = 0;
      for (int i = 0; i < rows; i++) {
        if (out[i] >= 0) {
          assertEquals(true, usedCols.add(out[i]));
          sum += cost[i * cols + out[i]];
          matched++;
        }
      }
      assertEquals(Math.min(rows, cols), matched);
      assertEquals(total, sum, 1e-9);
    }
  }

  @Test
  void optimalWithGatingAgainstReferencePadding() {
    // The tracker's formulation: tracks x (detections + one miss column per track), gated pairs only.
    RandomStream rng = RandomStream.derive(3, "gated");
    Assignment a = new Assignment();
    int[] out = new int[16];
    double gate = 9.21;
    for (int c = 0; c < 300; c++) {
      int rows = 1 + rng.nextInt(6);
      int dets = 1 + rng.nextInt(6);
      double[][] d2 = new double[rows][dets];
      int cols = dets + rows;
      double[] cost = new double[rows * cols];
      java.util.Arrays.fill(cost, 1e9);
      for (int i = 0; i < rows; i++) {
        cost[i * cols + dets + i] = gate;
        for (int j = 0; j < dets; j++) {
          double v = rng.nextDouble() * 15;
          d2[i][j] = v <= gate ? v : Double.NaN;
          if (v <= gate) {
            cost[i * cols + j] = v;
          }
        }
      }
      double ours = a.solve(cost, rows, cols, out);
      List<Integer> rl = new ArrayList<>();
      List<Integer> dl = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        rl.add(i);
      }
      for (int j = 0; j < dets; j++) {
        dl.add(j);
      }
      int[] ref = ReferenceTracker.solveWithKuhnMunkres(rl, dl, d2, gate);
      double refCost = 0;
      for (int i = 0; i < rows; i++) {
        refCost += ref[i] >= 0 ? d2[i][ref[i]] : gate;
      }
      assertEquals(refCost, ours, 1e-9, "case " + c);
    }
  }

  @Test
  void tiesResolveDeterministicallyEarlierRowsTakeEarlierColumns() {
    Assignment a = new Assignment();
    int[] out = new int[4];
    double[] equal = new double[12];
    java.util.Arrays.fill(equal, 1.0);
    a.solve(equal, 3, 4, out);
    assertArrayEquals(new int[] {0, 1, 2}, java.util.Arrays.copyOf(out, 3));
    // Two optimal assignments of equal cost: {0->0, 1->1} and {0->1, 1->0}; the documented rule picks the first.
    double[] tie = {1, 2, 2, 1};
    a.solve(tie, 2, 2, out);
    assertArrayEquals(new int[] {0, 1}, java.util.Arrays.copyOf(out, 2));
    double[] swapped = {2, 1, 1, 2};
    a.solve(swapped, 2, 2, out);
    assertArrayEquals(new int[] {1, 0}, java.util.Arrays.copyOf(out, 2));
    // Same input, same answer, every time (no state leaks between solves).
    RandomStream rng = RandomStream.derive(4, "ties");
    double[] cost = new double[30];
    for (int k = 0; k < 30; k++) {
      cost[k] = rng.nextInt(3);
    }
    int[] first = new int[5];
    a.solve(cost, 5, 6, first);
    for (int rep = 0; rep < 20; rep++) {
      a.solve(new double[] {9, 9, 9, 9}, 2, 2, out);
      int[] again = new int[5];
      a.solve(cost, 5, 6, again);
      assertArrayEquals(first, again);
    }
    assertNotEquals(-1, first[0]);
  }
}
