package io.v2xsim.core.network;

import java.util.List;

/**
 * A lane-level connection through the junction at a road's end, as an imported file gives it (a SUMO
 * {@code connection}, a CityFlow {@code laneLink}): lane {@code fromLane} of the road continues into lane
 * {@code toLane} of road {@code toRoad}. Each becomes its own connector.
 *
 * @param fromLane our lane number on the road the link leaves, from the rightmost
 * @param toLane our lane number on {@code toRoad}, from the rightmost
 * @param shape the source's path through the junction, each {@code [x, y]} (SUMO internal lane shapes,
 *     CityFlow laneLink points); empty to let the builder lay the connector out. Used where its ends meet our
 *     lane ends (see NetworkBuilder.linkShape): our lanes are trimmed by our own junction radius.
 */
public record LaneLinkDef(int fromLane, String toRoad, int toLane, List<double[]> shape) {}
