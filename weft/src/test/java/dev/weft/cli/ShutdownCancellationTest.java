package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ShutdownCancellationTest {

    @Test
    void shouldCancelRunThatStartsAfterShutdownBegan() throws Exception {
        Cli.FakeHooks hooks = new Cli.FakeHooks();
        StringWriter err = new StringWriter();
        Runner runner = new Runner(TestFlows.silentForever(), RunConfig.defaults(2));
        ShutdownCancellation cancellation = ShutdownCancellation.install(hooks, new PrintWriter(err, true),
                Duration.ofSeconds(30));
        cancellation.watch(runner);
        Thread hook = hooks.added.get(0);

        hook.start();
        while (!cancellation.triggered()) {
            LockSupport.parkNanos(1_000_000);
        }
        try {
            assertThatThrownBy(runner::run).isInstanceOf(CancellationException.class)
                    .hasMessageContaining(ShutdownCancellation.REASON);
        } finally {
            cancellation.close();
        }
        hook.join();

        assertThat(err.toString()).contains("cancelling every worker").doesNotContain("did not stop");
        assertThat(hooks.removed).containsExactly(hook);
    }

    @Test
    void shouldLetJvmExitWhenRunDoesNotEndWithinGrace() {
        Cli.FakeHooks hooks = new Cli.FakeHooks();
        StringWriter err = new StringWriter();
        ShutdownCancellation.install(hooks, new PrintWriter(err, true), Duration.ofMillis(100));

        hooks.added.get(0).run();

        assertThat(err.toString()).contains("weft run: the workers did not stop within 100 ms; exiting anyway");
    }
}
