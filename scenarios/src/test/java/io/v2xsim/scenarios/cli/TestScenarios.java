package io.v2xsim.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small valid scenario whose line numbers the tests rely on, and ways to break it one line at a time. */
final class TestScenarios {
  /** Line numbers of interest in {@link #TINY} (1-based). */
  static final int ROAD0_LANES = 21;
  static final int ROAD1_ITEM = 22;
  static final int ROAD1_TO = 24;
  static final int ROAD0_TO = 20;
  static final int FLOW_ITEM = 31;
  static final int FLOW_FROM = 32;
  static final int FLOW_TO = 33;
  static final int FLOW_TYPE = 35;
  static final int DURATION = 37;

  static final String TINY = String.join("\n",
      "name: tiny",                        // 1
      "description: Two roads through one priority junction.", // 2
      "network:",                          // 3
      "  nodes:",                          // 4
      "    - id: A",                       // 5
      "      x: 0",                        // 6
      "      y: 0",                        // 7
      "      type: boundary",              // 8
      "    - id: J",                       // 9
      "      x: 200",                      // 10
      "      y: 0",                        // 11
      "      type: priority",              // 12
      "    - id: B",                       // 13
      "      x: 400",                      // 14
      "      y: 0",                        // 15
      "      type: boundary",              // 16
      "  roads:",                          // 17
      "    - id: A-J",                     // 18
      "      from: A",                     // 19
      "      to: J",                       // 20
      "      lanes: 2",                    // 21
      "    - id: J-B",                     // 22
      "      from: J",                     // 23
      "      to: B",                       // 24
      "      lanes: 2",                    // 25
      "vehicleTypes:",                     // 26
      "  car:",                            // 27
      "    vehicleClass: car",             // 28
      "demand:",                           // 29
      "  flows:",                          // 30
      "    - id: f",                       // 31
      "      from: A-J",                   // 32
      "      to: J-B",                     // 33
      "      rate: 600",                   // 34
      "      type: car",                   // 35
      "experiment:",                       // 36
      "  duration: 120",                   // 37
      "  dt: 0.05",                        // 38
      "  seeds: 1",                        // 39
      "  seed: 1",                         // 40
      "  warmup: 0",                       // 41
      "");

  private TestScenarios() {}

  /** {@link #TINY} with one line replaced (1-based). */
  static String withLine(int line, String replacement) {
    List<String> lines = new ArrayList<>(Arrays.asList(TINY.split("\n", -1)));
    lines.set(line - 1, replacement);
    return String.join("\n", lines);
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** The catalog of the module, as the test build passes it. */
  static Path catalog() {
    return Path.of(System.getProperty("v2xsim.catalog", "catalog"));
  }
}
