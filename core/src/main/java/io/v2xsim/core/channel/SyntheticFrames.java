package io.v2xsim.core.channel;

import io.v2xsim.core.random.RandomStream;
import io.v2xsim.wire.v1.Header;
import io.v2xsim.wire.v1.MovementState;
import io.v2xsim.wire.v1.ObjectClass;
import io.v2xsim.wire.v1.PerceivedObject;
import io.v2xsim.wire.v1.PerceptionFrame;
import io.v2xsim.wire.v1.SensorCoverage;
import io.v2xsim.wire.v1.SensorType;
import io.v2xsim.wire.v1.SignalPhaseAndTiming;
import io.v2xsim.wire.v1.SignalState;

/**
 * Deterministic frames with every field of the v1 schema set to a non-default value: for transport tests
 * (round trips must cover every field), benchmarks and smoke checks of a wiring. Not used by the model.
 */
public final class SyntheticFrames {
  private SyntheticFrames() {}

  /** A frame of {@code objects} perceived objects, 4 sensors and a SpaT of 8 movements, from {@code seed}. */
  public static PerceptionFrame frame(long seed, int station, int sequence, int objects) {
    RandomStream r = RandomStream.derive(seed, "synthetic-frame");
    long time = 1_000_000L + sequence * 100_000L;
    PerceptionFrame.Builder f = PerceptionFrame.newBuilder()
        .setHeader(Header.newBuilder()
            .setProtocolVersion(1)
            .setStationId(station)
            .setGenerationTimeUs(time)
            .setSequenceNumber(sequence));
    for (int s = 0; s < 4; s++) {
      f.addCoverage(SensorCoverage.newBuilder()
          .setSensorId(s + 1)
          .setType(SensorType.forNumber(1 + s % 3))
          .setXM(100 + s)
          .setYM(-50 - s)
          .setHeadingRad(s * Math.PI / 2)
          .setHalfFovRad(0.6)
          .setRangeM(80 + 10 * s));
    }
    for (int i = 0; i < objects; i++) {
      PerceivedObject.Builder o = f.addObjectsBuilder()
          .setObjectId(1000 + i)
          .setObjectClass(ObjectClass.forNumber(1 + i % 6))
          .setClassConfidence((float) (0.5 + r.nextDouble() / 2))
          .setXM(100 + 200 * r.nextDouble())
          .setYM(-100 + 200 * r.nextDouble())
          .setVxMps((float) (10 * r.nextGaussian()))
          .setVyMps((float) (10 * r.nextGaussian()))
          .setHeadingRad((float) (Math.PI * r.nextDouble()))
          .setLengthM(4.5f)
          .setWidthM(1.8f)
          .setExistenceConfidence((float) r.nextDouble())
          .setAgeMs(100 + i)
          .setMeasurementTimeUs(time - 20_000 - i);
      for (int c = 0; c < 10; c++) {
        o.addCovariance((float) (0.1 + r.nextDouble()));
      }
      o.addSensorIds(1 + i % 4).addSensorIds(1 + (i + 1) % 4);
    }
    SignalPhaseAndTiming.Builder spat = f.getSpatBuilder().setJunctionId("J" + station);
    for (int m = 0; m < 8; m++) {
      spat.addMovements(MovementState.newBuilder()
          .setFromRoad("in" + m)
          .setToRoad("out" + (m + 1) % 8)
          .setState(SignalState.forNumber(1 + m % 4))
          .setMinEndMs(1000 + m)
          .setMaxEndMs(5000 + m));
    }
    return f.build();
  }
}
