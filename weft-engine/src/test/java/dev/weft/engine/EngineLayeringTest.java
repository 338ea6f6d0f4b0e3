package dev.weft.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers, checked on its compiled classes: {@code progress} and {@code communication}
 * stand alone, {@code dataflow} builds on them, {@code worker} on everything; the codec SPI needs
 * nothing of the engine; and the engine never sees the user API or user types
 * ({@code ../shared/DESIGN.md}, Layers).
 */
class EngineLayeringTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importCompiledClasses() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.weft.engine", "dev.weft.codec");
    }

    @Test
    void shouldKeepProgressTrackingFreeOfTheRestOfTheEngine() {
        noClasses().that().resideInAPackage("dev.weft.engine.progress..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.weft.engine.communication..", "dev.weft.engine.dataflow..", "dev.weft.engine.worker..")
                .check(engine);
    }

    @Test
    void shouldKeepCommunicationBelowDataflowAndWorkers() {
        noClasses().that().resideInAPackage("dev.weft.engine.communication..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.weft.engine.dataflow..", "dev.weft.engine.worker..")
                .check(engine);
    }

    @Test
    void shouldKeepDataflowBelowWorkers() {
        noClasses().that().resideInAPackage("dev.weft.engine.dataflow..")
                .should().dependOnClassesThat().resideInAPackage("dev.weft.engine.worker..")
                .check(engine);
    }

    @Test
    void shouldKeepTheCodecSpiFreeOfTheEngine() {
        noClasses().that().resideInAPackage("dev.weft.codec..")
                .should().dependOnClassesThat().resideInAPackage("dev.weft.engine..")
                .check(engine);
    }

    @Test
    void shouldNeverSeeTheUserApi() {
        noClasses().that().resideInAnyPackage("dev.weft.engine..", "dev.weft.codec..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.weft.engine..", "dev.weft.codec..", "java..", "javax..", "org.jctools..", "org.agrona..",
                        "org.slf4j..", "")
                .check(engine);
    }
}
