package io.v2xsim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark suite as one command ({@code ./v2xsim bench}): runs every benchmark with its baseline and
 * {@code -prof gc} through the JMH Runner API, then writes {@code jmh.json} (all runs, JMH's JSON format) and
 * {@code summary.md} (figures and ratios, see {@link Report}) into a results folder, and optionally applies the
 * allocation gate ({@link AllocationGate}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.v2xsim.bench.Suite [--quick | --full] [--out DIR] [--gate] [--only REGEX]
 * </pre>
 *
 * Quick mode (the default) shortens warm-up and measurement and leaves out the 10,000-vehicle city, whose warm-up
 * alone takes minutes, and warms the 1,000-vehicle city up for 300 s instead of 600 s (about 1,050 of its ~1,150
 * vehicles); it finishes in about 3-4 minutes on 2 cores. Full mode uses the settings in the benchmark
 * classes' annotations (3 x 2 s warm-up, 5 x 2 s measurement, one fork) and every parameter.
 */
public final class Suite {
  /** One Runner invocation: benchmarks, parameter overrides, and (quick mode) iteration settings. */
  record Job(String include, String[][] params, int warmups, double warmupSeconds, int iterations,
      double iterationSeconds) {}

  private Suite() {}

  static List<Job> quickJobs() {
    return List.of(
        new Job("fusion\\.AssociationBenchmark", new String[][] {{"size", "10", "50", "200"}}, 1, 0.4, 2, 0.4),
        // At 1,000: ours (~0.2 s dense) with a 1 s warm-up and two 1 s iterations; JGraphT (5-25 s per problem, so
        // JIT warm-up is a negligible share of it) measured on one operation, without warm-up.
        new Job("fusion\\.AssociationBenchmark", new String[][] {{"size", "1000"}, {"impl", "ours"}}, 1, 1, 2, 1),
        new Job("fusion\\.AssociationBenchmark", new String[][] {{"size", "1000"}, {"impl", "jgrapht"}}, 0, 0.1,
            1, 0.1),
        new Job("fusion\\.KalmanBenchmark", new String[0][], 1, 0.5, 2, 0.5),
        new Job("fusion\\.FusionBenchmark", new String[0][], 2, 1, 3, 1),
        new Job("transport\\.TransportBenchmark", new String[0][], 1, 1, 2, 1),
        // Five iterations: the gate takes their median, so one-offs in some of them are not steady state.
        // TickProbe finds two rare ticks allocating about 120 KB each here (ticks 12,277 and 16,009, the same
        // before and after 2026-12-03: a reroute's first shortest-path tree or an array growing to a new peak,
        // not told apart); once ticks got 35% faster, two of three 1 s iterations held one and the median
        // failed the gate.
        new Job("bench\\.TickBenchmark", new String[][] {{"scene", "traffic-10x10"}, {"safety", "false"}}, 1, 1, 5, 1),
        new Job("city\\.CityTickBenchmark", new String[][] {{"vehicles", "1000"}, {"warmup", "300"}}, 1, 2, 3, 2));
  }

  static List<Job> fullJobs() {
    return List.of(
        new Job("fusion\\.AssociationBenchmark", new String[0][], -1, 0, -1, 0),
        new Job("fusion\\.KalmanBenchmark", new String[0][], -1, 0, -1, 0),
        new Job("fusion\\.FusionBenchmark", new String[0][], -1, 0, -1, 0),
        new Job("transport\\.TransportBenchmark", new String[0][], -1, 0, -1, 0),
        new Job("bench\\.TickBenchmark", new String[0][], -1, 0, -1, 0),
        new Job("city\\.CityTickBenchmark", new String[0][], -1, 0, -1, 0));
  }

  public static void main(String[] args) throws Exception {
    boolean quick = true;
    boolean gate = false;
    String only = null;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--full" -> quick = false;
        case "--gate" -> gate = true;
        case "--out" -> out = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        case "-h", "--help" -> {
          System.out.println("usage: v2xsim bench [--quick | --full] [--out DIR] [--gate] [--only REGEX]");
          System.out.println("       v2xsim bench throughput [SCENARIO] [--seconds S] ...  (vehicle-updates/s)");
          return;
        }
        default -> {
          System.err.println("v2xsim bench: unknown argument " + args[i] + " (try --help)");
          System.exit(2);
        }
      }
    }
    if (out == null) {
      String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
      out = Path.of("results", "bench", stamp);
    }
    Files.createDirectories(out);
    List<Job> jobs = quick ? quickJobs() : fullJobs();
    List<RunResult> results = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    ArrayNode all = json.createArrayNode();
    int k = 0;
    for (Job job : jobs) {
      if (only != null && !job.include().matches(".*" + only + ".*")) {
        continue;
      }
      Path part = out.resolve("part-" + k++ + ".json");
      results.addAll(run(job, part));
      for (JsonNode n : json.readTree(part.toFile())) {
        all.add(n);
      }
      Files.delete(part);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("jmh.json").toFile(), all);
    String md = Report.markdown(results, quick ? "quick" : "full", Machine.describe());
    Files.writeString(out.resolve("summary.md"), md);
    System.out.println();
    System.out.println(md);
    System.out.println("results: " + out.toAbsolutePath());
    if (gate) {
      AllocationGate.Verdict v = AllocationGate.check(results);
      Files.writeString(out.resolve("gate.txt"), v.report());
      System.out.print(v.report());
      if (!v.passed()) {
        System.exit(1);
      }
    }
  }

  private static List<RunResult> run(Job job, Path result) throws RunnerException, IOException {
    ChainedOptionsBuilder b = new OptionsBuilder()
        .include(job.include())
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(result.toString());
    for (String[] p : job.params()) {
      b.param(p[0], java.util.Arrays.copyOfRange(p, 1, p.length));
    }
    if (job.warmups() >= 0) {
      b.warmupIterations(job.warmups()).warmupTime(seconds(job.warmupSeconds()))
          .measurementIterations(job.iterations()).measurementTime(seconds(job.iterationSeconds()));
    }
    return new ArrayList<>(new Runner(b.build()).run());
  }

  private static TimeValue seconds(double s) {
    return TimeValue.milliseconds(Math.round(s * 1000));
  }

  /** The machine, for the summary: CPU model and count, JVM. */
  static final class Machine {
    private Machine() {}

    static String describe() {
      String cpu = "unknown CPU";
      try {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
          if (line.startsWith("model name")) {
            cpu = line.substring(line.indexOf(':') + 1).trim();
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux: leave the CPU unnamed
      }
      return String.format(Locale.ROOT, "%s, %d CPUs, %s %s (%s), %s", cpu, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("java.vendor"),
          System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }
  }
}
