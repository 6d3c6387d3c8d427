package io.v2xsim.scenarios.report;

import io.v2xsim.core.metrics.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the result files of one experiment into its directory, each file atomically. */
public final class ReportWriter {
  public static final String SUMMARY = "summary.json";
  public static final String TRIPS = "trips.csv";
  public static final String RUN_INFO = "run-info.json";
  public static final String ARMS = "arms.csv";
  public static final String COMPARISON = "comparison.csv";
  public static final String CONFLICTS = "conflicts.csv";

  private final Path dir;

  public ReportWriter(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  public Path dir() {
    return dir;
  }

  public void write(ExperimentSummary summary, List<RunResult> results, RunInfo info) throws IOException {
    PendingFile.write(dir.resolve(SUMMARY), SummaryJson.render(summary));
    try (PendingFile trips = PendingFile.create(dir.resolve(TRIPS))) {
      TripsCsv.write(trips.writer(), results);
      trips.commit();
    }
    PendingFile.write(dir.resolve(RUN_INFO), info.toJson());
  }

  /**
   * An experiment with several arms: summary.json (arms nested), trips.csv (with an arm column), arms.csv,
   * comparison.csv, conflicts.csv and run-info.json.
   *
   * @param results per arm in the order of {@code summary.arms()}, one per seed
   */
  public void write(ArmsSummary summary, List<List<RunResult>> results, RunInfo info) throws IOException {
    List<String> arms = summary.armNames();
    PendingFile.write(dir.resolve(SUMMARY), SummaryJson.render(summary));
    try (PendingFile trips = PendingFile.create(dir.resolve(TRIPS))) {
      TripsCsv.writeArms(trips.writer(), arms, results);
      trips.commit();
    }
    try (PendingFile file = PendingFile.create(dir.resolve(ARMS))) {
      ArmsCsv.writeArms(file.writer(), arms, results);
      file.commit();
    }
    try (PendingFile file = PendingFile.create(dir.resolve(COMPARISON))) {
      ArmsCsv.writeComparison(file.writer(), summary.differences());
      file.commit();
    }
    try (PendingFile file = PendingFile.create(dir.resolve(CONFLICTS))) {
      ArmsCsv.writeConflicts(file.writer(), arms, summary.conflicts());
      file.commit();
    }
    PendingFile.write(dir.resolve(RUN_INFO), info.toJson());
  }
}
