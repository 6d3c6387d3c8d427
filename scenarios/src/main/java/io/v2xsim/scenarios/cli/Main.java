package io.v2xsim.scenarios.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code v2xsim} command line.
 *
 * <p>Exit codes: 0 success; 2 a bad scenario or bad usage (the user can fix it: the messages say where);
 * 1 anything else (a defect or an I/O failure), with the stack trace only under {@code --debug}.
 */
@Command(
    name = "v2xsim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Runs traffic scenarios with roadside and vehicle perception, and reports what they measured.",
    subcommands = {RunCommand.class, CompareCommand.class, ValidateCommand.class, ListCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal or I/O error", "2:invalid scenario or usage"})
public final class Main implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an internal error.")
  boolean debug;

  @Spec
  CommandSpec spec;

  /** Whether stderr is an interactive terminal (progress redrawn in place) rather than a log. */
  boolean terminal;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: run, compare, validate, list or bench");
  }

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    int code = execute(args, out, err, terminal);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line in-process: what {@link #main} does, without exiting. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
    return commandLine(out, err, terminal).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal) {
    Main main = new Main();
    main.terminal = terminal;
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Failures());
    cl.setParameterExceptionHandler(Failures::usage);
    return cl;
  }
}
