package io.v2xsim.scenarios.report;

import io.v2xsim.core.engine.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code trajectories-seed<N>.csv} per seed, each written while its run goes and published only when
 * every run has succeeded.
 */
public final class TrajectoryFiles implements AutoCloseable {
  private final Map<Long, PendingFile> files = new LinkedHashMap<>();
  private final Map<Long, TrajectoryCsv> writers = new LinkedHashMap<>();

  private TrajectoryFiles() {}

  public static TrajectoryFiles open(Path dir, List<Long> seeds) throws IOException {
    TrajectoryFiles opened = new TrajectoryFiles();
    try {
      for (long seed : seeds) {
        PendingFile file = PendingFile.create(dir.resolve(fileName(seed)));
        opened.files.put(seed, file);
        opened.writers.put(seed, new TrajectoryCsv(file.writer()));
      }
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  public static String fileName(long seed) {
    return "trajectories-seed" + seed + ".csv";
  }

  /** The listener that records the run of this seed; each run writes only to its own file. */
  public RunListener listenerFor(long seed) {
    TrajectoryCsv writer = writers.get(seed);
    if (writer == null) {
      throw new IllegalArgumentException("no trajectory file was opened for seed " + seed);
    }
    return writer;
  }

  public void commit() throws IOException {
    for (PendingFile file : files.values()) {
      file.commit();
    }
  }

  /** Removes whatever was not committed. */
  @Override
  public void close() {
    files.values().forEach(PendingFile::abort);
  }
}
