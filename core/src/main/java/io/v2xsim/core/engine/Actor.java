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

  @Override
  double speed() {
    return speed;
  }

  @Override
  String name(Engine e) {
    return id;
  }
}
