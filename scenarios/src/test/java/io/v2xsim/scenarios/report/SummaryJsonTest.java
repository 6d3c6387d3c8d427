package io.v2xsim.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.v2xsim.core.metrics.ApproachQueue;
import io.v2xsim.core.metrics.CollisionRecord;
import io.v2xsim.core.metrics.MetricValue;
import io.v2xsim.core.metrics.RunResult;
import io.v2xsim.core.metrics.TripRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text of the result files for hand-made results: the format is an interface. */
class SummaryJsonTest {
  private static final TripRecord TRIP = new TripRecord("f.0", "car", "A-J", "J-B", 10, 10.5, 60.25, 400, 49.75,
      28.8, 20.95, 1, 12.0);
  private static final TripRecord STUCK = new TripRecord("f.1", "car", "A-J", "J-B", 20, 21, Double.NaN, 400,
      Double.NaN, 28.8, Double.NaN, 0, 0);

  static List<RunResult> results() {
    RunResult one = new RunResult(1, 120, List.of(
        new MetricValue("avgTravelTime", "s", "mean of travelTime over arrived trips", 50.0),
        new MetricValue("throughput", "veh/h", "arrivals per hour", 600.0)),
        List.of(TRIP, STUCK),
        List.of(new CollisionRecord(33.3, "f.0", "f.1", 200.0, 1.6, "J:0", "vehicle-vehicle")),
        List.of(new ApproachQueue("J", "A-J", 1.5, 4)));
    RunResult two = new RunResult(2, 120, List.of(
        new MetricValue("avgTravelTime", "s", "mean of travelTime over arrived trips", Double.NaN),
        new MetricValue("throughput", "veh/h", "arrivals per hour", 540.0)),
        List.of(),
        List.of(),
        List.of(new ApproachQueue("J", "A-J", 2.5, 6)));
    return List.of(one, two);
  }

  @Test
  void summaryLayout() {
    ExperimentSummary summary = Summarizer.summarize("tiny", "Two roads, \"quoted\"", 120, 0.05, 0, results());
    String expected = String.join("\n",
        "{",
        "  \"scenario\": \"tiny\",",
        "  \"description\": \"Two roads, \\\"quoted\\\"\",",
        "  \"seeds\": [1, 2],",
        "  \"duration\": 120,",
        "  \"dt\": 0.05,",
        "  \"warmup\": 0,",
        "  \"metrics\": {",
        "    \"avgTravelTime\": {",
        "      \"unit\": \"s\",",
        "      \"description\": \"mean of travelTime over arrived trips\",",
        "      \"kind\": \"nonnegative\",",
        "      \"n\": 1,",
        "      \"mean\": 50,",
        "      \"ci95\": [50, 50],",
        "      \"interval\": \"none\",",
        "      \"stdev\": null,",
        "      \"perSeed\": [50, null]",
        "    },",
        "    \"throughput\": {",
        "      \"unit\": \"veh/h\",",
        "      \"description\": \"arrivals per hour\",",
        "      \"kind\": \"nonnegative\",",
        "      \"n\": 2,",
        "      \"mean\": 570,",
        // Student-t gave [188.8, 951.2] from two seeds; the bootstrap stays between them.
        "      \"ci95\": [540, 600],",
        "      \"interval\": \"bootstrap-percentile\",",
        "      \"stdev\": 42.426407,",
        "      \"perSeed\": [600, 540]",
        "    }",
        "  },",
        "  \"trips\": {",
        "    \"perSeed\": [2, 0],",
        "    \"arrivedPerSeed\": [1, 0]",
        "  },",
        "  \"queues\": [",
        "    {",
        "      \"junction\": \"J\",",
        "      \"road\": \"A-J\",",
        "      \"meanQueue\": {",
        "        \"n\": 2,",
        "        \"mean\": 2,",
        // A queue is never negative; Student-t gave [-4.35, 8.35].
        "        \"ci95\": [1.5, 2.5],",
        "        \"interval\": \"bootstrap-percentile\",",
        "        \"stdev\": 0.707107,",
        "        \"perSeed\": [1.5, 2.5]",
        "      },",
        "      \"maxQueue\": 6,",
        "      \"maxQueuePerSeed\": [4, 6]",
        "    }",
        "  ],",
        "  \"collisions\": {",
        "    \"total\": 1,",
        "    \"perSeed\": [1, 0],",
        "    \"records\": [",
        "      {",
        "        \"seed\": 1,",
        "        \"time\": 33.3,",
        "        \"first\": \"f.0\",",
        "        \"second\": \"f.1\",",
        "        \"x\": 200,",
        "        \"y\": 1.6,",
        "        \"where\": \"J:0\",",
        "        \"type\": \"vehicle-vehicle\"",
        "      }",
        "    ]",
        "  }",
        "}",
        "");
    assertEquals(expected, SummaryJson.render(summary));
  }

  @Test
  void tripsCsvHasTheSeedAndEveryTripFieldWithEmptyCellsForEventsThatDidNotHappen() throws IOException {
    StringWriter out = new StringWriter();
    TripsCsv.write(out, results());
    assertEquals(String.join("\n",
        "seed,id,type,origin,destination,scheduledDepart,depart,arrival,routeLength,travelTime,freeFlowTime,"
            + "timeLoss,stops,waitingTime",
        "1,f.0,car,A-J,J-B,10.000,10.500,60.250,400.000,49.750,28.800,20.950,1,12.000",
        "1,f.1,car,A-J,J-B,20.000,21.000,,400.000,,28.800,,0,0.000",
        ""), out.toString());
  }

  @Test
  void tableIsAlignedAndSaysWhenThereIsOneSeed() {
    ExperimentSummary one = Summarizer.summarize("tiny", "", 120, 0.05, 0, results().subList(0, 1));
    String table = SummaryTable.render(one);
    String[] lines = table.split("\n");
    assertEquals("tiny: seed 1, 120 s each, warm-up 0 s", lines[0]);
    assertEquals("metric           unit    mean  95% CI          n", lines[2]);
    assertEquals("traffic", lines[3]);
    assertEquals("  avgTravelTime  s      50.00  [50.00, 50.00]  1", lines[4]);
    assertEquals("  throughput     veh/h  600.0  [600.0, 600.0]  1", lines[5]);
    assertEquals(true, table.contains("n=1"));
    // The seed had one collision: a share of 1 of 1 seeds, with the Wilson interval of 1/1.
    assertEquals(true, table.contains("collisions: 1 in 1 of 1 seed [0.2065, 1.000]"), table);
  }
}
