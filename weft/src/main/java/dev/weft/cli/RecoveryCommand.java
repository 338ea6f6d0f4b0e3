package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weft recovery}: manages recovery stores; its one command is {@code init} ({@link RecoveryInitCommand}). */
@Command(name = "recovery", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND", usageHelpAutoWidth = true,
        description = "Manages recovery stores: the SQLite files a run with recovery snapshots into.")
final class RecoveryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The {@code recovery} command with its subcommands. */
    static CommandLine commandLine() {
        CommandLine recovery = new CommandLine(new RecoveryCommand());
        recovery.addSubcommand("init", new RecoveryInitCommand());
        return recovery;
    }

    @Override
    public Integer call() {
        CommandLine recovery = spec.commandLine();
        recovery.getErr().println("weft recovery: missing a command");
        recovery.usage(recovery.getErr());
        recovery.getErr().flush();
        return Weft.USAGE;
    }
}
