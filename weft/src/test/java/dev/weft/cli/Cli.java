package dev.weft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine;

/** Runs the {@code weft} command line in this JVM with a given environment, capturing its output. */
final class Cli {

    /**
     * How a command ended.
     *
     * @param code the exit code
     * @param out what it printed on standard output
     * @param err what it printed on standard error
     */
    record Result(int code, String out, String err) {
    }

    /** Shutdown hooks recorded instead of registered with the JVM. */
    static final class FakeHooks implements ShutdownCancellation.Hooks {
        final List<Thread> added = new CopyOnWriteArrayList<>();
        final List<Thread> removed = new CopyOnWriteArrayList<>();

        @Override
        public void add(Thread hook) {
            added.add(hook);
        }

        @Override
        public void remove(Thread hook) {
            removed.add(hook);
        }
    }

    final FakeHooks hooks = new FakeHooks();
    private final Map<String, String> environment;

    Cli() {
        this(Map.of());
    }

    Cli(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The command line, not yet run. */
    CommandLine commandLine() {
        return Weft.commandLine(environment, hooks);
    }

    /** Runs {@code args}. */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine weft = commandLine();
        weft.setOut(new PrintWriter(out, true));
        weft.setErr(new PrintWriter(err, true));
        int code = weft.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The {@code run} subcommand's object after parsing {@code args} (which start with {@code run}). */
    RunCommand parseRun(String... args) {
        CommandLine weft = commandLine();
        weft.parseArgs(args);
        return weft.getSubcommands().get("run").getCommand();
    }
}
