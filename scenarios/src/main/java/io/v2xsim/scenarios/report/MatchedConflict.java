package io.v2xsim.scenarios.report;

import java.util.List;

/**
 * One encounter of two road users on one seed, as each arm saw it. Arms share seeds, so the same two road
 * users meet in every arm unless an arm changed what they did; an encounter with a value in one arm and none
 * in another is a conflict that arm avoided (or caused).
 *
 * @param time, x, y when and where the first arm (in arm order) that had it recorded it
 * @param ttc per arm in arm order: smallest TTC of the encounter, NaN if that arm had no TTC conflict
 * @param pet per arm: smallest PET, NaN if that arm had no PET conflict
 */
public record MatchedConflict(long seed, double time, double x, double y, String first, String second,
    String firstClass, String secondClass, List<Double> ttc, List<Double> pet) {
  public MatchedConflict {
    ttc = List.copyOf(ttc);
    pet = List.copyOf(pet);
  }

  /** Whether arm {@code a} (its index) had this conflict at all. */
  public boolean in(int a) {
    return !Double.isNaN(ttc.get(a)) || !Double.isNaN(pet.get(a));
  }
}
