package io.v2xsim.core.demand;

import io.v2xsim.core.network.Road;
import io.v2xsim.core.traffic.VehicleType;
import java.util.List;

/**
 * A vehicle demand asks for: who, along which roads, when.
 *
 * @param index position in the run's departure list (departure order)
 * @param time scheduled departure, seconds; with a {@code trigger}, the time from which it watches for it
 */
public record Departure(int index, String id, VehicleType type, List<Road> route, double time, Trigger trigger,
    SpeedProfile profile) {
  public Departure(int index, String id, VehicleType type, List<Road> route, double time) {
    this(index, id, type, route, time, null, null);
  }

  public Departure(int index, String id, VehicleType type, List<Road> route, double time, Trigger trigger) {
    this(index, id, type, route, time, trigger, null);
  }
}
