package io.v2xsim.core.wire;

import java.util.Arrays;

/**
 * A decoded {@code v2x.v1.PerceptionFrame} as plain arrays (structure of arrays), filled by {@link FrameReader}
 * and reused frame after frame: no allocation once the arrays have grown to the largest frame seen. Strings of
 * the signal phase and timing are not copied: they are (offset, length) ranges of UTF-8 in {@link #bytes()},
 * the buffer the view was read from, which must therefore stay unchanged while the view is used.
 *
 * <p>Fields absent on the wire hold their protobuf default (0). Mutable, not thread-safe; a view handed to a
 * callback is valid only during the call.
 */
public final class FrameView {
  /** Covariance values kept per object: the upper triangle of the 4x4 covariance of (x, y, vx, vy). */
  public static final int COVARIANCE = 10;

  // Header.
  public int protocolVersion;
  public long stationId;
  public long generationTimeUs;
  public int sequenceNumber;

  // Sensor coverage.
  public int coverageCount;
  public int[] sensorId = new int[8];
  public int[] sensorType = new int[8];
  public double[] sensorX = new double[8];
  public double[] sensorY = new double[8];
  public double[] sensorHeading = new double[8];
  public double[] sensorHalfFov = new double[8];
  public double[] sensorRange = new double[8];

  // Perceived objects.
  public int objectCount;
  public int[] objectId = new int[64];
  public int[] objectClass = new int[64];
  public float[] classConfidence = new float[64];
  public double[] x = new double[64];
  public double[] y = new double[64];
  public float[] vx = new float[64];
  public float[] vy = new float[64];
  public float[] heading = new float[64];
  public float[] length = new float[64];
  public float[] width = new float[64];
  /** {@link #COVARIANCE} values per object, object i at {@code COVARIANCE * i}. */
  public float[] covariance = new float[64 * COVARIANCE];
  /** Covariance values the object carried (at most {@link #COVARIANCE} are kept). */
  public int[] covarianceCount = new int[64];
  public float[] existence = new float[64];
  public int[] ageMs = new int[64];
  public long[] measurementTimeUs = new long[64];
  /** Sensor ids per object: {@code sensorIds[sensorIdsStart[i] .. sensorIdsStart[i] + sensorIdsCount[i])}. */
  public int[] sensorIdsStart = new int[64];
  public int[] sensorIdsCount = new int[64];
  public int[] sensorIds = new int[128];
  int sensorIdsUsed;

  // Signal phase and timing.
  public boolean hasSpat;
  public int junctionIdOffset;
  public int junctionIdLength;
  public int movementCount;
  public int[] fromRoadOffset = new int[16];
  public int[] fromRoadLength = new int[16];
  public int[] toRoadOffset = new int[16];
  public int[] toRoadLength = new int[16];
  public int[] signalState = new int[16];
  public int[] minEndMs = new int[16];
  public int[] maxEndMs = new int[16];

  /** Fields the reader did not know (a later schema), skipped. */
  public int unknownFields;

  byte[] bytes;

  /** The buffer the view was read from (string ranges refer to it). */
  public byte[] bytes() {
    return bytes;
  }

  /** Empties the view. */
  public void clear() {
    protocolVersion = 0;
    stationId = 0;
    generationTimeUs = 0;
    sequenceNumber = 0;
    coverageCount = 0;
    objectCount = 0;
    sensorIdsUsed = 0;
    hasSpat = false;
    junctionIdOffset = 0;
    junctionIdLength = 0;
    movementCount = 0;
    unknownFields = 0;
    bytes = null;
  }

  /** The junction id (allocates a String: for tests and logs, not the frame path). */
  public String junctionId() {
    return string(junctionIdOffset, junctionIdLength);
  }

  public String fromRoad(int m) {
    return string(fromRoadOffset[m], fromRoadLength[m]);
  }

  public String toRoad(int m) {
    return string(toRoadOffset[m], toRoadLength[m]);
  }

  private String string(int offset, int length) {
    return length == 0 ? "" : new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
  }

  int addCoverage() {
    int i = coverageCount;
    if (i == sensorId.length) {
      int m = 2 * i;
      sensorId = Arrays.copyOf(sensorId, m);
      sensorType = Arrays.copyOf(sensorType, m);
      sensorX = Arrays.copyOf(sensorX, m);
      sensorY = Arrays.copyOf(sensorY, m);
      sensorHeading = Arrays.copyOf(sensorHeading, m);
      sensorHalfFov = Arrays.copyOf(sensorHalfFov, m);
      sensorRange = Arrays.copyOf(sensorRange, m);
    }
    sensorId[i] = 0;
    sensorType[i] = 0;
    sensorX[i] = 0;
    sensorY[i] = 0;
    sensorHeading[i] = 0;
    sensorHalfFov[i] = 0;
    sensorRange[i] = 0;
    coverageCount++;
    return i;
  }

  int addObject() {
    int i = objectCount;
    if (i == objectId.length) {
      int m = 2 * i;
      objectId = Arrays.copyOf(objectId, m);
      objectClass = Arrays.copyOf(objectClass, m);
      classConfidence = Arrays.copyOf(classConfidence, m);
      x = Arrays.copyOf(x, m);
      y = Arrays.copyOf(y, m);
      vx = Arrays.copyOf(vx, m);
      vy = Arrays.copyOf(vy, m);
      heading = Arrays.copyOf(heading, m);
      length = Arrays.copyOf(length, m);
      width = Arrays.copyOf(width, m);
      covariance = Arrays.copyOf(covariance, m * COVARIANCE);
      covarianceCount = Arrays.copyOf(covarianceCount, m);
      existence = Arrays.copyOf(existence, m);
      ageMs = Arrays.copyOf(ageMs, m);
      measurementTimeUs = Arrays.copyOf(measurementTimeUs, m);
      sensorIdsStart = Arrays.copyOf(sensorIdsStart, m);
      sensorIdsCount = Arrays.copyOf(sensorIdsCount, m);
    }
    objectId[i] = 0;
    objectClass[i] = 0;
    classConfidence[i] = 0;
    x[i] = 0;
    y[i] = 0;
    vx[i] = 0;
    vy[i] = 0;
    heading[i] = 0;
    length[i] = 0;
    width[i] = 0;
    Arrays.fill(covariance, COVARIANCE * i, COVARIANCE * i + COVARIANCE, 0f);
    covarianceCount[i] = 0;
    existence[i] = 0;
    ageMs[i] = 0;
    measurementTimeUs[i] = 0;
    sensorIdsStart[i] = sensorIdsUsed;
    sensorIdsCount[i] = 0;
    objectCount++;
    return i;
  }

  /** Appends a sensor id to object {@code i}, which must be the last object. */
  void addSensorId(int i, int id) {
    if (sensorIdsUsed == sensorIds.length) {
      sensorIds = Arrays.copyOf(sensorIds, 2 * sensorIdsUsed);
    }
    sensorIds[sensorIdsUsed++] = id;
    sensorIdsCount[i]++;
  }

  int addMovement() {
    int i = movementCount;
    if (i == signalState.length) {
      int m = 2 * i;
      fromRoadOffset = Arrays.copyOf(fromRoadOffset, m);
      fromRoadLength = Arrays.copyOf(fromRoadLength, m);
      toRoadOffset = Arrays.copyOf(toRoadOffset, m);
      toRoadLength = Arrays.copyOf(toRoadLength, m);
      signalState = Arrays.copyOf(signalState, m);
      minEndMs = Arrays.copyOf(minEndMs, m);
      maxEndMs = Arrays.copyOf(maxEndMs, m);
    }
    fromRoadOffset[i] = 0;
    fromRoadLength[i] = 0;
    toRoadOffset[i] = 0;
    toRoadLength[i] = 0;
    signalState[i] = 0;
    minEndMs[i] = 0;
    maxEndMs[i] = 0;
    movementCount++;
    return i;
  }
}
