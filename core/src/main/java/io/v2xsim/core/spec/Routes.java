package io.v2xsim.core.spec;

import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import java.util.ArrayList;
import java.util.List;

/** Resolves a demand entry's route: an explicit list of road ids, or the fastest route from one road to another. */
final class Routes {
  private final RoadNetwork net;
  private final Checks check;

  Routes(RoadNetwork net, Checks check) {
    this.net = net;
    this.check = check;
  }

  List<Road> resolve(String from, String to, List<String> route, String p) {
    if (route != null) {
      if (route.isEmpty()) {
        check.add(p + "/route", "must list at least one road id");
        return null;
      }
      List<Road> roads = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < route.size(); i++) {
        Road r = road(route.get(i), p + "/route/" + i);
        ok &= r != null;
        roads.add(r);
      }
      if (!ok) {
        return null;
      }
      for (int i = 0; i + 1 < roads.size(); i++) {
        Road a = roads.get(i);
        Road b = roads.get(i + 1);
        if (a.to() != b.from() || a.to().movement(a, b) == null) {
          check.add(p + "/route/" + (i + 1), "road '" + b.id() + "' cannot be reached from '" + a.id()
              + "' (it must start where the previous road ends, by a turn the junction allows)");
          return null;
        }
      }
      return List.copyOf(roads);
    }
    if (from == null && to == null) {
      check.add(p, "missing fields 'from' and 'to' (or 'route'): expected the road ids where the trip starts and ends");
      return null;
    }
    Road a = from == null ? null : road(from, p + "/from");
    Road b = to == null ? null : road(to, p + "/to");
    if (from == null) {
      check.add(p + "/from", "missing field 'from' (expected the id of the road where the trip starts)");
    }
    if (to == null) {
      check.add(p + "/to", "missing field 'to' (expected the id of the road where the trip ends)");
    }
    if (a == null || b == null) {
      return null;
    }
    List<Road> r = net.router().route(a, b);
    if (r == null) {
      check.add(p + "/to", "no route from road '" + a.id() + "' to road '" + b.id() + "' (the destination cannot be reached)");
    }
    return r;
  }

  private Road road(String id, String p) {
    Road r = net.road(id);
    if (r == null) {
      check.add(p, "unknown road '" + id + "' (expected the id of a road in the network)");
    }
    return r;
  }
}
