package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.CollisionRecord;

/** A collision and the seed of the run it happened in. */
public record SeedCollision(long seed, CollisionRecord collision) {}
