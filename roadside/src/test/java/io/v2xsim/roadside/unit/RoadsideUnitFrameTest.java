package io.v2xsim.roadside.unit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.v2xsim.core.experiment.RsuSite;
import io.v2xsim.core.sensing.GroundTruth;
import io.v2xsim.core.sensing.ObjectClass;
import io.v2xsim.core.sensing.Occluders;
import io.v2xsim.core.sensing.SensorSpec;
import io.v2xsim.core.sensing.SensorType;
import io.v2xsim.core.wire.FrameWriter;
import io.v2xsim.wire.v1.PerceptionFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoadsideUnitFrameTest {
  /** Two RSUs in the same state: the allocation-free encoding gives protobuf-java's bytes, frame by frame. */
  @Test
  void writeFrameEncodesWhatBuildFrameBuilds() {
    RsuSite site = new RsuSite(0, "rsu-a", 0, 0, 0.1,
        List.of(SensorSpec.defaults(SensorType.LIDAR).at(0, 0, 0), SensorSpec.defaults(SensorType.CAMERA).at(0, 0, 1.0)));
    double dt = 0.05;
    RoadsideUnit a = new RoadsideUnit(site, 42, dt);
    RoadsideUnit b = new RoadsideUnit(site, 42, dt);
    GroundTruth truth = new GroundTruth();
    Occluders occ = new Occluders();
    PerceptionFrame.Builder builder = PerceptionFrame.newBuilder();
    FrameWriter writer = new FrameWriter(16);
    int frames = 0;
    int objects = 0;
    for (long tick = 0; tick < 400; tick++) {
      double now = tick * dt;
      truth.clear();
      for (int k = 0; k < 12; k++) {
        double v = 3 + k;
        truth.add(k + 1, k % 3 == 0 ? ObjectClass.PEDESTRIAN : ObjectClass.CAR, -60 + v * now % 120, -20 + 4 * k,
            v, 0, 0, 4.5, 1.8);
      }
      a.sense(tick, dt, now, truth, occ);
      b.sense(tick, dt, now, truth, occ);
      if (!a.fusionDue(tick)) {
        continue;
      }
      a.fuse(now);
      b.fuse(now);
      boolean built = a.buildFrame(now, builder);
      boolean written = b.writeFrame(now, writer);
      assertEquals(built, written, "at " + now);
      if (built) {
        frames++;
        objects += builder.getObjectsCount();
        assertArrayEquals(builder.build().toByteArray(), writer.toByteArray(), "at " + now);
      }
    }
    assertTrue(frames > 10, "frames " + frames);
    assertTrue(objects > 20, "objects " + objects);
    assertEquals(a.objectsSent(), b.objectsSent());
  }
}
