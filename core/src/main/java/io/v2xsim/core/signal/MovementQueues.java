package io.v2xsim.core.signal;

import io.v2xsim.core.detect.DetectorKind;
import io.v2xsim.core.detect.DetectorReadings;
import io.v2xsim.core.network.Connector;
import io.v2xsim.core.network.Junction;
import io.v2xsim.core.network.Lane;
import io.v2xsim.core.network.Link;
import io.v2xsim.core.network.Movement;
import io.v2xsim.core.network.RoadNetwork;
import java.util.List;
import java.util.TreeSet;

/**
 * Movement queues from per-lane vehicle counts, whoever counts them: lane-area detectors
 * ({@link #fromDetectors}) or roadside perception received over V2X. Upstream: the vehicles in the queue zone of
 * each lane that serves the movement, a lane serving k movements contributing 1/k of its vehicles to each
 * (vehicles do not say where they go). Downstream: the vehicles in the exit zones of the road the movement leads
 * into, shared equally among the movements of this junction that feed that road (a stand-in for Varaiya's turn
 * ratios). Both sources go through the same weighting, so a comparison of them measures only the sensing.
 */
public final class MovementQueues implements QueueSource {
  /** Vehicles counted on one lane (by link index) now. */
  public interface LaneCounts {
    /** In the queue zone of a lane entering a junction. */
    double queued(int lane);

    /** In the exit zone of a lane leaving a junction. */
    double exiting(int lane);
  }

  private final LaneCounts counts;
  // [junction][movement] -> lanes and weights
  private final int[][][] upLane;
  private final double[][][] upW;
  private final int[][][] downLane;
  private final double[][] downW;

  public MovementQueues(RoadNetwork net, LaneCounts counts) {
    this.counts = counts;
    int nj = net.junctions().size();
    upLane = new int[nj][][];
    upW = new double[nj][][];
    downLane = new int[nj][][];
    downW = new double[nj][];
    for (Junction j : net.junctions()) {
      int nm = j.movements().size();
      int ji = j.index();
      upLane[ji] = new int[nm][];
      upW[ji] = new double[nm][];
      downLane[ji] = new int[nm][];
      downW[ji] = new double[nm];
      for (Movement m : j.movements()) {
        TreeSet<Integer> lanes = new TreeSet<>();
        for (Connector c : j.connectors()) {
          if (c.movement() == m.index()) {
            lanes.add(c.from().index());
          }
        }
        int[] ls = new int[lanes.size()];
        double[] ws = new double[lanes.size()];
        int k = 0;
        for (int lane : lanes) {
          Lane l = (Lane) net.links().get(lane);
          TreeSet<Integer> served = new TreeSet<>();
          for (Connector c : l.outgoing()) {
            served.add(c.movement());
          }
          ls[k] = lane;
          ws[k] = 1.0 / Math.max(1, served.size());
          k++;
        }
        upLane[ji][m.index()] = ls;
        upW[ji][m.index()] = ws;
        int feeding = 0;
        for (Movement o : j.movements()) {
          if (o.to() == m.to()) {
            feeding++;
          }
        }
        downLane[ji][m.index()] = m.to().lanes().stream().mapToInt(Lane::index).toArray();
        downW[ji][m.index()] = 1.0 / Math.max(1, feeding);
      }
    }
  }

  /** Queues from the lane-area detectors: queue zones upstream, exit zones downstream. */
  public static MovementQueues fromDetectors(RoadNetwork net, DetectorReadings det) {
    List<Link> links = net.links();
    int[] queue = new int[links.size()];
    int[] exit = new int[links.size()];
    for (int i = 0; i < links.size(); i++) {
      queue[i] = det.detector(i, DetectorKind.QUEUE);
      exit[i] = det.detector(i, DetectorKind.EXIT);
    }
    return new MovementQueues(net, new LaneCounts() {
      @Override
      public double queued(int lane) {
        return queue[lane] >= 0 ? det.vehicles(queue[lane]) : 0;
      }

      @Override
      public double exiting(int lane) {
        return exit[lane] >= 0 ? det.vehicles(exit[lane]) : 0;
      }
    });
  }

  @Override
  public double upstream(int junction, int movement) {
    int[] ls = upLane[junction][movement];
    double[] ws = upW[junction][movement];
    double q = 0;
    for (int i = 0; i < ls.length; i++) {
      q += ws[i] * counts.queued(ls[i]);
    }
    return q;
  }

  @Override
  public double downstream(int junction, int movement) {
    int[] ls = downLane[junction][movement];
    double q = 0;
    for (int lane : ls) {
      q += counts.exiting(lane);
    }
    return q * downW[junction][movement];
  }
}
