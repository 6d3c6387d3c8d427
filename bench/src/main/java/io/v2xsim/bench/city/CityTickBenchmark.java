package io.v2xsim.bench.city;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.scenarios.coop.ArmRun;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full tick of a generated city ({@link CityScene}) at about 1,000 and 10,000 vehicles on the road, warmed
 * up to its steady vehicle count: traffic, RSU sensing and fusion, frame encoding and Netty delivery, automated
 * vehicles' onboard sensing and decisions, measurement. The baseline is the same city's plain traffic
 * ({@code pipeline=traffic}: the engine alone), so the ratio is what cooperation costs on top of traffic.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CityTickBenchmark {
  @Param({"1000", "10000"})
  public int vehicles;

  /** {@code full}: the cooperative wiring of the experiments; {@code traffic}: the engine alone. */
  @Param({"full", "traffic"})
  public String pipeline;

  /** Simulated seconds of warm-up, or {@code default} for the scene's own (quick mode shortens it). */
  @Param({"default"})
  public String warmup;

  private ArmRun.Stepper run;
  private Engine engine;

  @Setup(Level.Trial)
  public void setUp() {
    CityScene city = CityScene.forVehicles(vehicles);
    if (!warmup.equals("default")) {
      city = city.withWarmup(Double.parseDouble(warmup));
    }
    if (pipeline.equals("full")) {
      run = city.warmedUp();
      engine = run.engine();
    } else {
      var s = city.compile();
      engine = new Engine(s.model(), s.baseSeed());
      while (engine.time() < city.warmup()) {
        engine.step();
      }
    }
  }

  @Benchmark
  public int tick() {
    if (run != null) {
      run.step();
    } else {
      engine.step();
    }
    return engine.vehicleCount();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.printf("%n%s %s: %d vehicles on the road at t=%.0f s%s%n", CityScene.forVehicles(vehicles).name(),
        pipeline, engine.vehicleCount(), engine.time(),
        run == null ? "" : ", " + run.agents() + " automated, " + run.roadsideUnits() + " RSUs");
    if (run != null) {
      run.close();
    }
  }
}
