package dev.weft.engine.dataflow;

/**
 * Routes keys to workers: a key's stable hash picks one of {@code groups} key groups, and a
 * routing table maps each key group to a worker (contiguous ranges: group {@code g} belongs to
 * worker {@code g * workers / groups}).
 *
 * <p>The number of key groups is fixed for the life of a recovery store; rescaling moves whole
 * key groups between workers. Immutable.
 */
public final class KeyGroups {

    /** The default number of key groups. */
    public static final int DEFAULT_GROUPS = 256;

    private final int groups;
    private final int workers;
    private final int[] owner;

    /** A routing table of {@code groups} key groups spread over {@code workers} workers. */
    public KeyGroups(int groups, int workers) {
        if (groups < workers || workers < 1) {
            throw new IllegalArgumentException("need at least one key group per worker; got " + groups
                    + " key groups for " + workers + " workers");
        }
        this.groups = groups;
        this.workers = workers;
        this.owner = new int[groups];
        for (int g = 0; g < groups; g++) {
            owner[g] = (int) ((long) g * workers / groups);
        }
    }

    /** The number of key groups. */
    public int groups() {
        return groups;
    }

    /** The number of workers. */
    public int workers() {
        return workers;
    }

    /** The key group of a key with stable hash {@code hash}. */
    public int group(long hash) {
        // Mix again so that a weak user hash still spreads over the groups.
        long h = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, groups);
    }

    /** The worker that owns key group {@code group}. */
    public int ownerOf(int group) {
        return owner[group];
    }

    /**
     * A hash that routes to {@code worker}: for sending records to a chosen worker (the owner of a
     * sink partition, say) through an exchange.
     */
    public long hashOwnedBy(int worker) {
        if (worker < 0 || worker >= workers) {
            throw new IllegalArgumentException("no worker " + worker + " among " + workers);
        }
        for (long h = 0; ; h++) {
            if (workerFor(h) == worker) {
                return h;
            }
        }
    }

    /**
     * The worker assigned partition {@code index} of {@code count} sorted partitions: round robin,
     * so partitions spread evenly over workers.
     */
    public int partitionOwner(int index) {
        return index % workers;
    }

    /** The worker that owns the key with stable hash {@code hash}. */
    public int workerFor(long hash) {
        return owner[group(hash)];
    }
}
