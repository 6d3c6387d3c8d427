package io.v2xsim.core.metrics.safety;

/** Which surrogate measure found a conflict. */
public enum ConflictKind {
  /** Time to collision under constant velocity fell below the threshold. */
  TTC,
  /** Post-encroachment time at a shared point fell below the threshold. */
  PET
}
