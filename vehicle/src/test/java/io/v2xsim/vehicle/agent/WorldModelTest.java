package io.v2xsim.vehicle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.v2xsim.core.sensing.Detections;
import io.v2xsim.core.wire.FrameView;
import org.junit.jupiter.api.Test;

/** The world model's rules on hand-made scans and frames: de-duplication, the ego itself, expiry, prediction. */
class WorldModelTest {
  private static void scan(WorldModel w, double t, double x, double y, double vx, double vy) {
    Detections d = new Detections(4);
    int k = d.add(0, t, t, x, y, 0.1, 0, 0.1, (byte) 1, -1);
    d.setVelocity(k, vx, vy, 0.1, 0, 0.1);
    w.onboardScan(d, 0, d.count);
  }

  private static FrameView frame(long station, double generated, int id, double x, double y, double vx, double vy,
      double measured) {
    FrameView f = new FrameView();
    f.stationId = station;
    f.generationTimeUs = Math.round(generated * 1e6);
    f.objectCount = 1;
    f.objectId[0] = id;
    f.x[0] = x;
    f.y[0] = y;
    f.vx[0] = (float) vx;
    f.vy[0] = (float) vy;
    f.measurementTimeUs[0] = Math.round(measured * 1e6);
    return f;
  }

  @Test
  void aReceivedObjectIsPredictedToNowByItsAge() {
    WorldModel w = new WorldModel();
    w.onFrame(frame(7, 1.1, 3, 10, 0, 5, 0, 1.0), 1.2);
    w.predict(1.4, -100, -100, 4.5);
    assertEquals(1, w.count);
    assertEquals(12.0, w.x[0], 1e-6, "10 m + 5 m/s x 0.4 s of age");
    assertEquals(0.4, w.age[0], 1e-9);
    assertEquals(WorldModel.RSU, w.source[0]);
    assertEquals(0.1, w.channelDelay[0], 1e-9, "delivered 1.2 s, generated 1.1 s");
    assertEquals(0.1, w.rsuDelay[0], 1e-9, "generated 1.1 s, measured 1.0 s");
  }

  @Test
  void anObjectBothSourcesReportIsCountedOnceAsTheOnboardTrack() {
    WorldModel w = new WorldModel();
    for (int i = 0; i < WorldModel.CONFIRM_HITS; i++) {
      scan(w, 0.1 * i, 20, 0, 0, 0);
    }
    w.onFrame(frame(7, 0.2, 1, 21.0, 0.5, 0, 0, 0.2), 0.25); // 1.1 m from the track: the same car
    w.onFrame(frame(8, 0.2, 2, 40.0, 0, 0, 0, 0.2), 0.25); // another car
    w.predict(0.3, -100, -100, 4.5);
    assertEquals(2, w.count);
    assertEquals(WorldModel.ONBOARD, w.source[0]);
    assertEquals(20.0, w.x[0], 0.01);
    assertEquals(WorldModel.RSU, w.source[1]);
    assertEquals(40.0, w.x[1], 1e-6);
  }

  @Test
  void theRoadsideUnitsTrackOfTheEgoIsNotAnObstacle() {
    WorldModel w = new WorldModel();
    w.onFrame(frame(7, 1.0, 1, 50.5, 0.3, 10, 0, 1.0), 1.05);
    w.predict(1.0, 50, 0, 4.5);
    assertEquals(0, w.count, "within half a length plus the margin of the ego's own position");
  }

  @Test
  void aCyclistBesideTheEgoIsNotTakenForTheEgo() {
    WorldModel w = new WorldModel();
    // The station's track of the ego (10 m/s east, where the ego is) and a cyclist 2.7 m to its right at 6 m/s.
    w.onFrame(frame(7, 1.0, 1, 50.3, 0.1, 9.6, 0, 1.0), 1.05);
    FrameView cyclist = frame(7, 1.0, 2, 48.0, -2.7, 6.0, 0, 1.0);
    w.onFrame(cyclist, 1.05);
    w.predict(1.0, 50, 0, 0.0, 4.5, 1.8);
    assertEquals(1, w.count, "the ego's own track is dropped, the cyclist kept");
    assertEquals(48.0, w.x[0], 1e-6);
  }

  @Test
  void onlyTheNearestSelfLikeObjectOfAStationIsTheEgo() {
    WorldModel w = new WorldModel();
    // The ego's track, and a cyclist right at its front bumper (both inside the grown footprint).
    w.onFrame(frame(7, 1.0, 1, 50.2, 0.1, 10, 0, 1.0), 1.05);
    w.onFrame(frame(7, 1.0, 2, 53.5, 0.0, 4, 0, 1.0), 1.05);
    w.predict(1.0, 50, 0, 0.0, 4.5, 1.8);
    assertEquals(1, w.count, "a station tracks the ego once");
    assertEquals(53.5, w.x[0], 1e-6, "the cyclist stays");
  }

  @Test
  void onABendTheReportOfTheEgoIsMatchedWhereTheEgoWasWhenItWasMeasured() {
    WorldModel w = new WorldModel();
    // The ego takes a left bend at 11 m/s: heading 0 at t = 1.0, turning at 1.5 rad/s (its own poses every 0.05 s).
    double x = 0;
    double y = 0;
    for (int k = 0; k <= 10; k++) {
      double t = 1.0 + 0.05 * k;
      double h = 1.5 * (t - 1.0);
      if (k > 0) {
        x += 11 * 0.05 * Math.cos(h);
        y += 11 * 0.05 * Math.sin(h);
      }
      w.predict(t, x, y, h, 4.5, 1.8);
    }
    // The station's track of the ego, measured at t = 1.0 where the ego was then, with the velocity it had then
    // (11 m/s east): carried forward 0.5 s in a straight line it lies 2.0 m beside the ego, which has turned 43
    // degrees meanwhile; measured against the ego's pose now it was taken for another car.
    w.onFrame(frame(7, 1.0, 1, 0.1, 0.05, 11, 0, 1.0), 1.5);
    w.predict(1.5, x, y, 1.5 * 0.5, 4.5, 1.8);
    assertEquals(0, w.count, "the ego's own track is no obstacle");
  }

  @Test
  void tracksAndReceivedObjectsExpire() {
    WorldModel w = new WorldModel();
    for (int i = 0; i < WorldModel.CONFIRM_HITS; i++) {
      scan(w, 0.1 * i, 20, 0, 0, 0);
    }
    w.onFrame(frame(7, 0.2, 1, 60, 0, 0, 0, 0.2), 0.25);
    w.expire(0.2 + WorldModel.TRACK_TIMEOUT - 0.01);
    w.predict(0.2 + WorldModel.TRACK_TIMEOUT - 0.01, -100, -100, 4.5);
    assertEquals(2, w.count, "both still fresh");
    w.expire(0.2 + WorldModel.TRACK_TIMEOUT + 0.01);
    w.predict(0.2 + WorldModel.TRACK_TIMEOUT + 0.01, -100, -100, 4.5);
    assertEquals(1, w.count, "no scan confirmed the track for longer than the timeout");
    w.predict(0.2 + WorldModel.MAX_RECEIVED_AGE + 0.01, -100, -100, 4.5);
    assertEquals(0, w.count, "the received object is older than the resend window");
  }

  @Test
  void twoSensorsDisagreeingWithinATickDoNotMakeASpeed() {
    WorldModel w = new WorldModel();
    scan(w, 0.0, 20, 0, 0, 0);
    scan(w, 0.1, 20, 0, 0, 0);
    scan(w, 0.1005, 21.3, 0, 0, 0); // a camera 1.3 m off, half a millisecond after the radar
    w.predict(0.11, -100, -100, 4.5);
    assertEquals(1, w.count);
    double speed = Math.hypot(w.vx[0], w.vy[0]);
    assertEquals(0, speed, 5.0, "a standing car stays (nearly) standing: " + speed);
  }
}
