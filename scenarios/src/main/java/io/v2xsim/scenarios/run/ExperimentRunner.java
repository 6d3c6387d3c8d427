package io.v2xsim.scenarios.run;

import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.experiment.Arm;
import io.v2xsim.core.experiment.Cooperation;
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
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * Runs one scenario over several seeds, in every arm, on a fixed pool of threads.
 *
 * <p>Every seed runs in every arm (common random numbers: arm differences are then paired by seed). Each run
 * is a pure function of (scenario, arm, seed) and shares nothing mutable with the others, so runs can go in
 * any order on any thread; results are put back in (arm, seed) order, so nothing downstream depends on which
 * run finished first. The first failure cancels the remaining runs and is rethrown.
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
   * The arms of a scenario in file order; a scenario without arms has one, {@code baseline} (the compiler
   * adds it, this only guards scenarios built without one).
   */
  public static List<Arm> armsOf(CompiledScenario scenario) {
    Cooperation cooperation = scenario.cooperation();
    if (cooperation == null || cooperation.arms().isEmpty()) {
      return List.of(new Arm("baseline", "none", List.of(), false, false, null));
    }
    return cooperation.arms();
  }

  /**
   * One arm (the scenario's only or implicit one) with the standard runner.
   *
   * @param listeners the listener of each seed's run (trajectories), or {@code RunListener.NONE}
   * @param progress told how far each run got; may be null
   * @return one result per seed, in the order of {@code seeds}
   */
  public List<RunResult> run(CompiledScenario scenario, List<Long> seeds, LongFunction<RunListener> listeners,
      ProgressMeter progress) throws InterruptedException {
    return run(scenario, armsOf(scenario).subList(0, 1), seeds, ArmRunner.standard(),
        (arm, seed) -> listeners.apply(seed), progress).get(0).results();
  }

  /**
   * Every seed in every arm.
   *
   * @param listeners the listener of each (arm, seed) run, or {@code RunListener.NONE}
   * @param progress sized for {@code arms.size() * seeds.size()} runs, run {@code a * seeds.size() + s} being
   *     arm a and seed s; may be null
   * @return per arm in the order of {@code arms}, one result per seed in the order of {@code seeds}
   */
  public List<ArmResults> run(CompiledScenario scenario, List<Arm> arms, List<Long> seeds, ArmRunner runner,
      BiFunction<Arm, Long, RunListener> listeners, ProgressMeter progress) throws InterruptedException {
    List<Variant> variants = new ArrayList<>();
    for (Arm arm : arms) {
      variants.add(new Variant(scenario, arm));
    }
    return runVariants(variants, seeds, runner, listeners, progress);
  }

  /**
   * One compiled scenario and the arm to run it in: what {@code compare} varies (the same scenario compiled
   * with each signal strategy) and what arms vary (the same scenario in each arm).
   */
  public record Variant(CompiledScenario scenario, Arm arm) {}

  /**
   * Every seed in every variant, with common random numbers across variants.
   *
   * @param progress sized for {@code variants.size() * seeds.size()} runs, run {@code v * seeds.size() + s}
   *     being variant v and seed s; may be null
   * @return per variant in the order of {@code variants}, one result per seed in the order of {@code seeds}
   */
  public List<ArmResults> runVariants(List<Variant> variants, List<Long> seeds, ArmRunner runner,
      BiFunction<Arm, Long, RunListener> listeners, ProgressMeter progress) throws InterruptedException {
    int runs = variants.size() * seeds.size();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, runs)), new RunThreads());
    try {
      CompletionService<Indexed> done = new ExecutorCompletionService<>(pool);
      List<Future<Indexed>> futures = new ArrayList<>();
      // Seed-major submission: with fewer threads than runs, the variants of a seed finish close together.
      for (int s = 0; s < seeds.size(); s++) {
        for (int v = 0; v < variants.size(); v++) {
          int index = v * seeds.size() + s;
          Variant variant = variants.get(v);
          long seed = seeds.get(s);
          futures.add(done.submit(() -> {
            RunListener listener = new Forwarding(listeners.apply(variant.arm(), seed), progress, index);
            RunResult result = runner.run(variant.scenario(), variant.arm(), seed, listener);
            if (progress != null) {
              progress.update(index, variant.scenario().duration());
            }
            return new Indexed(index, result);
          }));
        }
      }
      RunResult[] results = new RunResult[runs];
      for (int i = 0; i < runs; i++) {
        Indexed next;
        try {
          next = done.take().get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          throw rethrow(e.getCause());
        }
        results[next.index] = next.result;
      }
      List<ArmResults> out = new ArrayList<>();
      for (int v = 0; v < variants.size(); v++) {
        out.add(new ArmResults(variants.get(v).arm(),
            Arrays.asList(results).subList(v * seeds.size(), (v + 1) * seeds.size())));
      }
      return out;
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
