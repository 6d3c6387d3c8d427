package io.v2xsim.core.imports;

/**
 * A CityFlow or SUMO file that cannot be imported: one message naming the file, the line when known, and
 * what is wrong.
 */
public final class ImportException extends RuntimeException {
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param file the file as the caller named it
   * @param line 1-based line of the offending element, or 0 when unknown
   * @param problem what is wrong and what was expected
   */
  public ImportException(String file, int line, String problem) {
    this(file, line, 0, problem);
  }

  /**
   * @param column 1-based column where the parser stopped (for XML, usually the end of the offending tag), or 0
   *     when unknown
   */
  public ImportException(String file, int line, int column, String problem) {
    super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = line > 0 ? column : 0;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }

  public String problem() {
    return problem;
  }
}
