package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingFileTest {
  @TempDir
  Path dir;

  @Test
  void targetAppearsOnlyOnCommitAndReplacesTheOldFile() throws IOException {
    Path target = dir.resolve("summary.json");
    Files.writeString(target, "old");
    try (PendingFile file = PendingFile.create(target)) {
      file.writer().write("new");
      file.writer().flush();
      assertEquals("old", Files.readString(target), "visible before commit");
      file.commit();
    }
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("summary.json"), names());
  }

  @Test
  void abandonedFileLeavesNothingBehind() throws IOException {
    Path target = dir.resolve("trips.csv");
    assertThrows(IllegalStateException.class, () -> {
      try (PendingFile file = PendingFile.create(target)) {
        file.writer().write("half a fi");
        throw new IllegalStateException("run failed");
      }
    });
    assertEquals(List.of(), names());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
