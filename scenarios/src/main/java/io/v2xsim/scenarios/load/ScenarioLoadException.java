package io.v2xsim.scenarios.load;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be run, with every problem found in it, in file order. */
public final class ScenarioLoadException extends RuntimeException {
  private final transient List<LoadError> errors;

  public ScenarioLoadException(List<LoadError> errors) {
    super(errors.stream().map(LoadError::format).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a load failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public List<LoadError> errors() {
    return errors;
  }
}
