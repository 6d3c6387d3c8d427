package io.v2xsim.core.metrics.safety;

/**
 * One conflict: an encounter of two road users in which a surrogate measure fell below its threshold.
 * Observations of the same pair and kind less than {@link SafetyConfig#episodeGap()} apart are one encounter.
 *
 * @param kind TTC or PET
 * @param time model time of the first observation below the threshold, seconds
 * @param x world x where the measure was smallest: midpoint of the two for TTC, the shared point for PET
 * @param y world y, likewise
 * @param firstId ground-truth id of one party: the lower id for TTC, the one that passed first for PET
 * @param secondId ground-truth id of the other
 * @param first display name of {@code firstId} (trip or actor id), resolved when the encounter began
 * @param second display name of {@code secondId}
 * @param firstClass class of the first party, as {@link io.v2xsim.core.sensing.ObjectClass#name(byte)}
 * @param secondClass class of the second party
 * @param value the smallest TTC or PET of the encounter, seconds
 */
public record ConflictRecord(ConflictKind kind, double time, double x, double y, int firstId, int secondId,
    String first, String second, String firstClass, String secondClass, double value) {

  /** Whether this and {@code other} involve the same two road users, in either order. */
  public boolean samePair(ConflictRecord other) {
    return firstId == other.firstId && secondId == other.secondId
        || firstId == other.secondId && secondId == other.firstId;
  }
}
