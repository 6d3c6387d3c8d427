package io.v2xsim.core.network;

/**
 * A node to build, before geometry is resolved.
 *
 * @param kind null to infer: boundary for a node with a single neighbour, priority otherwise
 * @param path where it came from in the scenario document (JSON pointer), for error messages
 */
public record NodeDef(String id, double x, double y, JunctionKind kind, String path) {}
