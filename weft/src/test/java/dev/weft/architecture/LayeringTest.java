package dev.weft.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.weft.core.CoreStep;
import dev.weft.engine.dataflow.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user API's layers, checked on the compiled classes ({@code ../shared/DESIGN.md}, Layers):
 * only the core operators ({@code dev.weft.core}) and the runtime ({@code dev.weft.runtime}) touch
 * the engine; the engine never sees user types; the core operators sit under the runtime, and
 * the recovery store under both;
 * connectors, window operators and the testing kit use only the public API; the public API's
 * signatures show no internal type; the command line sits on top; nothing depends on benchmarks
 * or examples.
 */
class LayeringTest {

    private static JavaClasses weft;
    /** This module's classes and the engine's, from its jar or its build directory. */
    private static JavaClasses engineToo;

    @BeforeAll
    static void importCompiledClasses() {
        weft = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.weft");
        engineToo = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.weft");
        assertThat(engineToo.contain(Scope.class)).as("the engine's classes are imported").isTrue();
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

    /** Where the internals live: no public signature of the API may show a type from these. */
    private static final String[] INTERNAL = {"dev.weft.core..", "dev.weft.engine.."};

    /** The packages users program against. */
    private static final String[] PUBLIC_API = {"dev.weft", "dev.weft.io..", "dev.weft.testing..", "dev.weft.codec..",
        "dev.weft.runtime..", "dev.weft.recovery..", "dev.weft.window..", "dev.weft.visualize..", "dev.weft.cli.."};

    private static final ArchRule PUBLIC_SIGNATURES_SHOW_NO_INTERNALS = classes()
            .that().resideInAnyPackage(PUBLIC_API).and().arePublic()
            .should(new ArchCondition<JavaClass>("show no internal or non-public type in a public signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (String problem : internalTypesShownBy(type)) {
                        events.add(SimpleConditionEvent.violated(type, problem));
                    }
                }
            })
            .allowEmptyShould(true);

    @Test
    void shouldShowNoInternalTypeInThePublicApi() {
        PUBLIC_SIGNATURES_SHOW_NO_INTERNALS.check(weft);
    }

    @Test
    void shouldReportAPublicMethodThatShowsAnInternalType() {
        JavaClasses offender = new ClassFileImporter().importClasses(Leaky.class, CoreStep.class);

        assertThat(classes().that().haveSimpleName("Leaky")
                .should(new ArchCondition<JavaClass>("show no internal type") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        for (String problem : internalTypesShownBy(type)) {
                            events.add(SimpleConditionEvent.violated(type, problem));
                        }
                    }
                }).evaluate(offender).getFailureReport().getDetails())
                .singleElement().asString().contains("steps()").contains(CoreStep.class.getName());
    }

    /** A public class that leaks an internal type through a generic return type. */
    public static final class Leaky {
        /** Shows the internal {@link CoreStep}. */
        public List<CoreStep> steps() {
            return List.of();
        }

        List<CoreStep> hidden() {
            return List.of();
        }
    }

    /** What the public and protected members and supertypes of {@code type} show that users must not see. */
    private static List<String> internalTypesShownBy(JavaClass type) {
        List<String> problems = new ArrayList<>();
        Set<JavaType> shown = new LinkedHashSet<>();
        if (type.getSuperclass().isPresent()) {
            check(type.getName() + " extends", List.of(type.getSuperclass().get()), problems);
        }
        check(type.getName() + " implements", type.getInterfaces(), problems);
        for (JavaMember member : type.getMembers()) {
            if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                    && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                continue;
            }
            shown.clear();
            if (member instanceof JavaField field) {
                shown.add(field.getType());
            } else if (member instanceof JavaCodeUnit code) {
                if (code.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    continue;
                }
                shown.add(code.getReturnType());
                shown.addAll(code.getParameterTypes());
                code.getThrowsClause().getTypes().forEach(shown::add);
            }
            check(member.getFullName(), shown, problems);
        }
        return problems;
    }

    private static void check(String where, Iterable<? extends JavaType> shown, List<String> problems) {
        for (JavaType t : shown) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                if (raw.isArray() || raw.isPrimitive() || !raw.getPackageName().startsWith("dev.weft")) {
                    continue;
                }
                boolean internal = com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching(
                        "dev\\.weft\\.(core|engine)\\..*").test(raw);
                if (internal || !raw.getModifiers().contains(JavaModifier.PUBLIC)) {
                    problems.add(where + " shows " + (internal ? "internal" : "non-public") + " type " + raw.getName());
                }
            }
        }
    }

    @Test
    void shouldKeepUserTypesOutOfTheEngine() {
        // The engine and the codec SPI sit below the user API: they know nothing of it.
        noClasses().that().resideInAnyPackage("dev.weft.engine..", "dev.weft.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.weft", "dev.weft.core..", "dev.weft.runtime..",
                        "dev.weft.io..", "dev.weft.testing..", "dev.weft.window..", "dev.weft.cli..",
                        "dev.weft.visualize..")
                .check(engineToo);
    }

    @Test
    void shouldKeepTheCoreOperatorsUnderTheRuntime() {
        // The runtime lowers a dataflow onto the core operators; they never reach up to it, nor does the user API.
        noClasses().that().resideInAnyPackage("dev.weft", "dev.weft.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.weft.runtime..", "dev.weft.visualize..")
                .check(weft);
    }

    @Test
    void shouldKeepTheRecoveryStoreBehindTheRuntime() {
        // DESIGN.md, Recovery layering: the runtime drives snapshots and resumes; the store knows nothing of it.
        noClasses().that().resideInAPackage("dev.weft.recovery..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.weft.runtime..", "dev.weft.core..",
                        "dev.weft.engine..", "dev.weft.cli..")
                .check(weft);
    }
}
