package dev.weft.recovery;

/**
 * Test-only crash points: when the system property {@value #PROPERTY} names one, the process
 * halts there (as a {@code kill -9} would stop it), so tests can crash a writer at moments that
 * random kills rarely hit. Unset, each point costs one property read per commit.
 */
enum CrashPoint {
    /** In a snapshot's first partition transaction, after its rows are written, before it commits. */
    SNAPSHOT_BEFORE_COMMIT,
    /** After a snapshot's first partition committed, before the next partition's transaction. */
    SNAPSHOT_BETWEEN_PARTITIONS;

    static final String PROPERTY = "weft.recovery.crashAt";

    /** The exit status of a halted process: that of a process killed by SIGKILL. */
    static final int HALT_STATUS = 137;

    void reach() {
        if (name().equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
