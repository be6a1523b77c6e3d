package com.tradeflow.web.order;

import org.apache.seata.core.model.BranchType;

/** The Seata mode an order's global transactions run in (placing it, and cancelling it later). */
public enum TransactionMode {
    AT(BranchType.AT),
    TCC(BranchType.TCC),
    XA(BranchType.XA),
    /** Benchmarks only: no global transaction, a plain local transaction in each service. */
    LOCAL(null);

    private final BranchType branchType;

    TransactionMode(BranchType branchType) {
        this.branchType = branchType;
    }

    public BranchType branchType() {
        return branchType;
    }
}
