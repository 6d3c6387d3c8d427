package io.v2xsim.scenarios.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The experiment settings {@code run} and {@code compare} share: seeds, duration, step, output folder, threads. */
final class ExperimentOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--seeds", paramLabel = "N",
      description = "Number of seeds (runs), replacing experiment.seeds of the file.")
  Integer seeds;

  @Option(names = "--seed", paramLabel = "S",
      description = "First seed, replacing experiment.seed of the file; run i uses S + i.")
  Long seed;

  @Option(names = "--duration", paramLabel = "S",
      description = "Simulated seconds per run, replacing experiment.duration of the file.")
  Double duration;

  @Option(names = "--dt", paramLabel = "S",
      description = "Time step in seconds, replacing experiment.dt of the file (default 0.05; SUMO's is 0.1).")
  Double dt;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory for the result files (default: results/<scenario>/<yyyyMMdd-HHmmss>).")
  Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "Runs at once (default: number of cores, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--all-metrics",
      description = "Print every metric, also those with no value in any seed or arm (summary.json has all).")
  boolean allMetrics;

  void check() {
    if (seeds != null && seeds < 1) {
      throw new ParameterException(spec.commandLine(), "--seeds must be at least 1, got " + seeds);
    }
    if (duration != null && !(duration > 0 && Double.isFinite(duration))) {
      throw new ParameterException(spec.commandLine(), "--duration must be a positive number of seconds, got "
          + duration);
    }
    // The compiler's range for experiment.dt, checked here too so the message names the option, not a file.
    if (dt != null && !(dt >= 0.001 && dt <= 1.0)) {
      throw new ParameterException(spec.commandLine(), "--dt must be between 0.001 and 1 s, got " + dt);
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
    }
  }

  /** {@code --out}, or results/<name>/<timestamp>. */
  Path outputDir(String name) {
    return out != null ? out : RunCommand.defaultOutputDir(name);
  }
}
