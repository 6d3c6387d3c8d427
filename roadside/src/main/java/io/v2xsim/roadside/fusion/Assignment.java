package io.v2xsim.roadside.fusion;

import java.util.Arrays;

/**
 * Optimal rectangular assignment (minimum total cost, every row matched to a distinct column, rows &lt;= columns)
 * by shortest augmenting paths with dual potentials: the Hungarian method in the form of Jonker and Volgenant
 * ("A shortest augmenting path algorithm for dense and sparse linear assignment problems", Computing 38, 1987),
 * O(rows^2 * cols). All work arrays are preallocated and grown only when a larger problem arrives, so solving
 * allocates nothing in steady state. Costs must be finite; use a large finite value for forbidden pairs.
 *
 * <p><b>Ties.</b> The result is a pure function of the cost matrix. Rows are inserted one at a time in index
 * order, and each search takes the lowest-indexed column among equal reduced costs (strict comparisons), so
 * among equally good assignments earlier rows get earlier columns: with all costs equal, row i gets column i.
 * Callers make the order meaningful: the tracker lists tracks by age (oldest first) and detections by scan
 * order. Public so that the benchmark module can time it against JGraphT on its own.
 */
public final class Assignment {
  private double[] u = new double[16];
  private double[] v = new double[16];
  private double[] minv = new double[16];
  private int[] p = new int[16];
  private int[] way = new int[16];
  private boolean[] used = new boolean[16];
  private double[] transposed = new double[64];
  private int[] colToRow = new int[16];

  /**
   * Solves the problem with row-major {@code cost} (rows x cols) and writes the column of each row into
   * {@code rowToCol}, or -1 for rows left unmatched when rows > cols. Returns the total cost of the matching.
   */
  public double solve(double[] cost, int rows, int cols, int[] rowToCol) {
    if (rows == 0 || cols == 0) {
      Arrays.fill(rowToCol, 0, rows, -1);
      return 0;
    }
    if (rows <= cols) {
      return solveWide(cost, rows, cols, rowToCol);
    }
    // More rows than columns: solve the transpose, then invert the matching.
    if (transposed.length < rows * cols) {
      transposed = new double[Math.max(rows * cols, transposed.length * 2)];
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        transposed[j * rows + i] = cost[i * cols + j];
      }
    }
    if (colToRow.length < cols) {
      colToRow = new int[Math.max(cols, colToRow.length * 2)];
    }
    double total = solveWide(transposed, cols, rows, colToRow);
    Arrays.fill(rowToCol, 0, rows, -1);
    for (int j = 0; j < cols; j++) {
      rowToCol[colToRow[j]] = j;
    }
    return total;
  }

  private void ensure(int cols) {
    if (u.length < cols + 1) {
      int n = Math.max(cols + 1, u.length * 2);
      u = new double[n];
      v = new double[n];
      minv = new double[n];
      p = new int[n];
      way = new int[n];
      used = new boolean[n];
    }
  }

  /** rows <= cols. Indices 1-based inside, column 0 is the virtual start of each augmenting path. */
  private double solveWide(double[] a, int n, int m, int[] rowToCol) {
    ensure(Math.max(n, m));
    Arrays.fill(u, 0, n + 1, 0);
    Arrays.fill(v, 0, m + 1, 0);
    Arrays.fill(p, 0, m + 1, 0);
    Arrays.fill(way, 0, m + 1, 0);
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      Arrays.fill(minv, 0, m + 1, Double.POSITIVE_INFINITY);
      Arrays.fill(used, 0, m + 1, false);
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        int rowBase = (i0 - 1) * m;
        double ui0 = u[i0];
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = a[rowBase + j - 1] - ui0 - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    double total = 0;
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        rowToCol[p[j] - 1] = j - 1;
        total += a[(p[j] - 1) * m + j - 1];
      }
    }
    return total;
  }
}
