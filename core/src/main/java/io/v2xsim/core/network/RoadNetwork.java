package io.v2xsim.core.network;

import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * An immutable road network: junctions and roads held in a JGraphT graph, lanes and connectors numbered
 * densely as {@link Link}s, and a router. Safe to share between concurrent runs.
 */
public final class RoadNetwork {
  private final List<Junction> junctions;
  private final List<Road> roads;
  private final List<Link> links;
  private final Map<String, Junction> junctionById;
  private final Map<String, Road> roadById;
  private final Graph<Junction, Road> graph;
  private final Router router;

  RoadNetwork(List<Junction> junctions, List<Road> roads, List<Link> links, Map<String, Junction> junctionById,
      Map<String, Road> roadById, Graph<Junction, Road> graph) {
    this.junctions = List.copyOf(junctions);
    this.roads = List.copyOf(roads);
    this.links = List.copyOf(links);
    this.junctionById = Map.copyOf(junctionById);
    this.roadById = Map.copyOf(roadById);
    this.graph = graph;
    this.router = new Router(this);
  }

  public List<Junction> junctions() {
    return junctions;
  }

  public List<Road> roads() {
    return roads;
  }

  /** Every lane and connector, indexed by {@link Link#index()}. */
  public List<Link> links() {
    return links;
  }

  public Junction junction(String id) {
    return junctionById.get(id);
  }

  public Road road(String id) {
    return roadById.get(id);
  }

  /** The road graph: junctions as vertices, roads as directed edges weighted by length. */
  public Graph<Junction, Road> graph() {
    return graph;
  }

  public Router router() {
    return router;
  }

  /** Roads that start at a boundary node: where traffic can enter. */
  public List<Road> entryRoads() {
    return roads.stream().filter(r -> r.from().kind() == JunctionKind.BOUNDARY).toList();
  }

  /** Roads that end at a boundary node: where traffic can leave. */
  public List<Road> exitRoads() {
    return roads.stream().filter(r -> r.to().kind() == JunctionKind.BOUNDARY).toList();
  }
}
