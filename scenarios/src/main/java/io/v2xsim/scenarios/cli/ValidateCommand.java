package io.v2xsim.scenarios.cli;

import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.scenarios.load.ScenarioDocument;
import io.v2xsim.scenarios.load.ScenarioLoadException;
import io.v2xsim.scenarios.load.ScenarioLoader;
import io.v2xsim.scenarios.load.SpecOverrides;
import io.v2xsim.scenarios.report.Decimals;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check scenario files without running them: prints OK per file, or every problem found.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files or catalog names.")
  List<String> scenarios;

  @picocli.CommandLine.Option(names = "--verbose",
      description = "Show every import note, not only the first few of each kind.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScenarioLoader loader = new ScenarioLoader();
    int failed = 0;
    for (String scenario : scenarios) {
      try {
        ScenarioDocument document = loader.read(Catalog.resolveScenario(scenario));
        CompiledScenario compiled = loader.compile(document, SpecOverrides.NONE);
        out.println(document.displayName() + ": OK (" + compiled.name() + ", " + compiled.seeds()
            + (compiled.seeds() == 1 ? " seed x " : " seeds x ") + Decimals.compact(compiled.duration(), 3) + " s)");
        out.flush();
        LoadReport.notes(document.importNotes(), verbose, err);
        String identical = LoadReport.identicalSeeds(compiled);
        if (identical != null) {
          err.println(identical);
          err.flush();
        }
      } catch (ScenarioLoadException e) {
        Failures.report(e, err);
        failed++;
      }
    }
    out.flush();
    if (failed > 0 && scenarios.size() > 1) {
      err.println(failed + " of " + scenarios.size() + " scenario files have problems");
      err.flush();
    }
    return failed > 0 ? Main.BAD_INPUT : 0;
  }
}
