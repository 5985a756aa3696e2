package io.vigil.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rings of STYLE.md, checked on a service's production classes: the domain is plain Java, use
 * cases do not reach into adapters, and features do not depend on each other in cycles.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * Checks every rule against the classes under {@code basePackage}.
     *
     * @throws AssertionError listing each violation
     */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : rules(basePackage)) {
            rule.check(classes);
        }
    }

    static List<ArchRule> rules(String basePackage) {
        return List.of(
                noClasses().that().resideInAPackage("..domain..")
                        .should().dependOnClassesThat().resideInAnyPackage(
                                "org.springframework..", "jakarta.persistence..", "tools.jackson..",
                                "com.fasterxml.jackson..", "org.apache.kafka..", "io.vigil.starter..",
                                "..application..", "..adapter..")
                        .as("the domain is plain Java: no Spring, JPA, Jackson or Kafka, no use cases or adapters")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage("..application..")
                        .should().dependOnClassesThat().resideInAPackage("..adapter..")
                        .as("use cases talk to adapters through ports only")
                        .allowEmptyShould(true),
                slices().matching(basePackage + ".(*)..")
                        .should().beFreeOfCycles()
                        .as("features of " + basePackage + " do not depend on each other in cycles")
                        .allowEmptyShould(true));
    }
}
