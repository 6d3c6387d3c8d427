package io.v2xsim.core.spec;

import io.v2xsim.core.spec.ScenarioSpec.SensorSpecYaml;
import java.util.List;
import java.util.Map;

/**
 * Onboard sensor suites an arm may name without defining them under {@code sensorSuites} (a suite the scenario
 * defines under the same name takes precedence). Mounting positions are metres from the vehicle's centre, x
 * forward, y left.
 *
 * <ul>
 *   <li>{@code front}: a forward camera (60 degrees, 80 m) and a forward radar (40 degrees, 150 m), the
 *       adaptive-cruise and emergency-braking pair of most production cars; nothing looks sideways or back.
 *   <li>{@code standard}: {@code front} plus four corner radars, 80 degrees wide and 70 m long, squinted 50
 *       degrees out from the front and 140 degrees from the rear, with 0.1 false alarms per scan. Corner radars
 *       of this kind (24/77 GHz short-range radars for blind-spot detection and lane-change assist, about +-40
 *       degrees and 70-80 m; for example Autoliv's SRR user manual in its FCC filing) see cross traffic ahead and
 *       the lanes beside and behind, as ISO 17387 lane-change decision aids require. With it an agent can change
 *       lanes and see a cyclist riding up on its right.
 * </ul>
 */
final class BuiltInSuites {
  private BuiltInSuites() {}

  private static SensorSpecYaml sensor(String type, double x, double y, double heading, double fov, double range,
      Double clutter) {
    return new SensorSpecYaml(type, x, y, heading, fov, range, null, null, null, null, null, null, clutter);
  }

  private static final List<SensorSpecYaml> FRONT = List.of(
      sensor("camera", 1.5, 0, 0, 60, 80, null),
      sensor("radar", 2.2, 0, 0, 40, 150, null));

  private static final List<SensorSpecYaml> STANDARD = List.of(
      FRONT.get(0), FRONT.get(1),
      sensor("radar", 2.0, 0.8, 50, 80, 70, 0.1),
      sensor("radar", 2.0, -0.8, -50, 80, 70, 0.1),
      sensor("radar", -2.0, 0.8, 140, 80, 70, 0.1),
      sensor("radar", -2.0, -0.8, -140, 80, 70, 0.1));

  static final Map<String, List<SensorSpecYaml>> SUITES = Map.of("front", FRONT, "standard", STANDARD);
}
