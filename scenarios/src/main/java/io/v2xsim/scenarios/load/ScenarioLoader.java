package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.v2xsim.core.spec.CompiledScenario;
import io.v2xsim.core.spec.Problem;
import io.v2xsim.core.spec.ScenarioCompiler;
import io.v2xsim.core.spec.ScenarioException;
import io.v2xsim.core.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads scenario files and compiles them, turning every problem (YAML syntax, shape, semantics found by
 * core) into a {@link LoadError} that names the file, line, column and field.
 *
 * <p>Thread-safe and stateless.
 */
public final class ScenarioLoader {
  /** Strict binding: anything the file says must mean exactly one thing. */
  private static final ObjectMapper BINDER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // lanes: 2.5 must not silently become 2
      .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
      .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
      .build();

  private static final Comparator<LoadError> IN_FILE_ORDER = Comparator.comparing(LoadError::location,
      Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Seconds of imported demand to generate regardless of the file's duration, or null to follow the file. */
  private final Double importHorizon;

  public ScenarioLoader() {
    this(null);
  }

  /**
   * @param importHorizon seconds of demand to generate from imported CityFlow/SUMO files (open-ended flows),
   *     e.g. a duration given on the command line; null to use the file's experiment.duration
   */
  public ScenarioLoader(Double importHorizon) {
    this.importHorizon = importHorizon;
  }

  /** Reads, checks and compiles a file in one step, with no overrides. */
  public CompiledScenario load(Path file) {
    return compile(read(file), SpecOverrides.NONE);
  }

  /**
   * Reads a scenario file and binds it to a {@link ScenarioSpec}, without semantic validation. A file
   * without a {@code name} is named after the file (without extension), so results always have a name.
   *
   * @throws ScenarioLoadException with every syntax and shape problem found
   */
  public ScenarioDocument read(Path file) {
    String displayName = file.toString();
    String text;
    try {
      // A strict decoder: a Latin-1 file must fail here, not turn into replacement characters.
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (NoSuchFileException e) {
      throw fileError(displayName, "no such file");
    } catch (AccessDeniedException e) {
      throw fileError(displayName, "permission denied");
    } catch (CharacterCodingException e) {
      throw fileError(displayName, "not UTF-8 text; save the scenario as UTF-8");
    } catch (IOException e) {
      throw fileError(displayName, Files.isDirectory(file) ? "is a directory, not a scenario file"
          : "cannot be read: " + e.getMessage());
    }
    return parse(file, displayName, text);
  }

  /** Like {@link #read(Path)} for text that did not come from a file; {@code displayName} starts error lines. */
  public ScenarioDocument parse(Path file, String displayName, String text) {
    ParsedYaml parsed = LocatingYamlReader.read(text);
    if (parsed.tree() == null) {
      throw located(displayName, SourceMap.empty(), parsed.findings());
    }
    SourceMap sourceMap = parsed.sourceMap();
    List<Finding> findings = new ArrayList<>(parsed.findings());
    findings.addAll(ShapeChecker.check(parsed.tree(), ScenarioSpec.class, sourceMap));
    if (!findings.isEmpty()) {
      throw located(displayName, sourceMap, findings);
    }
    ScenarioSpec spec;
    try {
      spec = BINDER.treeToValue(parsed.tree(), ScenarioSpec.class);
    } catch (JsonMappingException e) {
      throw located(displayName, sourceMap, List.of(BindingErrors.translate(e, sourceMap)));
    } catch (JsonProcessingException e) {
      throw located(displayName, sourceMap,
          List.of(new Finding(Pointers.ROOT, new Location(1, 1), e.getOriginalMessage())));
    }
    if (spec.name() == null && file != null) {
      spec = withName(spec, baseName(file));
    }
    List<String> notes = new ArrayList<>();
    if (Imports.present(spec)) {
      Path base = file != null && file.toAbsolutePath().getParent() != null ? file.toAbsolutePath().getParent()
          : Path.of("").toAbsolutePath();
      spec = Imports.resolve(spec, base, displayName, sourceMap, importHorizon, notes);
    }
    return new ScenarioDocument(file, displayName, spec, sourceMap, notes);
  }

  /**
   * Applies the overrides and lets core validate and compile the result.
   *
   * @throws ScenarioLoadException with every problem core found, located in the file
   */
  public CompiledScenario compile(ScenarioDocument document, SpecOverrides overrides) {
    try {
      return ScenarioCompiler.compile(overrides.applyTo(document.spec()));
    } catch (ScenarioException e) {
      List<Finding> findings = new ArrayList<>();
      for (Problem problem : e.problems()) {
        String pointer = problem.path() == null ? Pointers.ROOT : problem.path();
        findings.add(new Finding(pointer, document.sourceMap.locate(pointer), problem.message()));
      }
      throw located(document.displayName(), document.sourceMap, findings);
    }
  }

  private static ScenarioLoadException located(String displayName, SourceMap sourceMap, List<Finding> findings) {
    List<LoadError> errors = new ArrayList<>();
    for (Finding finding : findings) {
      errors.add(new LoadError(displayName, finding.location(), finding.pointer(),
          sourceMap.humanPath(finding.pointer()), finding.message()));
    }
    errors.sort(IN_FILE_ORDER); // stable: problems on one spot keep core's order
    return new ScenarioLoadException(errors);
  }

  private static ScenarioLoadException fileError(String displayName, String message) {
    return new ScenarioLoadException(List.of(new LoadError(displayName, null, Pointers.ROOT, "", message)));
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static ScenarioSpec withName(ScenarioSpec s, String name) {
    return new ScenarioSpec(name, s.description(), s.network(), s.vehicleTypes(), s.demand(), s.signals(),
        s.experiment(), s.outputs(), s.actors(), s.scene(), s.infrastructure(), s.sensorSuites(), s.channel(),
        s.arms());
  }
}
