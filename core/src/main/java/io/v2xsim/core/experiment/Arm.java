package io.v2xsim.core.experiment;

import io.v2xsim.core.channel.ChannelSpec;
import io.v2xsim.core.sensing.SensorSpec;
import java.util.List;

/**
 * One arm of an experiment: the same seeded world, with automated vehicles that carry {@code onboard}
 * sensors (host-frame mounts) and, if {@code useRsu}, also use the frames RSUs broadcast over {@code channel}.
 * With {@code rsuEnabled} false the RSUs do not run at all.
 */
public record Arm(String name, String onboardSuite, List<SensorSpec> onboard, boolean useRsu, boolean rsuEnabled,
    ChannelSpec channel) {
  public Arm {
    onboard = List.copyOf(onboard);
  }
}
