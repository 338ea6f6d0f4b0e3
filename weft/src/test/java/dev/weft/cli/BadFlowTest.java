package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every way {@code <flow>} can fail to name a dataflow, and what {@code weft run} says. */
@Timeout(60)
class BadFlowTest {

    private static final String T = "dev.weft.cli.TestFlows";

    private static Cli.Result run(String... flowAndArgs) {
        String[] args = new String[flowAndArgs.length + 1];
        args[0] = "run";
        System.arraycopy(flowAndArgs, 0, args, 1, flowAndArgs.length);
        return new Cli().run(args);
    }

    private static void assertUsage(Cli.Result result, String message) {
        assertThat(result.code()).as(result.err()).isEqualTo(Weft.USAGE);
        assertThat(result.err()).contains("weft run: " + message)
                .contains("Run 'weft run --help' for the forms <flow> takes.")
                .doesNotContain("\tat ");
    }

    private static void assertFailed(Cli.Result result, String message) {
        assertThat(result.code()).as(result.err()).isEqualTo(Weft.FAILED);
        assertThat(result.err()).contains("weft run: " + message);
    }

    @Test
    void shouldSayWhenClassIsMissing() {
        assertUsage(run("com.example.Missing"), "class com.example.Missing was not found on the class path; add the "
                + "jar or directory that holds it (with bin/weft: WEFT_CLASSPATH=/path/to/app.jar, or bin/weft -cp "
                + "/path/to/app.jar run ...)");
    }

    @Test
    void shouldSayWhatWasExpectedWhenClassBuildsNoDataflow() {
        assertUsage(run(T + "$NotAFactory"), "class dev.weft.cli.TestFlows$NotAFactory does not implement "
                + "dev.weft.cli.DataflowFactory and `NotAFactory::method` was not given; expected a class implementing "
                + "dev.weft.cli.DataflowFactory (or java.util.function.Supplier<Dataflow>) with a public no-argument "
                + "constructor, or Class::method naming a public static method that returns a dev.weft.Dataflow; "
                + "did you mean dev.weft.cli.TestFlows$NotAFactory::flow?");
    }

    @Test
    void shouldSayWhenMethodIsMissing() {
        assertUsage(run(T + "::nope"), "class dev.weft.cli.TestFlows has no method named 'nope'; expected "
                + "dev.weft.cli.TestFlows::nope to be a public static method that returns a dev.weft.Dataflow; did you "
                + "mean dev.weft.cli.TestFlows::branching or ");
    }

    @Test
    void shouldSayWhenMethodReturnsWrongType() {
        assertUsage(run(T + "::notAFlow"), "method dev.weft.cli.TestFlows::notAFlow returns java.lang.String; "
                + "expected dev.weft.Dataflow");
    }

    @Test
    void shouldSayWhenMethodIsNotStatic() {
        assertUsage(run(T + "::instanceMethod"), "method dev.weft.cli.TestFlows::instanceMethod is not static");
    }

    @Test
    void shouldSayWhenMethodIsNotPublic() {
        assertUsage(run(T + "::hidden"), "method dev.weft.cli.TestFlows::hidden is not public");
    }

    @Test
    void shouldSayWhenMethodTakesParametersWeftCannotPass() {
        assertUsage(run(T + "::needsInts"), "method dev.weft.cli.TestFlows::needsInts(int, int) has parameters weft "
                + "cannot pass; declare it as public static Dataflow needsInts(), needsInts(String... args) or "
                + "needsInts(List<String> args)");
    }

    @Test
    void shouldSayWhenMethodTakesNoArgumentsButSomeWereGiven() {
        assertUsage(run(T + "::failing", "extra"), "method dev.weft.cli.TestFlows::failing takes no arguments, but 1 "
                + "was given (extra); declare it as failing(String... args) or failing(List<String> args) to receive "
                + "them");
    }

    @Test
    void shouldSayWhenSupplierIsGivenArguments() {
        assertUsage(run(T + "$SupplierFlow", "a", "b"), "class dev.weft.cli.TestFlows$SupplierFlow implements "
                + "java.util.function.Supplier, which takes no arguments, but 2 were given (a b); implement "
                + "dev.weft.cli.DataflowFactory to receive them");
    }

    @Test
    void shouldSayWhenSupplierSuppliesSomethingElse() {
        assertUsage(run(T + "$WrongSupplier"), "dev.weft.cli.TestFlows$WrongSupplier.get() returned a "
                + "java.lang.String; expected a dev.weft.Dataflow");
    }

    @Test
    void shouldSayWhenFactoryHasNoNoArgumentConstructor() {
        assertUsage(run(T + "$NoDefaultConstructor"), "class dev.weft.cli.TestFlows$NoDefaultConstructor has no "
                + "no-argument constructor; add `public NoDefaultConstructor()`, or name a static method with "
                + "dev.weft.cli.TestFlows$NoDefaultConstructor::method");
    }

    @Test
    void shouldSayWhenFactoryIsAbstract() {
        assertUsage(run(T + "$AbstractFactory"), "class dev.weft.cli.TestFlows$AbstractFactory is abstract");
    }

    @Test
    void shouldSayWhenReferenceLooksLikeFile() {
        assertUsage(run("target/app.jar"), "'target/app.jar' looks like a file, not a class");
    }

    @Test
    void shouldSuggestDoubleColonForSingleColon() {
        assertUsage(run("com.acme.Flows:wordCount"), "'com.acme.Flows:wordCount' is not a class name; to name a "
                + "method, write Class::method, as in com.acme.Flows::wordCount");
    }

    @Test
    void shouldSayWhenMethodNameIsMissingAfterColons() {
        assertUsage(run("com.acme.Flows::"), "'com.acme.Flows::' does not name a method after '::'");
    }

    @Test
    void shouldExitOneWithStackTraceWhenFactoryThrows() {
        Cli.Result result = run(T + "$ThrowingFactory", "in.txt");

        assertFailed(result, "dev.weft.cli.TestFlows$ThrowingFactory.build([in.txt]) threw while building the "
                + "dataflow: java.lang.IllegalStateException: no input file configured");
        assertThat(result.err()).contains("at dev.weft.cli.TestFlows$ThrowingFactory.build(");
    }

    @Test
    void shouldExitOneWhenMethodThrows() {
        Cli.Result result = run(T + "::throwing");

        assertFailed(result, "dev.weft.cli.TestFlows::throwing threw while building the dataflow: "
                + "java.lang.IllegalStateException: no input file configured");
        assertThat(result.err()).contains("at dev.weft.cli.TestFlows.throwing(");
    }

    @Test
    void shouldExitOneWhenConstructorThrows() {
        assertFailed(run(T + "$ConstructorThrows"), "the constructor of dev.weft.cli.TestFlows$ConstructorThrows "
                + "threw: java.lang.IllegalStateException: constructor failed");
    }

    @Test
    void shouldExitOneWhenMethodReturnsNull() {
        assertFailed(run(T + "::returnsNull"), "dev.weft.cli.TestFlows::returnsNull returned null; expected a "
                + "dev.weft.Dataflow");
    }
}
