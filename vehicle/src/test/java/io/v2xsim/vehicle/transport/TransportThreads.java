package io.v2xsim.vehicle.transport;

import java.util.List;

/** Test helper: finds live threads by name prefix (event loops must all be gone after close). */
final class TransportThreads {
  private TransportThreads() {}

  static List<String> alive(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .map(Thread::getName)
        .toList();
  }

  /** Waits up to 5 s for threads of that prefix to end (shutdown may finish just after close returns). */
  static boolean awaitGone(String prefix) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (alive(prefix).isEmpty()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }
}
