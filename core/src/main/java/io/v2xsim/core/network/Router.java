package io.v2xsim.core.network;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Fastest routes at free-flow speed, on the edge-based graph whose vertices are roads and whose edges are the
 * turns a junction allows, so turn restrictions are respected. Each origin road gets one shortest-path tree
 * (JGraphT's Dijkstra to every road), built on first use and kept: demand leaves from the few boundary roads,
 * so a handful of trees answer every trip, and a tree costs milliseconds even on a 1,000-junction grid. (A
 * contraction hierarchy answered single queries faster, but JGraphT's precomputation took minutes on a
 * 32 x 32 grid's turn graph.)
 *
 * <p>Determinism: equal-cost alternatives are common on grids, and which one a search returns depends on its
 * visiting order. Each road's cost therefore carries a tiny deterministic perturbation (a thousandth, from the
 * road index; JGraphT compares path weights with a tolerance, so a finer one would not decide) that makes
 * shortest paths unique. Routes are cached per (origin, destination).
 */
public final class Router {
  private final RoadNetwork network;
  private final ConcurrentHashMap<Long, List<Road>> cache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Road, ShortestPathAlgorithm.SingleSourcePaths<Road, DefaultWeightedEdge>> trees =
      new ConcurrentHashMap<>();
  private Graph<Road, DefaultWeightedEdge> turnGraph;

  Router(RoadNetwork network) {
    this.network = network;
  }

  /** Free-flow cost of driving a road, with the tie-breaking perturbation. */
  static double cost(Road r) {
    double base = r.length() / r.speedLimit();
    // A hash, not a linear function of the index: on a regular grid, index sums of parallel paths coincide.
    long z = (r.index() + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    double frac = ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    return base * (1.0 + 1e-3 * frac);
  }

  private synchronized Graph<Road, DefaultWeightedEdge> graph() {
    if (turnGraph == null) {
      Graph<Road, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
      for (Road r : network.roads()) {
        g.addVertex(r);
      }
      for (Junction j : network.junctions()) {
        for (Movement m : j.movements()) {
          DefaultWeightedEdge e = g.addEdge(m.from(), m.to());
          if (e != null) {
            g.setEdgeWeight(e, cost(m.to()));
          }
        }
      }
      turnGraph = g;
    }
    return turnGraph;
  }

  /**
   * The fastest sequence of roads from {@code from} to {@code to}, both included, or null if none exists.
   * O(1) for a cached pair; otherwise a walk down the origin's shortest-path tree.
   */
  public List<Road> route(Road from, Road to) {
    if (from == to) {
      return List.of(from);
    }
    long key = ((long) from.index() << 32) | to.index();
    List<Road> cached = cache.get(key);
    if (cached != null) {
      return cached.isEmpty() ? null : cached;
    }
    Graph<Road, DefaultWeightedEdge> g = graph();
    var tree = trees.computeIfAbsent(from, origin -> new DijkstraShortestPath<>(g).getPaths(origin));
    GraphPath<Road, DefaultWeightedEdge> path = tree.getPath(to);
    List<Road> found = path == null ? List.of() : List.copyOf(path.getVertexList());
    cache.putIfAbsent(key, found);
    return found.isEmpty() ? null : found;
  }

  /** Whether the route's consecutive roads are all joined by a movement. */
  public boolean isDrivable(List<Road> roads) {
    for (int i = 0; i + 1 < roads.size(); i++) {
      Road a = roads.get(i);
      if (a.to() != roads.get(i + 1).from() || a.to().movement(a, roads.get(i + 1)) == null) {
        return false;
      }
    }
    return true;
  }

  /** Free-flow cost of a route in seconds (without perturbation). */
  public static double freeFlowSeconds(List<Road> roads) {
    double t = 0;
    for (Road r : roads) {
      t += r.length() / r.speedLimit();
    }
    return t;
  }

  Graph<Road, DefaultWeightedEdge> turnGraph() {
    return graph();
  }
}
