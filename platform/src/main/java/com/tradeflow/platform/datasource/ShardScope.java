package com.tradeflow.platform.datasource;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The sharding key (a user id) a unit of work is about, bound on the thread around it: a debit, the application
 * of one user's event, a TCC phase. A sharded data source whose tables are all spread by that key alone hands
 * out connections of the key's database straight away ({@link BranchTypeRoutingDataSource}), so the statements
 * skip ShardingSphere's parse, bind, route and rewrite, which cost more CPU than the statements themselves.
 * Elsewhere (one database, tables also split by another column) the binding changes nothing.
 * <p>
 * Bind it before the transaction starts: the connection is chosen when the transaction takes one. Scopes nest for
 * the same key; a nested scope for another key is refused, since the connection already taken serves one
 * database only.
 */
public final class ShardScope {

    private static final ThreadLocal<Binding> BOUND = ThreadLocal.withInitial(Binding::new);

    private ShardScope() {}

    /** Runs the work with the key bound. */
    public static void run(long key, Runnable work) {
        enter(key);
        try {
            work.run();
        } finally {
            exit();
        }
    }

    /** Runs the work with the key bound and answers its result. */
    public static <T> T call(long key, Supplier<T> work) {
        enter(key);
        try {
            return work.get();
        } finally {
            exit();
        }
    }

    /** The key bound on this thread, if any. */
    public static OptionalLong current() {
        Binding binding = BOUND.get();
        return binding.depth == 0 ? OptionalLong.empty() : OptionalLong.of(binding.key);
    }

    /**
     * Binds the key until the matching {@link #exit()}: for callbacks that come in pairs (Seata's TCC hooks),
     * where no block can be wrapped.
     *
     * @throws IllegalStateException another key is bound
     */
    static void enter(long key) {
        Binding binding = BOUND.get();
        if (binding.depth > 0 && binding.key != key) {
            throw new IllegalStateException("a unit of work about sharding key " + binding.key
                    + " reached work about key " + key + "; bind each key in its own unit of work");
        }
        binding.key = key;
        binding.depth++;
    }

    /** Undoes one {@link #enter(long)}; nothing when none is open. */
    static void exit() {
        Binding binding = BOUND.get();
        if (binding.depth > 0) {
            binding.depth--;
        }
    }

    /** Mutable, per thread: no allocation per unit of work. */
    private static final class Binding {
        private long key;
        private int depth;
    }
}
