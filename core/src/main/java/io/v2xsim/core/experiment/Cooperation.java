package io.v2xsim.core.experiment;

import java.util.List;

/**
 * The cooperative-perception side of a scenario: roadside units, the arms to compare, how frames travel
 * ({@code inprocess} or {@code udp}), and whether signal controllers give emergency vehicles they see in those
 * frames priority.
 */
public record Cooperation(List<RsuSite> rsus, List<Arm> arms, String transport, boolean emergencyPriority) {
  public Cooperation {
    rsus = List.copyOf(rsus);
    arms = List.copyOf(arms);
  }

  public Cooperation(List<RsuSite> rsus, List<Arm> arms, String transport) {
    this(rsus, arms, transport, false);
  }

  /** Whether any arm has automated vehicles sense or receive anything (otherwise a run is plain traffic). */
  public boolean hasAgents() {
    return arms.stream().anyMatch(a -> a.useRsu() || !a.onboard().isEmpty());
  }
}
