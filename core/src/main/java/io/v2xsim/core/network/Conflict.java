package io.v2xsim.core.network;

/**
 * Where two connectors of the same junction cross or merge.
 *
 * @param other the other connector
 * @param at driving position on this connector of the conflict point, metres
 * @param atOther driving position on the other connector
 * @param merge whether both lead into the same lane (the point is then at both ends)
 * @param yieldsStatically whether this connector gives way to the other by the priority rules that apply
 *     without signals (road priority, turns, right-hand rule)
 */
public record Conflict(Connector other, double at, double atOther, boolean merge, boolean yieldsStatically) {}
