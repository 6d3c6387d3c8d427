package io.v2xsim.core.experiment;

import java.util.List;

/**
 * The cooperative-perception side of a scenario: roadside units, the arms to compare, and how frames travel
 * ({@code inprocess} or {@code udp}).
 */
public record Cooperation(List<RsuSite> rsus, List<Arm> arms, String transport) {
  public Cooperation {
    rsus = List.copyOf(rsus);
    arms = List.copyOf(arms);
  }

  /** Whether any arm has automated vehicles sense or receive anything (otherwise a run is plain traffic). */
  public boolean hasAgents() {
    return arms.stream().anyMatch(a -> a.useRsu() || !a.onboard().isEmpty());
  }
}
