package io.v2xsim.core.imports;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.spec.CompiledScenario;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs a scenario tick by tick and records which vehicles drove along each of the watched connectors. */
final class ConnectorUse {
  private final Map<Connector, Set<Integer>> users = new LinkedHashMap<>();
  private Engine engine;

  ConnectorUse(List<Connector> watched) {
    watched.forEach(c -> users.put(c, new HashSet<>()));
  }

  /** Runs the whole scenario on {@code seed}; returns the engine for its result. */
  Engine run(CompiledScenario s, long seed) {
    engine = new Engine(s.model(), seed);
    long ticks = Math.round(s.model().duration() / engine.dt());
    while (engine.tick() < ticks) {
      engine.step();
      for (Map.Entry<Connector, Set<Integer>> e : users.entrySet()) {
        for (double[] v : engine.positionsOn((Link) e.getKey())) {
          e.getValue().add((int) v[0]);
        }
      }
    }
    return engine;
  }

  /** Distinct vehicles seen on {@code c}. */
  int vehicles(Connector c) {
    return users.get(c).size();
  }

  /** Distinct vehicles seen on any watched connector. */
  int total() {
    Set<Integer> all = new HashSet<>();
    users.values().forEach(all::addAll);
    return all.size();
  }
}
