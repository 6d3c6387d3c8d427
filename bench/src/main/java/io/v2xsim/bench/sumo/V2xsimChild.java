package io.v2xsim.bench.sumo;

import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.engine.RunListener;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.ScenarioSource;
import io.v2xsim.scenarios.load.SpecOverrides;
import java.nio.file.Path;
import java.util.Locale;

/**
 * v2xsim's side of {@link SideBySide}, in a JVM of its own as SUMO runs in a process of its own: imports a SUMO
 * network and routes file, runs them for the given time at the given step on one thread, and prints one line
 * that {@link V2xsimRun#parse} reads (and, last, the loop's CPU time on its thread, which a busy machine
 * disturbs less than its wall time). Surrogate safety (TTC, PET, DRAC) is measured only when asked, to match
 * SUMO with or without its SSM device.
 *
 * <pre>java -cp benchmarks.jar io.v2xsim.bench.sumo.V2xsimChild NET ROUTES DT DURATION SEED SAFETY</pre>
 */
public final class V2xsimChild {
  private V2xsimChild() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Path net = Path.of(args[0]);
    Path routes = Path.of(args[1]);
    double dt = Double.parseDouble(args[2]);
    double duration = Double.parseDouble(args[3]);
    long seed = Long.parseLong(args[4]);
    boolean safety = Boolean.parseBoolean(args[5]);
    ScenarioLoader loader = new ScenarioLoader();
    CompiledScenario s = loader.compile(ScenarioSource.fromSumo(net, routes, duration),
        new SpecOverrides(1, seed, duration).withDt(dt));
    Engine e = new Engine(s.model(), seed);
    e.measureSafety(safety);
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    e.runToEnd(RunListener.NONE);
    long t2 = System.nanoTime();
    long c2 = threads.getCurrentThreadCpuTime();
    RunResult r = e.result();
    System.out.println(String.format(Locale.ROOT,
        "V2XSIM load=%.3f loop=%.3f completed=%d meanDuration=%.3f collisions=%d redLights=%d updates=%d loopCpu=%.3f",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, Math.round(r.metric("tripsCompleted")), r.metric("avgTravelTime"),
        r.collisions().size(), Math.round(r.metric("redLightViolations")), e.vehicleUpdates(), (c2 - c1) / 1e9));
  }
}
