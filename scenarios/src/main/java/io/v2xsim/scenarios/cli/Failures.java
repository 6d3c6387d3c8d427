package io.v2xsim.scenarios.cli;

import io.v2xsim.scenarios.load.LoadError;
import io.v2xsim.scenarios.load.ScenarioLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into a short message and an exit code. A user's mistake never shows a stack trace:
 * the message says what to fix. A defect shows one line, and its trace only under {@code --debug}.
 */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof ScenarioLoadException) {
      report((ScenarioLoadException) ex, err);
      return Main.BAD_INPUT;
    }
    boolean debug = parseResult.originalArgs().contains("--debug");
    if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      Throwable io = ex instanceof UncheckedIOException ? ex.getCause() : ex;
      err.println("v2xsim: " + describe(io));
    } else {
      err.println("v2xsim: internal error: " + describe(ex));
    }
    if (debug) {
      ex.printStackTrace(err);
    } else {
      err.println("(run again with --debug for the stack trace)");
    }
    err.flush();
    return Main.FAILURE;
  }

  static void report(ScenarioLoadException e, PrintWriter err) {
    for (LoadError error : e.errors()) {
      err.println(error.format());
    }
    err.flush();
  }

  /** Usage errors: the message and where to find help, not the whole usage text. */
  static int usage(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("v2xsim: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    String type = t.getClass().getSimpleName();
    if (t instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory: " + message;
    } else if (t instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + message;
    } else if (t instanceof java.nio.file.FileAlreadyExistsException) {
      return "already exists and is not a directory: " + message;
    }
    return message == null ? type : type + ": " + message;
  }
}
