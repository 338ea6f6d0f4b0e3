package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.recovery.RecoveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RecoveryInitCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldCreateAStoreThatOpens() {
        Path store = dir.resolve("wc-store");

        Cli.Result result = new Cli().run("recovery", "init", store.toString(), "3");

        assertThat(result.code()).as(result.err()).isEqualTo(Weft.OK);
        assertThat(result.out()).startsWith("created recovery store " + store + ": 3 partitions, 256 key groups,"
                + " store id ");
        try (RecoveryStore opened = RecoveryStore.open(store, 256)) {
            assertThat(opened.layout().partitions()).isEqualTo(3);
        }
    }

    @Test
    void shouldTakeTheKeyGroupCount() {
        Cli.Result result = new Cli().run("recovery", "init", dir.toString(), "2", "--key-groups", "64");

        assertThat(result.code()).as(result.err()).isEqualTo(Weft.OK);
        try (RecoveryStore opened = RecoveryStore.open(dir)) {
            assertThat(opened.layout().keyGroups()).isEqualTo(64);
        }
    }

    @Test
    void shouldRefuseADirectoryThatAlreadyHoldsAStoreAndLeaveItAlone() throws Exception {
        new Cli().run("recovery", "init", dir.toString(), "2");
        byte[] before = Files.readAllBytes(dir.resolve("part-0.sqlite3"));

        Cli.Result again = new Cli().run("recovery", "init", dir.toString(), "4");

        assertThat(again.code()).isEqualTo(Weft.FAILED);
        assertThat(again.err()).isEqualTo("weft recovery init: cannot create a recovery store in " + dir + ": it"
                + " already holds recovery partition files (part-0.sqlite3, part-1.sqlite3); a store is created once"
                + " and then reused by every run. To start over, delete those files (their state is lost); to keep"
                + " them, use another directory" + System.lineSeparator());
        assertThat(Files.readAllBytes(dir.resolve("part-0.sqlite3"))).isEqualTo(before);
        assertThat(dir.resolve("part-2.sqlite3")).doesNotExist();
    }

    @Test
    void shouldRefuseBadCountsWithUsage() {
        Cli.Result zero = new Cli().run("recovery", "init", dir.resolve("a").toString(), "0");
        Cli.Result tooMany = new Cli().run("recovery", "init", dir.resolve("b").toString(), "9", "-g", "8");
        Cli.Result notANumber = new Cli().run("recovery", "init", dir.resolve("c").toString(), "three");

        assertThat(zero.code()).isEqualTo(Weft.USAGE);
        assertThat(zero.err()).contains("weft recovery init: a recovery store needs 1 to 256 partitions (at most one"
                + " per key group); got 0").contains("Run 'weft recovery init --help' for usage.");
        assertThat(tooMany.err()).contains("needs 1 to 8 partitions (at most one per key group); got 9");
        assertThat(notANumber.code()).isEqualTo(Weft.USAGE);
        assertThat(notANumber.err()).contains("Invalid value for positional parameter at index 1 (N): 'three'");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void shouldAskForACommandAndDocumentInit() {
        Cli.Result bare = new Cli().run("recovery");
        Cli.Result help = new Cli().run("recovery", "init", "--help");

        assertThat(bare.code()).isEqualTo(Weft.USAGE);
        assertThat(bare.err()).contains("weft recovery: missing a command").contains("init");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: weft recovery init").contains("-g, --key-groups=G")
                .contains("Running with recovery (weft run -r DIR) is not available yet.");
    }

    @Test
    void shouldStillRefuseRunningWithRecovery() {
        new Cli().run("recovery", "init", dir.toString(), "1");

        Cli.Result run = new Cli().run("run", "-r", dir.toString(), "dev.weft.cli.TestFlows::branching");

        assertThat(run.code()).isEqualTo(Weft.USAGE);
        assertThat(run.err()).contains("recovery is not available yet");
    }
}
