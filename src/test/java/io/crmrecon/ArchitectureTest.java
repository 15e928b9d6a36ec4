package io.crmrecon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The rules of the layout: one module per feature, talking only through each other's public types and never in
 * a cycle; the domain rules know nothing of Spring MVC, servlets or Camunda — only adapters (controllers,
 * delegates, listeners, configuration) do.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.crmrecon");

    @Test
    void featureModulesRespectEachOthersBoundariesAndHaveNoCycles() {
        ApplicationModules.of(ReconApplication.class).verify();
    }

    @Test
    void onlyAdaptersTouchSpringMvcServletsOrCamunda() {
        noClasses().that().resideInAPackage("io.crmrecon..")
                .and().resideOutsideOfPackage("io.crmrecon.security..")
                .and().haveSimpleNameNotEndingWith("Controller")
                .and().haveSimpleNameNotEndingWith("Delegate")
                .and().haveSimpleNameNotEndingWith("Listener")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .and().haveSimpleNameNotEndingWith("Handler")
                .and().haveSimpleNameNotEndingWith("Page")
                .and().haveNameNotMatching(".*(Controller|Delegate|Listener|Configuration|Handler|Page)\\$.*")
                .and().doNotHaveFullyQualifiedName(ReconApplication.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.camunda..")
                .because("domain rules must run in a plain unit test, without a web container or the engine")
                .check(CLASSES);
    }

    @Test
    void bankFileReadersArePlainJava() {
        noClasses().that().resideInAPackage("io.crmrecon.bankfile..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
                        "jakarta.persistence..")
                .check(CLASSES);
    }
}
