package io.v2xsim.bench;

import io.v2xsim.core.engine.Engine;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full tick of plain traffic (signals, decisions, lane changes, movement, measurement with collision
 * checks) on a warmed-up catalog scene. Run with {@code -prof gc}: in steady state the tick should allocate
 * nothing; the rare exceptions are a vehicle rerouting after being stuck and arrays growing to a new peak.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickBenchmark {
  /** traffic-10x10: ~600 vehicles at dt 0.1 s; grid-fixed-time: the 4x4 catalog grid at dt 0.05 s. */
  @Param({"traffic-10x10", "grid-fixed-time"})
  public String scene;

  /** Whether the surrogate-safety measurement (TTC, PET, DRAC every 0.1 s) runs, as in ordinary runs. */
  @Param({"false", "true"})
  public boolean safety;

  private Engine engine;

  @Setup(Level.Trial)
  public void setUp() {
    // Long enough that no benchmark iteration runs out of demand.
    engine = CatalogScenes.warmedUp(CatalogScenes.load(scene, 200_000));
    engine.measureSafety(safety);
  }

  @Benchmark
  public int tick() {
    engine.step();
    return engine.vehicleCount();
  }
}
