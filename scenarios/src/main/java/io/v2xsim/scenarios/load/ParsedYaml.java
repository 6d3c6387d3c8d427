package io.v2xsim.scenarios.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A YAML document as a tree with its source map, and what was wrong with it syntactically. {@code tree} and
 * {@code sourceMap} are null when the text could not be parsed at all.
 */
record ParsedYaml(JsonNode tree, SourceMap sourceMap, List<Finding> findings) {
  ParsedYaml {
    findings = List.copyOf(findings);
  }
}
