package io.crmrecon.matching.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine is plain Java: it runs in a unit test or a benchmark as it runs in the application, so it uses
 * nothing but the JDK's {@code java.*} and its own package — no Spring, Camunda or database.
 */
class EnginePurityTest {

    static final String ENGINE = "io.crmrecon.matching.engine";

    static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ENGINE);

    @Test
    void theEngineUsesOnlyTheJdkAndItself() {
        classes().that().resideInAPackage(ENGINE + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ENGINE + "..", "java..")
                .because("the engine must stay free of Spring, Camunda and the database")
                .check(SHIPPED);
    }

    @Test
    void theEngineDoesNotTouchTheDatabaseThroughTheJdk() {
        noClasses().that().resideInAPackage(ENGINE + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .check(SHIPPED);
    }

    @Test
    void theRuleCanFail() {
        // the importer sees the engine: an empty import would pass any rule
        org.assertj.core.api.Assertions.assertThat(SHIPPED.contain(ENGINE + ".MatchingEngine")).isTrue();
        org.assertj.core.api.Assertions.assertThat(SHIPPED.size()).isGreaterThan(10);
    }
}
