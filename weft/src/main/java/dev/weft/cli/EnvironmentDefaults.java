package dev.weft.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for {@code weft run}'s options from {@code WEFT_*} environment variables, so a
 * container can be configured without a command line: {@code --workers-per-process} reads
 * {@code WEFT_WORKERS_PER_PROCESS}, and so on ({@link #variableFor}). A flag on the command line
 * wins over the variable; an empty variable counts as unset.
 *
 * <p>The environment is passed in (the process's, from {@link Weft#main}), so tests need not
 * touch the real one.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    /** The environment variable of each option, by the option's long name. */
    static final Map<String, String> VARIABLES = Map.of(
            "--workers-per-process", "WEFT_WORKERS_PER_PROCESS",
            "--process-id", "WEFT_PROCESS_ID",
            "--addresses", "WEFT_ADDRESSES",
            "--recovery-directory", "WEFT_RECOVERY_DIRECTORY",
            "--snapshot-interval", "WEFT_SNAPSHOT_INTERVAL",
            "--backup-interval", "WEFT_BACKUP_INTERVAL",
            "--epoch-interval", "WEFT_EPOCH_INTERVAL");

    private final Map<String, String> environment;

    /** Defaults read from {@code environment}, such as {@code System.getenv()}. */
    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable that sets {@code option} by default, or {@code null}. */
    static String variableFor(OptionSpec option) {
        return VARIABLES.get(option.longestName());
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String variable = variableFor(option);
        String value = variable == null ? null : environment.get(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
