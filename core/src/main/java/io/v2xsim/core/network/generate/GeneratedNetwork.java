package io.v2xsim.core.network.generate;

import io.v2xsim.core.network.NodeDef;
import io.v2xsim.core.network.RoadDef;
import java.util.List;

/** Node and road definitions produced by a generator, ready for the network builder. */
public record GeneratedNetwork(List<NodeDef> nodes, List<RoadDef> roads) {}
