package io.v2xsim.core.signal;

/**
 * Priority requests, e.g. from an emergency vehicle known through V2X: "movement m of this junction wants
 * green until the request clears". Every controller honours them: the current green is cut once its minimum
 * has elapsed (with yellow and all-red), a phase serving m is shown and held while the request stands, then
 * the strategy resumes.
 */
public interface PriorityRequests {
  PriorityRequests NONE = junction -> -1;

  /** The movement of junction {@code junction} that requests priority now, or -1. Called every tick. */
  int requested(int junction);
}
