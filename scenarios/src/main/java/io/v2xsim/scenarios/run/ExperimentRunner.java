package io.v2xsim.scenarios.run;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.engine.Simulation;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Runs one scenario over several seeds on a fixed pool of threads.
 *
 * <p>Each run is a pure function of (scenario, seed) and shares nothing mutable with the others, so runs
 * can go in any order on any thread; results are put back in seed order, so nothing downstream depends on
 * which run finished first. The first failure cancels the remaining runs and is rethrown.
 */
public final class ExperimentRunner {
  private final int threads;

  public ExperimentRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  /** Seeds {@code baseSeed, baseSeed+1, ...}, as many as the scenario asks for. */
  public static List<Long> seedsOf(CompiledScenario scenario) {
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < scenario.seeds(); i++) {
      seeds.add(scenario.baseSeed() + i);
    }
    return seeds;
  }

  /**
   * @param listeners the listener of each seed's run (trajectories), or {@code RunListener.NONE}
   * @param progress told how far each run got; may be null
   * @return one result per seed, in the order of {@code seeds}
   */
  public List<RunResult> run(CompiledScenario scenario, List<Long> seeds, LongFunction<RunListener> listeners,
      ProgressMeter progress) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, seeds.size())),
        new RunThreads());
    try {
      CompletionService<Indexed> done = new ExecutorCompletionService<>(pool);
      List<Future<Indexed>> futures = new ArrayList<>();
      for (int i = 0; i < seeds.size(); i++) {
        int index = i;
        long seed = seeds.get(i);
        futures.add(done.submit(() -> {
          RunListener listener = new Forwarding(listeners.apply(seed), progress, index);
          RunResult result = Simulation.run(scenario, seed, listener);
          if (progress != null) {
            progress.update(index, scenario.duration());
          }
          return new Indexed(index, result);
        }));
      }
      RunResult[] results = new RunResult[seeds.size()];
      for (int i = 0; i < seeds.size(); i++) {
        Indexed next;
        try {
          next = done.take().get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          throw rethrow(e.getCause());
        }
        results[next.index] = next.result;
      }
      return Arrays.asList(results);
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    throw new IllegalStateException("a run failed: " + cause, cause);
  }

  private record Indexed(int index, RunResult result) {}

  /** Adds progress reporting to a run's own listener. */
  private static final class Forwarding implements RunListener {
    private final RunListener delegate;
    private final ProgressMeter progress;
    private final int index;

    Forwarding(RunListener delegate, ProgressMeter progress, int index) {
      this.delegate = delegate;
      this.progress = progress;
      this.index = index;
    }

    @Override
    public void progress(double simulatedSeconds) {
      if (progress != null) {
        progress.update(index, simulatedSeconds);
      }
      delegate.progress(simulatedSeconds);
    }

    @Override
    public boolean wantsTrajectories() {
      return delegate.wantsTrajectories();
    }

    @Override
    public void trajectory(double time, String vehicleId, double x, double y, double speed, double heading,
        String lane) {
      delegate.trajectory(time, vehicleId, x, y, speed, heading, lane);
    }
  }

  /** Named daemon threads, so a stuck run never keeps the JVM alive after the command returns. */
  private static final class RunThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "v2xsim-run-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
