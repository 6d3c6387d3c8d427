package io.v2xsim.scenarios.load;

/**
 * A place in a scenario file.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(int line, int column) implements Comparable<Location> {
  @Override
  public int compareTo(Location other) {
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
