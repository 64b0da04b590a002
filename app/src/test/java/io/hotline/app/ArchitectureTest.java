package io.hotline.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of CONTRIBUTING.md 1, checked on the compiled classes (Maven's enforcer checks the
 * artifacts; this checks the imports, including ones a transitive dependency would have allowed).
 */
class ArchitectureTest {

    private static JavaClasses hotline;

    @BeforeAll
    static void importClasses() {
        hotline = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hotline");
    }

    @Test
    void shouldKeepRoutingFreeOfIo() {
        noClasses().that().resideInAPackage("io.hotline.routing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.netty..", "org.asteriskjava..", "org.jdbi..", "com.zaxxer..", "io.micrometer..",
                        "java.sql..", "java.net..", "java.nio.channels..", "com.fasterxml..", "org.flywaydb..")
                .check(hotline);
    }

    @Test
    void shouldKeepRoutingFromStartingThreads() {
        noClasses().that().resideInAPackage("io.hotline.routing..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ExecutorService")
                .check(hotline);
    }

    @Test
    void shouldKeepTheEngineLoopGeneric() {
        // Written once for both engines (CONTRIBUTING.md 5): it knows no engine's events, commands or ports.
        classes().that().resideInAPackage("io.hotline.routing.loop..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.hotline.routing.loop..", "java..")
                .check(hotline);
        classes().that().resideInAPackage("io.hotline.app.loop..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.hotline.app.loop..",
                        "io.hotline.routing.loop..", "io.hotline.routing.spi..", "java..", "org.slf4j..")
                .check(hotline);
    }

    @Test
    void shouldKeepEdgeModulesIndependentOfEachOther() {
        String[] edges = {"telephony", "persistence", "ops", "web"};
        for (String edge : edges) {
            for (String other : edges) {
                if (!edge.equals(other)) {
                    noClasses().that().resideInAPackage("io.hotline." + edge + "..")
                            .should().dependOnClassesThat().resideInAPackage("io.hotline." + other + "..")
                            // telephony has no classes until the FastAGI server lands
                            .allowEmptyShould(true)
                            .check(hotline);
                }
            }
        }
    }

    @Test
    void shouldLetOnlyAppDependOnApp() {
        noClasses().that().resideOutsideOfPackage("io.hotline.app..")
                .should().dependOnClassesThat().resideInAPackage("io.hotline.app..")
                .check(hotline);
    }

    @Test
    void shouldKeepTheSimulatorToTheProtocols() {
        // The simulated PBX knows Hotline only through FastAGI, AMI and the dialplan file: no Hotline class.
        noClasses().that().resideInAPackage("io.hotline.app.simulate..")
                .should().dependOnClassesThat().resideInAnyPackage("io.hotline.routing..", "io.hotline.telephony..",
                        "io.hotline.persistence..", "io.hotline.ops..", "io.hotline.web..")
                .orShould().dependOnClassesThat().resideInAPackage("io.hotline.app")
                .check(hotline);
    }
}
