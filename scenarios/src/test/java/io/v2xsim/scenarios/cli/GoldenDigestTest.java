package io.v2xsim.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Determinism across JVM launches, not only within one: a catalog scene run by the command line in a fresh JVM
 * writes a summary.json whose SHA-256 is pinned here. A change that moves any result (the model, the statistics,
 * the format) changes the digest on purpose; update it in the same commit and say why in its message.
 */
class GoldenDigestTest {
  /** sha256 of summary.json of {@code run occluded-pedestrian.yaml --seeds 3}. */
  static final String OCCLUDED_PEDESTRIAN_3_SEEDS =
      "cdfe6842c6a787aa44bcccc912b582fc8a9dfba242e61fb1515e95ce523b8636";

  @TempDir Path out;

  @Test
  void summaryOfACatalogSceneHasThePinnedDigestInAFreshJvmOnOneOrTwoThreads() throws Exception {
    assertEquals(OCCLUDED_PEDESTRIAN_3_SEEDS, digestOfRun("2"), "summary.json changed (2 threads)");
    assertEquals(OCCLUDED_PEDESTRIAN_3_SEEDS, digestOfRun("1"), "summary.json changed (1 thread)");
  }

  private String digestOfRun(String threads) throws Exception {
    Path run = Files.createDirectories(out.resolve("threads-" + threads));
    Path scene = Path.of(System.getProperty("v2xsim.catalog", "catalog")).resolve("occluded-pedestrian.yaml");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "io.v2xsim.scenarios.cli.Main", "run", scene.toString(), "--seeds", "3", "--threads", threads, "--out",
        run.toString()))
        .redirectErrorStream(true).redirectOutput(run.resolve("log.txt").toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the run did not finish");
    }
    assertEquals(0, p.exitValue(), () -> {
      try {
        return Files.readString(run.resolve("log.txt"));
      } catch (java.io.IOException e) {
        return e.toString();
      }
    });
    byte[] summary = Files.readAllBytes(run.resolve("summary.json"));
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(summary));
  }
}
