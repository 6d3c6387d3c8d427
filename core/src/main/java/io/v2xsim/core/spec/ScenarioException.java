package io.v2xsim.core.spec;

import java.util.List;

/** A scenario that cannot run, with every problem found in it. */
public final class ScenarioException extends RuntimeException {
  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.size() + " problem(s); first: " + problems.get(0).path() + ": " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
