package com.tradeflow.platform.transaction;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.seata.core.context.RootContext;
import org.apache.seata.core.model.BranchType;

/**
 * The branch type (AT, TCC, XA) a global transaction asked for, as bound explicitly on this thread. Seata's own
 * {@link RootContext#getBranchType()} falls back to a JVM-wide default that the last data-source proxy created
 * overwrites; with AT and XA proxies in one JVM that fallback silently turned AT writes into plain local commits.
 * Here there is no fallback: a global transaction without an explicit branch type is an error.
 */
public final class BranchTypes {

    private BranchTypes() {}

    /** The branch type bound on this thread, if any (never Seata's default). */
    public static Optional<BranchType> bound() {
        return Optional.ofNullable((BranchType) RootContext.entries().get(RootContext.KEY_BRANCH_TYPE));
    }

    /**
     * The branch type of the current global transaction, or empty outside one.
     *
     * @throws IllegalStateException inside a global transaction that did not say which branch type it wants
     */
    public static Optional<BranchType> current() {
        if (!RootContext.inGlobalTransaction()) {
            return Optional.empty();
        }
        return Optional.of(bound().orElseThrow(() -> new IllegalStateException("global transaction "
                + RootContext.getXID() + " reached a participant without an explicit branch type")));
    }

    /** Whether the current global transaction runs in TCC mode (the participant then tries instead of writing). */
    public static boolean inTcc() {
        return current().filter(BranchType.TCC::equals).isPresent();
    }

    /** Runs the work with the branch type bound, then restores what was bound before. */
    public static <T> T with(BranchType type, Supplier<T> work) {
        Optional<BranchType> previous = bound();
        RootContext.bindBranchType(type);
        try {
            return work.get();
        } finally {
            previous.ifPresentOrElse(RootContext::bindBranchType, RootContext::unbindBranchType);
        }
    }
}
