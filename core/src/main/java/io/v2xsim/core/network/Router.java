package io.v2xsim.core.network;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.ContractionHierarchyBidirectionalDijkstra;
import org.jgrapht.alg.shortestpath.ContractionHierarchyPrecomputation;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * Fastest routes at free-flow speed, on the edge-based graph whose vertices are roads and whose edges are the
 * turns a junction allows, so turn restrictions are respected. Queries use JGraphT's contraction hierarchies
 * (bidirectional Dijkstra on the contracted graph), built lazily on first use.
 *
 * <p>Determinism: equal-cost alternatives are common on grids, and which one a contraction hierarchy returns
 * depends on its contraction order. Each road's cost therefore carries a tiny deterministic perturbation (a
 * thousandth, from the road index; JGraphT compares path weights with a tolerance,
 * so a finer one would not decide) that makes shortest paths unique, and the hierarchy is built on one thread
 * with a fixed random seed. Routes are cached per (origin, destination).
 */
public final class Router {
  private final RoadNetwork network;
  private final ConcurrentHashMap<Long, List<Road>> cache = new ConcurrentHashMap<>();
  private ContractionHierarchyBidirectionalDijkstra<Road, DefaultWeightedEdge> search;
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

  private synchronized ContractionHierarchyBidirectionalDijkstra<Road, DefaultWeightedEdge> search() {
    if (search == null) {
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
      ThreadPoolExecutor oneThread =
          new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "v2xsim-router-precompute");
            t.setDaemon(true);
            return t;
          });
      try {
        var hierarchy = new ContractionHierarchyPrecomputation<>(g, () -> new Random(42), oneThread)
            .computeContractionHierarchy();
        search = new ContractionHierarchyBidirectionalDijkstra<>(hierarchy);
      } finally {
        oneThread.shutdownNow();
      }
      turnGraph = g;
    }
    return search;
  }

  /**
   * The fastest sequence of roads from {@code from} to {@code to}, both included, or null if none exists.
   * O(1) for a cached pair; otherwise a contraction-hierarchy query, typically far below a millisecond on a
   * 1,000-junction grid.
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
    List<Road> found;
    synchronized (this) {
      GraphPath<Road, DefaultWeightedEdge> path = search().getPath(from, to);
      found = path == null ? List.of() : List.copyOf(path.getVertexList());
    }
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
    search();
    return turnGraph;
  }
}
