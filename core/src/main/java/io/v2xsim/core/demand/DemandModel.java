package io.v2xsim.core.demand;

import io.v2xsim.core.network.Road;
import io.v2xsim.core.network.RoadNetwork;
import io.v2xsim.core.random.RandomStream;
import io.v2xsim.core.traffic.VehicleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolved demand of a scenario: flows, single trips and random boundary-to-boundary traffic, with routes
 * already checked. {@link #departures} draws one run's vehicles from the run's {@code demand} stream.
 */
public record DemandModel(List<Flow> flows, List<Trip> trips, List<RandomTraffic> random) {

  /** A flow of {@code ratePerHour} vehicles along {@code route} in [begin, end). */
  public record Flow(String id, List<Road> route, double ratePerHour, boolean poisson, double begin, double end,
      VehicleType type) {}

  /** One vehicle. */
  /** A single vehicle; with a {@code trigger} it departs when that fires, no earlier than {@code depart}. */
  /** One vehicle; {@code profile} (null for none) scripts its speed along the route. */
  public record Trip(String id, List<Road> route, double depart, VehicleType type, Trigger trigger,
      SpeedProfile profile) {
    public Trip(String id, List<Road> route, double depart, VehicleType type) {
      this(id, route, depart, type, null, null);
    }

    public Trip(String id, List<Road> route, double depart, VehicleType type, Trigger trigger) {
      this(id, route, depart, type, trigger, null);
    }
  }

  /** Random trips between entry and exit roads, {@code ratePerHour} in all, Poisson. */
  public record RandomTraffic(String id, double ratePerHour, double begin, double end, VehicleType type) {}

  public DemandModel {
    flows = List.copyOf(flows);
    trips = List.copyOf(trips);
    random = List.copyOf(random);
  }

  /**
   * Every departure of one run, sorted by time (ties keep the order flows, trips, random traffic as declared).
   * Uses only {@code rng}, so two arms given streams with equal seeds get identical demand.
   */
  public List<Departure> departures(RoadNetwork network, RandomStream rng, double duration) {
    record Pending(String id, VehicleType type, List<Road> route, double time, int order, Trigger trigger,
        SpeedProfile profile) {
      Pending(String id, VehicleType type, List<Road> route, double time, int order) {
        this(id, type, route, time, order, null, null);
      }
    }
    List<Pending> out = new ArrayList<>();
    for (Flow f : flows) {
      double end = Math.min(f.end(), duration);
      double mean = 3600.0 / f.ratePerHour();
      int n = 0;
      double t = f.begin() + (f.poisson() ? rng.nextExponential(mean) : 0);
      while (t < end) {
        out.add(new Pending(f.id() + "." + n++, f.type(), f.route(), t, out.size()));
        t += f.poisson() ? rng.nextExponential(mean) : mean;
      }
    }
    for (Trip tr : trips) {
      if (tr.depart() < duration) {
        out.add(new Pending(tr.id(), tr.type(), tr.route(), tr.depart(), out.size(), tr.trigger(), tr.profile()));
      }
    }
    List<Road> entries = network.entryRoads();
    List<Road> exits = network.exitRoads();
    for (RandomTraffic r : random) {
      double end = Math.min(r.end(), duration);
      double mean = 3600.0 / r.ratePerHour();
      int n = 0;
      double t = r.begin() + rng.nextExponential(mean);
      while (t < end) {
        List<Road> route = null;
        for (int attempt = 0; attempt < 50 && route == null; attempt++) {
          Road from = entries.get(rng.nextInt(entries.size()));
          Road to = exits.get(rng.nextInt(exits.size()));
          if (to.to() == from.from()) {
            continue;
          }
          route = network.router().route(from, to);
        }
        if (route != null) {
          out.add(new Pending(r.id() + "." + n, r.type(), route, t, out.size()));
        }
        n++;
        t += rng.nextExponential(mean);
      }
    }
    out.sort(Comparator.comparingDouble(Pending::time).thenComparingInt(Pending::order));
    List<Departure> deps = new ArrayList<>(out.size());
    for (Pending p : out) {
      deps.add(new Departure(deps.size(), p.id(), p.type(), p.route(), p.time(), p.trigger(), p.profile()));
    }
    return deps;
  }
}
