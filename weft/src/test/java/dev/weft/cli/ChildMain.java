package dev.weft.cli;

/**
 * {@link Weft#main} for a child JVM started by a test: the child halts as soon as its parent (the
 * test JVM) is gone, however the parent died, so no test leaves a JVM behind.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /** Watches the parent, then runs {@code weft} with {@code args}. */
    public static void main(String... args) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("weft test child: parent process " + parent.pid() + " ended; halting");
            Runtime.getRuntime().halt(137);
        }));
        Weft.main(args);
    }
}
