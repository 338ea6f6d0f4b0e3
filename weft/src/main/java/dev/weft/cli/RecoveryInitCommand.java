package dev.weft.cli;

import dev.weft.recovery.RecoveryStore;
import dev.weft.recovery.RecoveryStoreException;
import dev.weft.recovery.StoreLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft recovery init DIR N [--key-groups G]}: creates a recovery store of {@code N}
 * partition files in {@code DIR} ({@link RecoveryStore#init}); refuses a directory that already
 * holds one.
 */
@Command(name = "init", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, usageHelpAutoWidth = true,
        description = {
            "Creates a recovery store: N SQLite partition files, DIR/part-0.sqlite3 to",
            "DIR/part-<N-1>.sqlite3 (DIR is created if missing). N is fixed for the life of",
            "the store; any number of workers can use it. Refuses a directory that already",
            "holds recovery partitions.",
            "",
            "Running with recovery (weft run -r DIR) is not available yet.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0    the store was created",
            "  1    DIR already holds recovery partitions, or the store could not be",
            "       written (the message says why)",
            "  2    a bad command line (such as N below 1 or above G)",
        })
final class RecoveryInitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The recovery directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "N", description = "The number of partition files, from 1.")
    int partitions;

    @Option(names = {"-g", "--key-groups"}, paramLabel = "G", defaultValue = "" + StoreLayout.DEFAULT_KEY_GROUPS,
            description = "Key groups that state is divided into, fixed for the life of the store; at least N"
                    + " (default: ${DEFAULT-VALUE}).")
    int keyGroups;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StoreLayout layout;
        try {
            layout = RecoveryStore.init(directory, partitions, keyGroups);
        } catch (IllegalArgumentException e) {
            err.println("weft recovery init: " + e.getMessage());
            err.println("Run 'weft recovery init --help' for usage.");
            err.flush();
            return Weft.USAGE;
        } catch (RecoveryStoreException e) {
            err.println("weft recovery init: " + e.getMessage());
            err.flush();
            return Weft.FAILED;
        }
        out.println("created recovery store " + layout.directory() + ": " + layout.partitions() + " partitions, "
                + layout.keyGroups() + " key groups, store id " + layout.storeId());
        out.flush();
        return Weft.OK;
    }
}
