package io.v2xsim.core.experiment;

import io.v2xsim.core.sensing.SensorSpec;
import java.util.List;

/**
 * A roadside unit: pole position, sensors (world-frame mounts) and the period of its fusion and broadcast
 * cycle in seconds.
 *
 * @param index position among the scenario's RSUs; also its station id on the wire (index + 1)
 */
public record RsuSite(int index, String id, double x, double y, double fusionPeriod, List<SensorSpec> sensors) {
  public RsuSite {
    sensors = List.copyOf(sensors);
  }
}
