package io.v2xsim.core.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small OSM XML files for tests, one element per line, positions given in metres east and north of 48 N 11 E. */
final class OsmText {
  static final double LAT0 = 48.0;
  static final double LON0 = 11.0;
  private final StringBuilder text = new StringBuilder(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n");

  /** A node {@code x} m east and {@code y} m north of the origin, with tags given as k, v pairs. */
  OsmText node(long id, double x, double y, String... tags) {
    double lat = LAT0 + Math.toDegrees(y / OsmNetwork.EARTH_RADIUS);
    double lon = LON0 + Math.toDegrees(x / (OsmNetwork.EARTH_RADIUS * Math.cos(Math.toRadians(LAT0))));
    String pos = String.format(Locale.ROOT, " <node id=\"%d\" lat=\"%.8f\" lon=\"%.8f\"", id, lat, lon);
    if (tags.length == 0) {
      text.append(pos).append("/>\n");
      return this;
    }
    text.append(pos).append(">\n");
    tags(tags);
    text.append(" </node>\n");
    return this;
  }

  /** A way through {@code refs}, then tags as k, v pairs. */
  OsmText way(long id, long[] refs, String... tags) {
    text.append(" <way id=\"").append(id).append("\">\n");
    for (long r : refs) {
      text.append("  <nd ref=\"").append(r).append("\"/>\n");
    }
    tags(tags);
    text.append(" </way>\n");
    return this;
  }

  private void tags(String... kv) {
    for (int i = 0; i < kv.length; i += 2) {
      text.append("  <tag k=\"").append(kv[i]).append("\" v=\"").append(kv[i + 1]).append("\"/>\n");
    }
  }

  String text() {
    return text + "</osm>\n";
  }

  Path write(Path file) throws IOException {
    Files.writeString(file, text());
    return file;
  }

  static long[] refs(long... ids) {
    return ids;
  }
}
