package io.v2xsim.core.engine;

import io.v2xsim.core.actors.ActorKind;
import io.v2xsim.core.geometry.Polyline;

/** A pedestrian or cyclist moving along its path: per-run state. */
final class Actor extends Body {
  String id;
  ActorKind kind;
  Polyline path;
  double speed;
  double s;
  /** Pauses and speed changes along the path; null for constant speed (flows, parked vehicles). */
  io.v2xsim.core.actors.Motion motion;
  /** The speed it moves at when not pausing, m/s. */
  double cruise;
  int nextPause;
  int nextChange;
  /** Model time until which it stands still (a pause), s. */
  double pausedUntil;
  /** Whether it stops rather than walk into a vehicle right in front of it (crossing flows; scripted actors not). */
  boolean yieldsToBodies;

  @Override
  double speed() {
    return speed;
  }

  @Override
  String name(Engine e) {
    return id;
  }
}
