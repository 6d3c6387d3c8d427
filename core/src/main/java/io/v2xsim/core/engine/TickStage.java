package io.v2xsim.core.engine;

/**
 * Work plugged into one stage of the tick: sensing, fusion and transport in cooperative-perception runs,
 * agents' decisions, extra measurements. Runs on the engine's thread, in the order added.
 */
@FunctionalInterface
public interface TickStage {
  /** The stages of a tick, in order (ARCHITECTURE.md, "One tick"). */
  enum Stage { SIGNALS, SENSING, FUSION, TRANSPORT, DECISION, DYNAMICS, MEASUREMENT }

  void execute(Engine engine);
}
