package io.v2xsim.core.network;

import java.util.List;

/**
 * A one-way road to build.
 *
 * @param shape intermediate points between the two nodes, each {@code [x, y]}; may be empty
 * @param laneTurns per lane from the rightmost, letters of {@link Turn}; null for defaults from geometry
 * @param path JSON pointer of its definition, for error messages
 * @param laneLinks the connectors at the road's end lane by lane, as an imported file gives them; null for
 *     the builder's own (one connector per lane and movement, lane turns from {@code laneTurns} or geometry)
 * @param setbacks where the lanes begin and end, metres along the road from its start and its end node, as a
 *     source's junction shapes put them; null for the builder's own junction radius
 */
public record RoadDef(
    String id,
    String from,
    String to,
    int lanes,
    double laneWidth,
    double speedLimit,
    int priority,
    List<double[]> shape,
    List<String> laneTurns,
    String path,
    List<LaneLinkDef> laneLinks,
    double[] setbacks) {
  public RoadDef(String id, String from, String to, int lanes, double laneWidth, double speedLimit, int priority,
      List<double[]> shape, List<String> laneTurns, String path, List<LaneLinkDef> laneLinks) {
    this(id, from, to, lanes, laneWidth, speedLimit, priority, shape, laneTurns, path, laneLinks, null);
  }

  public RoadDef(String id, String from, String to, int lanes, double laneWidth, double speedLimit, int priority,
      List<double[]> shape, List<String> laneTurns, String path) {
    this(id, from, to, lanes, laneWidth, speedLimit, priority, shape, laneTurns, path, null);
  }
}
