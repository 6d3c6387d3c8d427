package io.v2xsim.scenarios.coop;

/**
 * Maximum end-to-end latency of a V2X use case: the time from the sending application handing a message to the
 * transport until the receiving application has it. Here that is frame delivery minus frame generation; the age
 * of the data before generation (sensing, fusion) is not part of it, so it must not be compared with these.
 */
enum LatencyBudget {
  /**
   * Sensor information sharing between UEs supporting V2X application, lower degree of automation: 100 ms.
   * 3GPP TS 22.186 (enhanced V2X service requirements), Table 5.4-1 (extended sensors), [R.5.4-001].
   */
  SENSOR_SHARING_LOWER_AUTOMATION("sensor sharing, lower degree of automation (3GPP TS 22.186 [R.5.4-001])", 0.100),
  /**
   * Sensor information sharing, higher degree of automation: 10 ms. 3GPP TS 22.186 Table 5.4-1 (extended
   * sensors), higher-automation rows ([R.5.4-004]; the table's tightest row asks 3 ms).
   */
  SENSOR_SHARING_HIGHER_AUTOMATION("sensor sharing, higher degree of automation (3GPP TS 22.186 [R.5.4-004])",
      0.010);

  final String useCase;
  final double seconds;

  LatencyBudget(String useCase, double seconds) {
    this.useCase = useCase;
    this.seconds = seconds;
  }
}
