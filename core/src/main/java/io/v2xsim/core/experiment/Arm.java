package io.v2xsim.core.experiment;

import io.v2xsim.core.channel.ChannelSpec;
import io.v2xsim.core.sensing.SensorSpec;
import java.util.List;

/**
 * One arm of an experiment: the same seeded world, with automated vehicles that carry {@code onboard}
 * sensors (host-frame mounts) and, if {@code useRsu}, also use the frames RSUs broadcast over {@code channel}.
 * With {@code rsuEnabled} false the RSUs do not run at all. {@code policy} is how the automated vehicles treat
 * space they cannot see.
 */
public record Arm(String name, String onboardSuite, List<SensorSpec> onboard, boolean useRsu, boolean rsuEnabled,
    DrivingPolicy policy, ChannelSpec channel) {
  public Arm {
    onboard = List.copyOf(onboard);
  }

  /** An arm whose automated vehicles drive by the default {@link DrivingPolicy#CAUTIOUS} policy. */
  public Arm(String name, String onboardSuite, List<SensorSpec> onboard, boolean useRsu, boolean rsuEnabled,
      ChannelSpec channel) {
    this(name, onboardSuite, onboard, useRsu, rsuEnabled, DrivingPolicy.CAUTIOUS, channel);
  }
}
