package io.v2xsim.scenarios.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file that appears whole or not at all: written to a temporary file beside the target, synced, then
 * renamed over it in one step. A reader never sees half a result file, even if the run dies meanwhile.
 */
public final class PendingFile implements Closeable {
  private final Path target;
  private final Path temp;
  private final FileOutputStream stream;
  private final Writer writer;
  private boolean done;

  private PendingFile(Path target) throws IOException {
    this.target = target;
    Path dir = target.toAbsolutePath().getParent();
    // Same directory, so the final rename never crosses a file system and can be atomic.
    this.temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    temp.toFile().deleteOnExit(); // left over only if the JVM stops before commit or abort
    readableByAll(temp);
    this.stream = new FileOutputStream(temp.toFile());
    this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Temporary files are created owner-only; results are meant to be shared like any file the user writes. */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its default permissions apply
    }
  }

  public static PendingFile create(Path target) throws IOException {
    return new PendingFile(target);
  }

  /** Writes a whole file atomically. */
  public static void write(Path target, String content) throws IOException {
    try (PendingFile file = create(target)) {
      file.writer().write(content);
      file.commit();
    }
  }

  public Writer writer() {
    return writer;
  }

  /** Flushes, syncs to disk, and moves the temporary file onto the target. */
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException(target + " already committed or aborted");
    }
    writer.flush();
    stream.getFD().sync();
    writer.close();
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    done = true;
  }

  /** Drops what was written; the target is left as it was. */
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } catch (IOException ignored) {
      // the file is being thrown away: a failed close changes nothing
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // deleteOnExit still removes it
    }
  }

  /** Aborts unless committed, so try-with-resources never leaves a temporary file behind. */
  @Override
  public void close() {
    abort();
  }
}
