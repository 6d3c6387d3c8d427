package io.v2xsim.bench;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.spec.CompiledScenario;
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
 * checks) on a warmed-up grid. Run with {@code -prof gc}: in steady state the tick must allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickBenchmark {
  /** "10x10" is the traffic-throughput grid (~600 vehicles); "4x4" the grid-fixed-time catalog scene. */
  @Param({"10x10", "4x4"})
  public String grid;

  private Engine engine;
  private int vehicles;

  @Setup(Level.Trial)
  public void setUp() {
    boolean big = grid.equals("10x10");
    CompiledScenario s = big ? TrafficScenes.grid(10, 10, 6000, 20_000, 0.05) : TrafficScenes.grid(4, 4, 1800, 20_000, 0.05);
    engine = TrafficScenes.warmedUp(s, 1, 900);
    vehicles = engine.vehicleCount();
  }

  @Benchmark
  public int tick() {
    engine.step();
    return engine.vehicleCount();
  }
}
