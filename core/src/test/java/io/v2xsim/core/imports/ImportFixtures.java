package io.v2xsim.core.imports;

import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioSpec;
import io.v2xsim.core.spec.ScenarioSpec.ExperimentSpec;
import java.nio.file.Path;

/** The benchmark files copied into the repository's data/ folder, and a way to compile an import. */
final class ImportFixtures {
  static final Path DATA = Path.of(System.getProperty("v2xsim.data", "../data"), "cityflow");
  static final Path HANGZHOU = DATA.resolve("libsignal_hangzhou_1x1_bc-tyc");
  static final Path HZ_ROADNET = HANGZHOU.resolve("roadnet.json");
  static final Path HZ_FLOW = HANGZHOU.resolve("flow.json");
  static final Path HZ_NET = HANGZHOU.resolve("hangzhou_1x1_bc-tyc_18041610_1h.net.xml");
  static final Path HZ_ROUTES = HANGZHOU.resolve("hangzhou_1x1_bc-tyc_18041610_1h.rou.xml");
  static final Path GRID = DATA.resolve("libsignal_syn_4x4_gaussian_500");
  static final Path GRID_ROADNET = GRID.resolve("roadnet_4X4.json");
  static final Path GRID_FLOW = GRID.resolve("syn_4x4_gaussian_500_1h.json");

  private ImportFixtures() {}

  static ImportedScenario cityflow(Path roadnet, Path flow) {
    return CityFlowImporter.read(roadnet, flow, p -> p.getFileName().toString(), 3600);
  }

  static ImportedScenario sumo(Path net, Path routes) {
    return SumoImporter.read(net, routes, p -> p.getFileName().toString(), 3600);
  }

  static CompiledScenario compile(ImportedScenario s, double duration) {
    return ScenarioCompiler.compile(new ScenarioSpec("import", null, s.network(), s.vehicleTypes(), s.demand(),
        s.signals(), new ExperimentSpec(duration, 0.1, 1, 1L, null), null));
  }
}
