package io.v2xsim.scenarios.report;

import io.v2xsim.core.engine.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code trajectories-seed<N>.csv} per seed (with several arms, {@code trajectories-<arm>-seed<N>.csv} per
 * arm and seed), each written while its run goes and published only when every run has succeeded.
 */
public final class TrajectoryFiles implements AutoCloseable {
  private final Map<String, PendingFile> files = new LinkedHashMap<>();
  private final Map<String, TrajectoryCsv> writers = new LinkedHashMap<>();

  private TrajectoryFiles() {}

  public static TrajectoryFiles open(Path dir, List<Long> seeds) throws IOException {
    return open(dir, List.of(""), seeds);
  }

  /** Files for every (arm, seed); with a single arm named {@code ""} the single-arm names. */
  public static TrajectoryFiles open(Path dir, List<String> arms, List<Long> seeds) throws IOException {
    TrajectoryFiles opened = new TrajectoryFiles();
    try {
      for (String arm : arms) {
        for (long seed : seeds) {
          PendingFile file = PendingFile.create(dir.resolve(fileName(arm, seed)));
          opened.files.put(key(arm, seed), file);
          opened.writers.put(key(arm, seed), new TrajectoryCsv(file.writer()));
        }
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

  /** Arm names may hold any character; file names keep letters, digits, '.', '_' and '-'. */
  public static String fileName(String arm, long seed) {
    return arm.isEmpty() ? fileName(seed)
        : "trajectories-" + arm.replaceAll("[^A-Za-z0-9._-]", "_") + "-seed" + seed + ".csv";
  }

  private static String key(String arm, long seed) {
    return arm + "\u0000" + seed;
  }

  /** The listener that records the run of this seed; each run writes only to its own file. */
  public RunListener listenerFor(long seed) {
    return listenerFor("", seed);
  }

  public RunListener listenerFor(String arm, long seed) {
    TrajectoryCsv writer = writers.get(key(arm, seed));
    if (writer == null) {
      throw new IllegalArgumentException("no trajectory file was opened for arm '" + arm + "' seed " + seed);
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
