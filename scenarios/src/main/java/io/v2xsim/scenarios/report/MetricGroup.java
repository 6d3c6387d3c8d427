package io.v2xsim.scenarios.report;

import java.util.Set;

/**
 * The heading a metric is printed under. Derived from the name in this one place (core declares no group);
 * a metric nobody listed goes to {@link #OTHER}, printed last, so a new metric is never hidden. The
 * simulator's own work (vehicleUpdates) is not a traffic outcome and stays in OTHER.
 */
public enum MetricGroup {
  TRAFFIC("traffic"),
  SAFETY("safety"),
  PERCEPTION("perception"),
  LATENCY("latency"),
  OTHER("other");

  private static final Set<String> TRAFFIC_NAMES = Set.of("vehiclesDue", "tripsCompleted", "avgTravelTime",
      "avgTravelTimeCityFlow", "emergencyTravelTime", "avgTimeLoss", "avgWaitingTime", "avgStops",
      "avgDepartDelay", "throughput", "meanQueue", "maxQueue", "blockedDepartures", "unfinishedTrips",
      "laneChanges", "reroutes");
  private static final Set<String> SAFETY_NAMES = Set.of("hardBrakingEvents", "redLightViolations", "minTtc",
      "maxDrac", "hazards", "hazardToBrake", "hazardsNeverBraked", "minTtcEgoTrue", "minTtcEgoPerceived",
      "phantomBraking", "hazardBrakingEpisodes");
  private static final Set<String> PERCEPTION_NAMES = Set.of("hazardToAwareness", "awarenessRatio",
      "awarenessOnboard", "awarenessRsu",
      "framesPerSecondPerRsu", "bytesPerSecondPerRsu", "signalFramesReceived");

  private final String heading;

  MetricGroup(String heading) {
    this.heading = heading;
  }

  public String heading() {
    return heading;
  }

  public static MetricGroup of(String name) {
    if (TRAFFIC_NAMES.contains(name)) {
      return TRAFFIC;
    }
    if (SAFETY_NAMES.contains(name) || name.startsWith("collisions") || name.startsWith("conflicts")) {
      return SAFETY;
    }
    if (PERCEPTION_NAMES.contains(name) || name.startsWith("track")) {
      return PERCEPTION;
    }
    if (name.startsWith("aoi") || name.startsWith("e2e") || name.equals("onboardAge")) {
      return LATENCY;
    }
    return OTHER;
  }
}
