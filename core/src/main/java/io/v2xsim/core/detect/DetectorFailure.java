package io.v2xsim.core.detect;

/**
 * A failure rule: each detector matching {@code kind} (null: any) and {@code lane} (a lane id; null: any) fails
 * with {@code probability} per run, in mode {@code mode}, from {@code start} to {@code end} seconds.
 */
public record DetectorFailure(FailureMode mode, DetectorKind kind, String lane, double probability, double start,
    double end) {}
