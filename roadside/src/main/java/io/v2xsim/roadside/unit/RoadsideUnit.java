package io.v2xsim.roadside.unit;

import io.v2xsim.core.experiment.RsuSite;
import io.v2xsim.core.random.RandomStream;
import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.Sensor;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.wire.FrameWriter;
import io.v2xsim.roadside.fusion.FusedObjects;
import io.v2xsim.roadside.fusion.Tracker;
import io.v2xsim.roadside.fusion.TrackerConfig;
import io.v2xsim.wire.v1.Header;
import io.v2xsim.wire.v1.ObjectClass;
import io.v2xsim.wire.v1.PerceivedObject;
import io.v2xsim.wire.v1.PerceptionFrame;
import io.v2xsim.wire.v1.SensorCoverage;
import io.v2xsim.wire.v1.SensorType;
import java.util.List;

/**
 * One roadside unit: a rig of sensors on a pole, its tracker, and the perception frames it builds. The RSU
 * senses whenever a sensor is due, fuses every {@code fusionPeriod}, and then decides which fused objects a frame
 * carries by the collective perception generation rules of ETSI TS 103 324 (section 6.1.2.3): an object is
 * included when it is new, has moved more than 4 m, changed speed by more than 0.5 m/s or heading by more than
 * 4 degrees since it was last sent, or was last sent more than 1 s ago. A frame goes out when it carries at
 * least one object, and at least once a second (so receivers learn the coverage); the period thus stays
 * between the fusion period (at least 100 ms) and 1 s.
 *
 * <p>Not thread-safe: the simulation tick drives it.
 */
public final class RoadsideUnit {
  static final double RESEND_DISTANCE = 4.0;
  static final double RESEND_SPEED = 0.5;
  static final double RESEND_HEADING = Math.toRadians(4);
  static final double RESEND_AGE = 1.0;
  static final double MAX_FRAME_INTERVAL = 1.0;

  private final RsuSite site;
  private final Sensor[] sensors;
  private final RandomStream[] rngs;
  private final Tracker tracker;
  private final Detections scan = new Detections(64);
  private final FusedObjects fused = new FusedObjects(64);
  private final long fusionTicks;
  private final SentObjects sent = new SentObjects();
  private final float[] cov = new float[10];
  private int sequence;
  private double lastFrameTime = Double.NEGATIVE_INFINITY;
  private long frames;
  private long objectsSent;

  public RoadsideUnit(RsuSite site, long runSeed, double dt) {
    this.site = site;
    List<SensorSpec> specs = site.sensors();
    this.sensors = new Sensor[specs.size()];
    this.rngs = new RandomStream[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      sensors[i] = new Sensor(i, specs.get(i));
      sensors[i].setPose(specs.get(i).mountX(), specs.get(i).mountY(), specs.get(i).heading());
      rngs[i] = RandomStream.derive(runSeed, "rsu/" + site.id() + "/sensor/" + i);
    }
    TrackerConfig d = TrackerConfig.defaults();
    this.tracker = new Tracker(new TrackerConfig(site.fusionPeriod(), d.gate(), d.sigmaAccel(), d.confirmHits(),
        d.confirmWindow(), d.deleteMisses(), d.tentativeMisses(), d.maxPositionVariance(), d.initialSpeedSigma(),
        d.birthGate()));
    this.fusionTicks = Math.max(1, Math.round(site.fusionPeriod() / dt));
  }

  public RsuSite site() {
    return site;
  }

  /** Station id on the wire. */
  public int stationId() {
    return site.index() + 1;
  }

  /** Scans with every sensor that is due this tick and queues the detections for fusion. */
  public void sense(long tick, double dt, double time, GroundTruth truth, Occluders occluders) {
    scan.clear();
    for (int i = 0; i < sensors.length; i++) {
      if (sensors[i].due(tick, dt)) {
        sensors[i].sense(time, truth, occluders, rngs[i], scan, -1);
      }
    }
    if (scan.count > 0) {
      tracker.ingest(scan);
    }
  }

  /** Whether the fusion cycle runs this tick. */
  public boolean fusionDue(long tick) {
    return tick % fusionTicks == 0;
  }

  /** Runs the tracker up to {@code now}; {@link #fused()} then holds the confirmed tracks. */
  public void fuse(double now) {
    tracker.step(now, fused);
  }

  public FusedObjects fused() {
    return fused;
  }

  /**
   * Fills {@code frame} (cleared first) with what the generation rules select from the last fusion, and returns
   * whether a frame is due. Signal phase and timing, if any, is added by the caller. Allocates (protobuf
   * builders): the frame path uses {@link #writeFrame}, which produces the same bytes.
   */
  public boolean buildFrame(double now, PerceptionFrame.Builder frame) {
    frame.clear();
    return frame(now, frame, null);
  }

  /**
   * As {@link #buildFrame}, but encodes the frame in protobuf wire format into {@code out} (reset first) without
   * allocating; the caller may append signal phase and timing ({@link FrameWriter#beginSpat}). For the same
   * state the bytes equal {@code buildFrame(...).build().toByteArray()}.
   */
  public boolean writeFrame(double now, FrameWriter out) {
    out.reset();
    return frame(now, null, out);
  }

  private boolean frame(double now, PerceptionFrame.Builder frame, FrameWriter out) {
    int selected = 0;
    for (int i = 0; i < fused.count; i++) {
      if (sent.shouldSend(fused.trackId[i], fused.x[i], fused.y[i], fused.vx[i], fused.vy[i], now)) {
        selected++;
      }
    }
    if (selected == 0 && now - lastFrameTime < MAX_FRAME_INTERVAL - 1e-9) {
      return false;
    }
    long nowUs = Math.round(now * 1e6);
    int seq = sequence++;
    if (frame != null) {
      frame.setHeader(Header.newBuilder().setProtocolVersion(1).setStationId(stationId())
          .setGenerationTimeUs(nowUs).setSequenceNumber(seq));
    } else {
      out.header(1, stationId(), nowUs, seq);
    }
    for (Sensor s : sensors) {
      SensorSpec spec = s.spec();
      if (frame != null) {
        frame.addCoverage(SensorCoverage.newBuilder().setSensorId(s.id()).setType(wireType(spec))
            .setXM(s.x()).setYM(s.y()).setHeadingRad(s.heading()).setHalfFovRad(spec.halfFov())
            .setRangeM(spec.range()));
      } else {
        out.coverage(s.id(), wireType(spec).getNumber(), s.x(), s.y(), s.heading(), spec.halfFov(), spec.range());
      }
    }
    for (int i = 0; i < fused.count; i++) {
      int id = fused.trackId[i];
      if (!sent.consumeSelected(id)) {
        continue;
      }
      ObjectClass cls = wireClass(fused.objectClass[i]);
      float confidence = (float) fused.classConfidence[i];
      float vx = (float) fused.vx[i];
      float vy = (float) fused.vy[i];
      float heading = (float) Math.atan2(fused.vy[i], fused.vx[i]);
      float existence = (float) fused.existence[i];
      int ageMs = (int) Math.round(fused.age[i] * 1000);
      long measuredUs = Math.round(fused.time[i] * 1e6);
      for (int k = 0; k < 10; k++) {
        cov[k] = (float) fused.cov[10 * i + k];
      }
      if (frame != null) {
        PerceivedObject.Builder o = frame.addObjectsBuilder().setObjectId(id).setObjectClass(cls)
            .setClassConfidence(confidence).setXM(fused.x[i]).setYM(fused.y[i]).setVxMps(vx).setVyMps(vy)
            .setHeadingRad(heading).setExistenceConfidence(existence).setAgeMs(ageMs)
            .setMeasurementTimeUs(measuredUs);
        for (int k = 0; k < 10; k++) {
          o.addCovariance(cov[k]);
        }
      } else {
        out.object(id, cls.getNumber(), confidence, fused.x[i], fused.y[i], vx, vy, heading, 0f, 0f, cov, 0, 10,
            existence, ageMs, measuredUs, null, 0, 0);
      }
      sent.markSent(id, fused.x[i], fused.y[i], fused.vx[i], fused.vy[i], now);
      objectsSent++;
    }
    sent.forgetOlderThan(now - 5.0);
    lastFrameTime = now;
    frames++;
    return true;
  }

  /** Frames built so far. */
  public long frames() {
    return frames;
  }

  /** Perceived objects put into frames so far. */
  public long objectsSent() {
    return objectsSent;
  }

  static SensorType wireType(SensorSpec s) {
    return switch (s.type()) {
      case CAMERA -> SensorType.SENSOR_TYPE_CAMERA;
      case LIDAR -> SensorType.SENSOR_TYPE_LIDAR;
      case RADAR -> SensorType.SENSOR_TYPE_RADAR;
    };
  }

  static ObjectClass wireClass(byte c) {
    ObjectClass w = ObjectClass.forNumber(c);
    return w == null ? ObjectClass.OBJECT_CLASS_UNKNOWN : w;
  }
}
