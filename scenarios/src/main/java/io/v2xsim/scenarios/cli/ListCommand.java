package io.v2xsim.scenarios.cli;

import io.v2xsim.scenarios.load.ScenarioDocument;
import io.v2xsim.scenarios.load.ScenarioLoadException;
import io.v2xsim.scenarios.load.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the scenario catalog: name, file and the first line of each description.")
final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--catalog", paramLabel = "DIR",
      description = "Catalog directory (default: scenarios/catalog here, or the one beside the v2xsim jar).")
  Path catalog;

  @Override
  public Integer call() throws IOException {
    Path dir = Catalog.locate(catalog);
    if (!Files.isDirectory(dir)) {
      throw new ParameterException(spec.commandLine(), "no scenario catalog at " + dir);
    }
    ScenarioLoader loader = new ScenarioLoader();
    List<String[]> rows = new ArrayList<>();
    for (Path file : Catalog.files(dir)) {
      String shown = display(file);
      try {
        ScenarioDocument document = loader.read(file);
        rows.add(new String[] {document.spec().name(), shown, firstLine(document.spec().description())});
      } catch (ScenarioLoadException e) {
        rows.add(new String[] {"?", shown, "(invalid: run 'v2xsim validate " + shown + "')"});
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    int nameWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    int fileWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
    for (String[] row : rows) {
      out.println(String.format(java.util.Locale.ROOT, "%-" + nameWidth + "s  %-" + fileWidth + "s  %s",
          row[0], row[1], row[2]).stripTrailing());
    }
    out.flush();
    return 0;
  }

  private static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }

  static String firstLine(String description) {
    if (description == null) {
      return "";
    }
    String trimmed = description.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
