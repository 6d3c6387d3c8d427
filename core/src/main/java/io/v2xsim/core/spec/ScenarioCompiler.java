package io.v2xsim.core.spec;

/** Validates a {@link ScenarioSpec} in full and builds what a run needs. */
public final class ScenarioCompiler {
  private ScenarioCompiler() {}

  /**
   * @throws ScenarioException listing every problem found, each with the JSON pointer of its field
   */
  public static CompiledScenario compile(ScenarioSpec spec) {
    throw new UnsupportedOperationException("being written");
  }
}
