package io.v2xsim.core.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a large OSM file as a city extract looks: a grid of streets (every third crossing signalized, 4 shape
 * nodes a block) and, filling the rest of the size, buildings, which are most of a real extract's bytes and which
 * the importer must stream past without keeping. Also a command to time the import of such a file by hand:
 * {@code java -cp core/target/classes:core/target/test-classes:JARS io.v2xsim.core.imports.SyntheticOsm FILE MB}.
 */
final class SyntheticOsm {
  private static final String META = " version=\"3\" changeset=\"123456789\" timestamp=\"2025-01-01T00:00:00Z\""
      + " user=\"someone\" uid=\"4242\"";
  private static final double BLOCK = 100;
  private static final int SHAPE = 4;

  private SyntheticOsm() {}

  /** Road ways of a grid of {@code g} x {@code g} crossings: one way per row and one per column. */
  static int roadWays(int g) {
    return 2 * g;
  }

  /** Writes about {@code bytes} bytes; returns the number of ways written. */
  static long write(Path file, int g, long bytes) throws IOException {
    double metresPerDegLat = Math.toRadians(1) * OsmNetwork.EARTH_RADIUS;
    double metresPerDegLon = metresPerDegLat * Math.cos(Math.toRadians(OsmText.LAT0));
    int perLine = (g - 1) * (SHAPE + 1) + 1; // nodes along one row or column
    long roadBytes = (long) g * perLine * 2 * 150;
    long buildings = Math.max(0, (bytes - roadBytes) / 1050);
    long ways = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"v2xsim test\">\n");
      // Row nodes: id 1 + r * perLine + k; column nodes share the crossings and add their own shape nodes.
      for (int r = 0; r < g; r++) {
        for (int k = 0; k < perLine; k++) {
          boolean crossing = k % (SHAPE + 1) == 0;
          int c = k / (SHAPE + 1);
          boolean signal = crossing && (r + c) % 3 == 0;
          node(w, rowNode(r, k, perLine), k * BLOCK / (SHAPE + 1), r * BLOCK, metresPerDegLat, metresPerDegLon,
              signal ? "highway" : null, "traffic_signals");
        }
      }
      long colBase = 1L + (long) g * perLine;
      for (int c = 0; c < g; c++) {
        for (int k = 0; k < perLine; k++) {
          if (k % (SHAPE + 1) != 0) {
            node(w, colBase + (long) c * perLine + k, c * BLOCK, k * BLOCK / (SHAPE + 1), metresPerDegLat,
                metresPerDegLon, null, null);
          }
        }
      }
      long bBase = colBase + (long) g * perLine;
      for (long b = 0; b < buildings; b++) {
        double x = (b % (g * 4)) * BLOCK / 4 + 30;
        double y = (b / (g * 4)) % (g * 4) * BLOCK / 4 + 30;
        for (int k = 0; k < 4; k++) {
          node(w, bBase + b * 4 + k, x + (k == 1 || k == 2 ? 10 : 0), y + (k >= 2 ? 10 : 0), metresPerDegLat,
              metresPerDegLon, null, null);
        }
      }
      for (int r = 0; r < g; r++) {
        w.write(" <way id=\"" + (1 + r) + "\"" + META + ">\n");
        for (int k = 0; k < perLine; k++) {
          w.write("  <nd ref=\"" + rowNode(r, k, perLine) + "\"/>\n");
        }
        w.write("  <tag k=\"highway\" v=\"secondary\"/>\n  <tag k=\"name\" v=\"Row " + r + "\"/>\n </way>\n");
        ways++;
      }
      for (int c = 0; c < g; c++) {
        w.write(" <way id=\"" + (1 + g + c) + "\"" + META + ">\n");
        for (int k = 0; k < perLine; k++) {
          long id = k % (SHAPE + 1) == 0 ? rowNode(k / (SHAPE + 1), c * (SHAPE + 1), perLine)
              : colBase + (long) c * perLine + k;
          w.write("  <nd ref=\"" + id + "\"/>\n");
        }
        w.write("  <tag k=\"highway\" v=\"residential\"/>\n  <tag k=\"lanes\" v=\"2\"/>\n </way>\n");
        ways++;
      }
      for (long b = 0; b < buildings; b++) {
        w.write(" <way id=\"" + (1000 + b) + "\"" + META + ">\n");
        for (int k = 0; k <= 4; k++) {
          w.write("  <nd ref=\"" + (bBase + b * 4 + k % 4) + "\"/>\n");
        }
        w.write("  <tag k=\"building\" v=\"yes\"/>\n  <tag k=\"building:levels\" v=\"3\"/>\n"
            + "  <tag k=\"addr:street\" v=\"Some Street\"/>\n  <tag k=\"addr:housenumber\" v=\"" + b + "\"/>\n"
            + " </way>\n");
        ways++;
      }
      w.write("</osm>\n");
    }
    return ways;
  }

  private static long rowNode(int r, int k, int perLine) {
    return 1L + (long) r * perLine + k;
  }

  private static void node(BufferedWriter w, long id, double x, double y, double mLat, double mLon, String k,
      String v) throws IOException {
    String head = String.format(Locale.ROOT, " <node id=\"%d\"%s lat=\"%.7f\" lon=\"%.7f\"", id, META,
        OsmText.LAT0 + y / mLat, OsmText.LON0 + x / mLon);
    if (k == null) {
      w.write(head + "/>\n");
    } else {
      w.write(head + ">\n  <tag k=\"" + k + "\" v=\"" + v + "\"/>\n </node>\n");
    }
  }

  /** Writes FILE of about MB megabytes (grid size from the third argument, default 40) and times its import. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long mb = Long.parseLong(args[1]);
    int g = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    write(file, g, mb << 20);
    System.out.printf(Locale.ROOT, "%s: %.1f MB%n", file, Files.size(file) / 1048576.0);
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      ImportedScenario s = OsmImporter.read(file, Path::toString);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "run %d: import %.2f s, %d nodes, %d roads%n", run + 1, seconds,
          s.network().nodes().size(), s.network().roads().size());
    }
  }
}
