package io.v2xsim.scenarios.cli;

import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.engine.RunListener;
import io.v2xsim.scenarios.load.ScenarioDocument;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import io.v2xsim.scenarios.report.ArmsSummary;
import io.v2xsim.scenarios.report.CompareTable;
import io.v2xsim.scenarios.report.PendingFile;
import io.v2xsim.scenarios.report.ReportWriter;
import io.v2xsim.scenarios.report.RunInfo;
import io.v2xsim.scenarios.report.Summarizer;
import io.v2xsim.scenarios.run.ArmResults;
import io.v2xsim.scenarios.run.ExperimentRunner;
import io.v2xsim.scenarios.run.ProgressMeter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Run one scenario under several signal strategies, every strategy on the same seeds, and compare them.",
        "Prints travel time, delay, stops, queues, throughput (and emergency response and red-light conflicts",
        "where the scenario has them) per strategy with 95%% intervals, and each strategy's paired shift from the",
        "first (Hodges-Lehmann, with the interval and p of the Wilcoxon signed-rank test; docs/statistics.md).",
        "--all-metrics adds every metric. Writes summary.json, compare.csv, comparison.csv (every metric),",
        "arms.csv, trips.csv and run-info.json."})
final class CompareCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Mixin
  SourceOptions source;

  @Mixin
  ExperimentOptions experiment;

  @Option(names = "--strategies", paramLabel = "STRATEGY", split = ",", required = true,
      description = "Signal strategies to compare, the first being the baseline: fixed (the plans on their "
          + "cycle), webster, actuated, max-pressure, sotl, v2x-max-pressure, or as-is (the scenario's own "
          + "controllers); a +priority suffix adds emergency-vehicle priority from V2X, e.g. fixed+priority.")
  List<String> strategies;

  @Option(names = "--arm", paramLabel = "NAME",
      description = "Which arm of the scenario to run (default: its first).")
  String armName;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    ScenarioLoader loader = new ScenarioLoader();
    ScenarioDocument document = source.read(experiment.duration);
    SpecOverrides overrides = new SpecOverrides(experiment.seeds, experiment.seed, experiment.duration, null)
        .withDt(experiment.dt);

    List<ExperimentRunner.Variant> variants = new ArrayList<>();
    CompiledScenario first = null;
    for (String strategy : strategies) {
      CompiledScenario compiled = loader.compile(document, overrides.withStrategy(strategy));
      first = first == null ? compiled : first;
      variants.add(new ExperimentRunner.Variant(compiled, renamed(pickArm(compiled), strategy)));
    }
    List<Long> seedList = ExperimentRunner.seedsOf(first);
    LoadReport.notes(document.importNotes(), source.verbose, stderr);
    String identical = LoadReport.identicalSeeds(first);
    if (identical != null) {
      stderr.println(identical);
      stderr.flush();
    }
    ReportWriter report = new ReportWriter(experiment.outputDir(first.name() + "-compare"));

    int runs = variants.size() * seedList.size();
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    List<ArmResults> results;
    io.v2xsim.scenarios.coop.WallClock.reset();
    try (ProgressMeter progress = new ProgressMeter(stderr, main.terminal, runs, first.duration(),
        System::nanoTime).start()) {
      results = new ExperimentRunner(experiment.threads).runVariants(variants, seedList, RunCommand.RUNNER,
          (arm, s) -> RunListener.NONE, progress);
    }
    double wallSeconds = (System.nanoTime() - startNanos) / 1e9;

    List<List<RunResult>> perStrategy = new ArrayList<>();
    List<RunResult> all = new ArrayList<>();
    for (ArmResults r : results) {
      perStrategy.add(r.results());
      all.addAll(r.results());
    }
    ArmsSummary summary = Summarizer.summarizeArms(first.name(), first.description(), first.duration(),
        first.dt(), first.warmup(), strategies, perStrategy);
    double simulated = all.stream().mapToDouble(RunResult::simulatedSeconds).sum();
    RunInfo info = new RunInfo(first.name(), document.displayName(), seedList, Math.min(experiment.threads, runs), started,
        wallSeconds, simulated, Summarizer.vehicleUpdates(first, all), VersionProvider.version(),
        spec.commandLine().getParseResult().originalArgs(), document.importNotes());
    report.write(summary, perStrategy, info);
    try (PendingFile file = PendingFile.create(report.dir().resolve("compare.csv"))) {
      CompareTable.writeCsv(file.writer(), summary);
      file.commit();
    }

    stdout.print(CompareTable.render(summary));
    if (experiment.allMetrics) {
      stdout.println();
      stdout.print(io.v2xsim.scenarios.report.ArmsTable.render(summary, true));
    }
    stdout.println();
    stdout.println("Results in " + report.dir());
    stdout.flush();
    return 0;
  }

  private Arm pickArm(CompiledScenario compiled) {
    List<Arm> arms = ExperimentRunner.armsOf(compiled);
    if (armName == null) {
      return arms.get(0);
    }
    for (Arm a : arms) {
      if (a.name().equals(armName)) {
        return a;
      }
    }
    throw new ParameterException(spec.commandLine(), "--arm " + armName + ": the scenario's arms are "
        + arms.stream().map(Arm::name).toList());
  }

  /** The arm under the strategy's name, so that every file labels runs by strategy. */
  private static Arm renamed(Arm arm, String strategy) {
    return new Arm(strategy, arm.onboardSuite(), arm.onboard(), arm.useRsu(), arm.rsuEnabled(), arm.policy(),
        arm.channel());
  }

  private void checkOptions() {
    source.check();
    if (strategies.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--strategies needs at least one strategy");
    }
    if (new LinkedHashSet<>(strategies).size() != strategies.size()) {
      throw new ParameterException(spec.commandLine(), "--strategies names a strategy twice: " + strategies);
    }
    experiment.check();
  }
}
