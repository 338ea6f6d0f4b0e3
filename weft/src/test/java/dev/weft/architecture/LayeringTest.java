package dev.weft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.weft.engine.dataflow.Scope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user API's layers, checked on the compiled classes ({@code ../shared/DESIGN.md}, Layers):
 * only the core operators ({@code dev.weft.core}) and the runtime ({@code dev.weft.runtime}) touch
 * the engine; connectors, window operators and the testing kit use only the public API; the
 * command line sits on top; nothing depends on benchmarks or examples.
 */
class LayeringTest {

    private static JavaClasses weft;

    @BeforeAll
    static void importCompiledClasses() {
        weft = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.weft");
    }

    private static final ArchRule ENGINE_ONLY_FROM_CORE_AND_RUNTIME = noClasses()
            .that().resideOutsideOfPackages("dev.weft.engine..", "dev.weft.core..", "dev.weft.runtime..")
            .should().dependOnClassesThat().resideInAPackage("dev.weft.engine..");

    @Test
    void shouldReachTheEngineOnlyFromCoreAndRuntime() {
        ENGINE_ONLY_FROM_CORE_AND_RUNTIME.check(weft);
    }

    @Test
    void shouldReportAClassOutsideCoreAndRuntimeThatUsesTheEngine() {
        JavaClasses offender = new ClassFileImporter().importClasses(EngineUser.class, Scope.class);

        assertThat(ENGINE_ONLY_FROM_CORE_AND_RUNTIME.evaluate(offender).hasViolation()).isTrue();
    }

    /** A class in the wrong layer: it reaches into the engine. */
    static final class EngineUser {
        String nameOf(Scope scope) {
            return scope.name();
        }
    }

    @Test
    void shouldBuildConnectorsWindowsAndTheTestingKitOnThePublicApiOnly() {
        noClasses().that().resideInAnyPackage("dev.weft.io..", "dev.weft.window..", "dev.weft.testing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.weft.core..", "dev.weft.engine..", "dev.weft.cli..", "dev.weft.visualize..")
                .check(weft);
    }

    @Test
    void shouldKeepTheCommandLineOnTop() {
        noClasses().that().resideOutsideOfPackage("dev.weft.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.weft.cli..")
                .check(weft);
    }

    @Test
    void shouldNeverDependOnBenchmarksOrExamples() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.weft.bench..", "dev.weft.examples..")
                .check(weft);
    }
}
