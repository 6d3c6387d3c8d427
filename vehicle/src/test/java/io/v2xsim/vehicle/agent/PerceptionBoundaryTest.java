package io.v2xsim.vehicle.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.v2xsim.core.engine.Engine;
import io.v2xsim.core.sensing.GroundTruth;
import org.junit.jupiter.api.Test;

/**
 * The fair-fight rule as class dependencies: agent code learns about other road users only through the sensor
 * model (which turns ground truth into detections and coverage) and received frames. It may hold a ground-truth
 * snapshot only to hand it to the sensor model: it never reads its arrays or calls its methods, and it never
 * reaches the engine (its vehicle lists, signal states, positions).
 */
class PerceptionBoundaryTest {
  private static final JavaClasses AGENT = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.v2xsim.vehicle");

  @Test
  void agentCodeNeverReadsGroundTruth() {
    ArchRule rule = noClasses().that().resideInAPackage("io.v2xsim.vehicle..")
        .should().accessFieldWhere(com.tngtech.archunit.core.domain.JavaFieldAccess.Predicates.target(
            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                com.tngtech.archunit.base.DescribedPredicate.describe("ground truth",
                    c -> c.isEquivalentTo(GroundTruth.class)))))
        .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                com.tngtech.archunit.base.DescribedPredicate.describe("ground truth",
                    c -> c.isEquivalentTo(GroundTruth.class)))))
        .because("an automated vehicle knows others only through its sensors and received frames");
    rule.check(AGENT);
  }

  @Test
  void agentCodeNeverReachesTheEngine() {
    ArchRule rule = noClasses().that().resideInAPackage("io.v2xsim.vehicle..")
        .should().dependOnClassesThat().areAssignableTo(Engine.class)
        .because("the engine's vehicle lists and signal states are the world's truth, not the agent's");
    rule.check(AGENT);
  }
}
