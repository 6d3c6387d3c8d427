package io.v2xsim.scenarios.cli;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioDocument;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.ScenarioSource;
import io.v2xsim.scenarios.load.SpecOverrides;
import io.v2xsim.scenarios.report.ArmsSummary;
import io.v2xsim.scenarios.report.ArmsTable;
import io.v2xsim.scenarios.report.ExperimentSummary;
import io.v2xsim.scenarios.report.ReportWriter;
import io.v2xsim.scenarios.report.RunInfo;
import io.v2xsim.scenarios.report.Summarizer;
import io.v2xsim.scenarios.report.SummaryTable;
import io.v2xsim.scenarios.report.TrajectoryFiles;
import io.v2xsim.scenarios.run.ArmResults;
import io.v2xsim.scenarios.run.ArmRunner;
import io.v2xsim.scenarios.run.ExperimentRunner;
import io.v2xsim.scenarios.run.ProgressMeter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Run a scenario once per seed and report every metric across seeds (mean, 95%% CI; docs/statistics.md).",
        "Writes summary.json, trips.csv and run-info.json (and trajectories-seed<N>.csv with --trajectories).",
        "A scenario with several arms runs every seed in every arm and also compares each arm with the first,",
        "paired by seed; it adds arms.csv, comparison.csv and conflicts.csv."})
final class RunCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  /** Runs one (scenario, arm, seed), for scenarios with one arm or several. */
  static final ArmRunner RUNNER = io.v2xsim.scenarios.coop.ArmRun::run;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Mixin
  SourceOptions source;

  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--strategy", paramLabel = "NAME",
      description = "Signal controller for every signalized junction (signals.defaults.controller).")
  String strategy;

  @Option(names = "--trajectories",
      description = "Also write every vehicle's trajectory, one CSV per seed.")
  boolean trajectories;

  @Option(names = "--transport", paramLabel = "KIND",
      description = "How perception frames travel: inprocess (Netty local channels) or udp (datagrams on the "
          + "loopback); replaces experiment.transport. Results are identical either way.")
  String transport;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    ScenarioLoader loader = new ScenarioLoader();
    ScenarioDocument document = source.read(experiment.duration);
    CompiledScenario compiled = loader.compile(document,
        new SpecOverrides(experiment.seeds, experiment.seed, experiment.duration, transport, strategy,
            experiment.dt));
    LoadReport.notes(document.importNotes(), source.verbose, stderr);
    String identical = LoadReport.identicalSeeds(compiled);
    if (identical != null) {
      stderr.println(identical);
      stderr.flush();
    }
    List<Long> seedList = ExperimentRunner.seedsOf(compiled);
    ReportWriter report = new ReportWriter(experiment.outputDir(compiled.name()));
    List<Arm> arms = ExperimentRunner.armsOf(compiled);
    if (arms.size() > 1) {
      return runArms(compiled, document, arms, seedList, report, stdout, stderr);
    }

    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    List<RunResult> results;
    boolean writeTrajectories = trajectories || compiled.trajectories();
    try (TrajectoryFiles trajectoryFiles = writeTrajectories ? TrajectoryFiles.open(report.dir(), seedList) : null;
        ProgressMeter progress = new ProgressMeter(stderr, main.terminal, seedList.size(), compiled.duration(),
            System::nanoTime).start()) {
      results = new ExperimentRunner(experiment.threads).run(compiled, arms, seedList, RUNNER,
          (arm, seed) -> trajectoryFiles != null ? trajectoryFiles.listenerFor(seed) : RunListener.NONE, progress)
          .get(0).results();
      if (trajectoryFiles != null) {
        trajectoryFiles.commit();
      }
    }
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

    ExperimentSummary summary = Summarizer.summarize(compiled, results);
    double simulated = results.stream().mapToDouble(RunResult::simulatedSeconds).sum();
    RunInfo info = new RunInfo(compiled.name(), document.displayName(), seedList, Math.min(experiment.threads, seedList.size()),
        started, wallSeconds, simulated, Summarizer.vehicleUpdates(compiled, results), VersionProvider.version(),
        spec.commandLine().getParseResult().originalArgs(), document.importNotes());
    report.write(summary, results, info);

    stdout.print(SummaryTable.render(summary, experiment.allMetrics));
    stdout.println();
    stdout.println("Results in " + report.dir());
    stdout.flush();
    return 0;
  }

  /** Every seed in every arm; the report compares each arm with the first. */
  private int runArms(CompiledScenario compiled, ScenarioDocument document, List<Arm> arms, List<Long> seedList,
      ReportWriter report, PrintWriter stdout, PrintWriter stderr) throws Exception {
    List<String> names = arms.stream().map(Arm::name).toList();
    int runs = arms.size() * seedList.size();
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    List<ArmResults> results;
    boolean writeTrajectories = trajectories || compiled.trajectories();
    io.v2xsim.scenarios.coop.WallClock.reset();
    try (TrajectoryFiles trajectoryFiles = writeTrajectories ? TrajectoryFiles.open(report.dir(), names, seedList)
            : null;
        ProgressMeter progress = new ProgressMeter(stderr, main.terminal, runs, compiled.duration(),
            System::nanoTime).start()) {
      results = new ExperimentRunner(experiment.threads).run(compiled, arms, seedList, RUNNER,
          (arm, seed) -> trajectoryFiles != null ? trajectoryFiles.listenerFor(arm.name(), seed) : RunListener.NONE,
          progress);
      if (trajectoryFiles != null) {
        trajectoryFiles.commit();
      }
    }
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

    List<List<RunResult>> perArm = new ArrayList<>();
    List<RunResult> all = new ArrayList<>();
    for (ArmResults arm : results) {
      perArm.add(arm.results());
      all.addAll(arm.results());
    }
    ArmsSummary summary = Summarizer.summarizeArms(compiled.name(), compiled.description(), compiled.duration(),
        compiled.dt(), compiled.warmup(), names, perArm);
    double simulated = all.stream().mapToDouble(RunResult::simulatedSeconds).sum();
    RunInfo info = new RunInfo(compiled.name(), document.displayName(), seedList, Math.min(experiment.threads, runs),
        started, wallSeconds, simulated, Summarizer.vehicleUpdates(compiled, all), VersionProvider.version(),
        spec.commandLine().getParseResult().originalArgs(), document.importNotes());
    report.write(summary, perArm, info);

    stdout.print(ArmsTable.render(summary, experiment.allMetrics));
    stdout.println();
    var path = io.v2xsim.scenarios.coop.WallClock.path();
    if (path.count() > 0) {
      stdout.println("Netty path, encode to decode, wall clock (not part of the model): " + path.summaryMicros());
    }
    stdout.println("Results in " + report.dir());
    stdout.flush();
    return 0;
  }

  private void checkOptions() {
    source.check();
    experiment.check();
  }

  /** results/<name>/<timestamp>, made unique if a run in the same second already took it. */
  static Path defaultOutputDir(String scenarioName) {
    String safeName = scenarioName.replaceAll("[^A-Za-z0-9._-]", "_");
    Path base = Path.of("results", safeName, LocalDateTime.now().format(STAMP));
    Path dir = base;
    for (int i = 2; Files.exists(dir); i++) {
      dir = Path.of(base + "-" + i);
    }
    return dir;
  }
}
