package io.v2xsim.scenarios.load;

/**
 * One thing wrong with a scenario file, located in it.
 *
 * @param file the file as the user named it
 * @param location where in the file, or {@code null} when the problem concerns the whole file (unreadable)
 * @param pointer JSON pointer of the field concerned ({@code ""} for the whole document)
 * @param field the same field for humans, e.g. {@code network.roads[3].to} ({@code ""} for the whole document)
 * @param message what is wrong and what was expected
 */
public record LoadError(String file, Location location, String pointer, String field, String message) {

  /** {@code FILE:LINE:COL: field.path: message}, the shape compilers use, so editors can jump to it. */
  public String format() {
    StringBuilder line = new StringBuilder(file);
    if (location != null) {
      line.append(':').append(location.line()).append(':').append(location.column());
    }
    line.append(": ");
    if (!field.isEmpty()) {
      line.append(field).append(": ");
    }
    return line.append(message).toString();
  }
}
