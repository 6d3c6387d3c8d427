package io.v2xsim.core.spec;

/**
 * One thing wrong with a scenario.
 *
 * @param path JSON pointer of the offending field in the scenario document, e.g. {@code /network/roads/3/to};
 *     for a missing field, the pointer of the field that should be there
 * @param message what is wrong and what was expected
 */
public record Problem(String path, String message) {}
