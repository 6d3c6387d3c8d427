package io.v2xsim.core.network.generate;

import io.v2xsim.core.network.JunctionKind;
import io.v2xsim.core.network.NodeDef;
import io.v2xsim.core.network.RoadDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard test networks. Naming, which scenario files can rely on:
 * <ul>
 *   <li>junctions {@code J<row>_<col>}, row 0 to the south, column 0 to the west, spaced {@code blockLength};
 *   <li>boundary nodes {@code B_S<col>}, {@code B_N<col>}, {@code B_W<row>}, {@code B_E<row>}, placed
 *       {@code approachLength} beyond the outer junctions;
 *   <li>roads {@code <fromNode>-<toNode>}, one per direction.
 * </ul>
 * A single intersection is a 1 x 1 grid; a corridor is a 1 x n grid whose east-west road has priority 1
 * (side streets 0), which matters where junctions are unsignalized.
 */
public final class NetworkGenerators {
  private NetworkGenerators() {}

  /** Lane layout and speed shared by every road of a generated network. */
  public record RoadStyle(int lanes, double laneWidth, double speedLimit) {}

  public static GeneratedNetwork grid(int rows, int cols, double block, double approach, RoadStyle style,
      boolean signalized, boolean mainStreetPriority, String path) {
    JunctionKind kind = signalized ? JunctionKind.SIGNALIZED : JunctionKind.PRIORITY;
    List<NodeDef> nodes = new ArrayList<>();
    List<RoadDef> roads = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        nodes.add(new NodeDef(junction(r, c), c * block, r * block, kind, path));
      }
    }
    for (int c = 0; c < cols; c++) {
      nodes.add(new NodeDef("B_S" + c, c * block, -approach, JunctionKind.BOUNDARY, path));
      nodes.add(new NodeDef("B_N" + c, c * block, (rows - 1) * block + approach, JunctionKind.BOUNDARY, path));
    }
    for (int r = 0; r < rows; r++) {
      nodes.add(new NodeDef("B_W" + r, -approach, r * block, JunctionKind.BOUNDARY, path));
      nodes.add(new NodeDef("B_E" + r, (cols - 1) * block + approach, r * block, JunctionKind.BOUNDARY, path));
    }
    int ew = mainStreetPriority ? 1 : 0;
    for (int r = 0; r < rows; r++) {
      twoWay(roads, "B_W" + r, junction(r, 0), style, ew, path);
      for (int c = 0; c + 1 < cols; c++) {
        twoWay(roads, junction(r, c), junction(r, c + 1), style, ew, path);
      }
      twoWay(roads, junction(r, cols - 1), "B_E" + r, style, ew, path);
    }
    for (int c = 0; c < cols; c++) {
      twoWay(roads, "B_S" + c, junction(0, c), style, 0, path);
      for (int r = 0; r + 1 < rows; r++) {
        twoWay(roads, junction(r, c), junction(r + 1, c), style, 0, path);
      }
      twoWay(roads, junction(rows - 1, c), "B_N" + c, style, 0, path);
    }
    return new GeneratedNetwork(nodes, roads);
  }

  public static GeneratedNetwork corridor(int junctions, double block, double approach, RoadStyle style,
      boolean signalized, String path) {
    return grid(1, junctions, block, approach, style, signalized, true, path);
  }

  public static GeneratedNetwork singleIntersection(double approach, RoadStyle style, boolean signalized,
      String path) {
    return grid(1, 1, approach, approach, style, signalized, false, path);
  }

  public static String junction(int row, int col) {
    return "J" + row + "_" + col;
  }

  private static void twoWay(List<RoadDef> roads, String a, String b, RoadStyle s, int priority, String path) {
    roads.add(new RoadDef(a + "-" + b, a, b, s.lanes(), s.laneWidth(), s.speedLimit(), priority, List.of(), null,
        path));
    roads.add(new RoadDef(b + "-" + a, b, a, s.lanes(), s.laneWidth(), s.speedLimit(), priority, List.of(), null,
        path));
  }
}
