package io.v2xsim.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
  private final AtomicLong now = new AtomicLong();
  private final StringWriter err = new StringWriter();

  private ProgressMeter meter(boolean terminal) {
    return new ProgressMeter(new PrintWriter(err, true), terminal, 2, 100, now::get);
  }

  @Test
  void quietForShortRuns() {
    ProgressMeter meter = meter(false);
    meter.update(0, 100);
    now.set(1_900_000_000L);
    meter.tick();
    meter.update(1, 100);
    meter.close();
    assertEquals("", err.toString());
  }

  @Test
  void logPrintsALineEachTenthWithPercentAndEta() {
    ProgressMeter meter = meter(false);
    now.set(4_000_000_000L);
    meter.update(0, 50); // 25% of 200 s in 4 s: 12 s to go
    meter.tick();
    meter.tick(); // nothing new: no second line
    meter.update(0, 100);
    meter.update(1, 40); // 70%
    meter.tick();
    meter.update(1, 100);
    meter.close();
    String[] lines = err.toString().split("\n");
    assertEquals(3, lines.length, err.toString());
    assertTrue(lines[0].startsWith("progress: [") && lines[0].contains(" 25%") && lines[0].contains("ETA 0:12"),
        lines[0]);
    assertTrue(lines[1].contains(" 70%") && lines[1].contains("140/200 s simulated"), lines[1]);
    assertTrue(lines[2].contains("100%"), lines[2]);
  }

  @Test
  void terminalRedrawsInPlace() {
    ProgressMeter meter = meter(true);
    now.set(3_000_000_000L);
    meter.update(0, 20);
    meter.tick();
    meter.update(0, 30);
    meter.tick();
    meter.update(0, 100);
    meter.update(1, 100);
    meter.close();
    String text = err.toString();
    assertEquals(3, text.chars().filter(c -> c == '\r').count(), text);
    assertTrue(text.endsWith("100%  200/200 s simulated  ETA 0:00\n") || text.contains("100%"), text);
    assertEquals(1, text.chars().filter(c -> c == '\n').count(), text);
  }

  @Test
  void etaFormats() {
    assertEquals("0:05", ProgressMeter.duration(5));
    assertEquals("2:05", ProgressMeter.duration(125));
    assertEquals("1:00:01", ProgressMeter.duration(3601));
  }
}
