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
}
