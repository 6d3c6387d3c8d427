package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.RoadNetwork;
import java.util.TreeSet;

/**
 * Movement queues from lane-area detectors. Upstream: the vehicles in the queue zone of each lane that serves
 * the movement, a lane serving k movements contributing 1/k of its vehicles to each (vehicles do not say where
 * they go). Downstream: the vehicles in the exit zones of the road the movement leads into, shared equally
 * among the movements of this junction that feed that road (a stand-in for Varaiya's turn ratios).
 */
public final class DetectorQueues implements QueueSource {
  private final DetectorReadings det;
  // [junction][movement] -> detectors and weights
  private final int[][][] upDet;
  private final double[][][] upW;
  private final int[][][] downDet;
  private final double[][] downW;

  public DetectorQueues(RoadNetwork net, DetectorReadings det) {
    this.det = det;
    int nj = net.junctions().size();
    upDet = new int[nj][][];
    upW = new double[nj][][];
    downDet = new int[nj][][];
    downW = new double[nj][];
    for (Junction j : net.junctions()) {
      int nm = j.movements().size();
      int ji = j.index();
      upDet[ji] = new int[nm][];
      upW[ji] = new double[nm][];
      downDet[ji] = new int[nm][];
      downW[ji] = new double[nm];
      for (Movement m : j.movements()) {
        TreeSet<Integer> lanes = new TreeSet<>();
        for (Connector c : j.connectors()) {
          if (c.movement() == m.index()) {
            lanes.add(c.from().index());
          }
        }
        int[] ds = new int[lanes.size()];
        double[] ws = new double[lanes.size()];
        int k = 0;
        for (int lane : lanes) {
          Lane l = (Lane) net.links().get(lane);
          TreeSet<Integer> served = new TreeSet<>();
          for (Connector c : l.outgoing()) {
            served.add(c.movement());
          }
          ds[k] = det.detector(lane, DetectorKind.QUEUE);
          ws[k] = 1.0 / Math.max(1, served.size());
          k++;
        }
        upDet[ji][m.index()] = ds;
        upW[ji][m.index()] = ws;
        int feeding = 0;
        for (Movement o : j.movements()) {
          if (o.to() == m.to()) {
            feeding++;
          }
        }
        downDet[ji][m.index()] = m.to().lanes().stream()
            .mapToInt(l -> det.detector(l.index(), DetectorKind.EXIT)).toArray();
        downW[ji][m.index()] = 1.0 / Math.max(1, feeding);
      }
    }
  }

  @Override
  public double upstream(int junction, int movement) {
    int[] ds = upDet[junction][movement];
    double[] ws = upW[junction][movement];
    double q = 0;
    for (int i = 0; i < ds.length; i++) {
      if (ds[i] >= 0) {
        q += ws[i] * det.vehicles(ds[i]);
      }
    }
    return q;
  }

  @Override
  public double downstream(int junction, int movement) {
    int[] ds = downDet[junction][movement];
    double q = 0;
    for (int d : ds) {
      if (d >= 0) {
        q += det.vehicles(d);
      }
    }
    return q * downW[junction][movement];
  }
}
