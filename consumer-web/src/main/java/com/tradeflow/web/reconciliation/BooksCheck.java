package com.tradeflow.web.reconciliation;

/**
 * One kind of books the reconciliation proves (orders against the ledgers, wallets, stock, transfers, top-ups),
 * read on from where its last pass stopped. The job runs every check in each pass, one instance at a time.
 */
interface BooksCheck {

    /** What the check is about (its findings' subject). */
    Subject subject();

    /** Checks what changed since the last pass, then again what has open findings. */
    Pass pass();

    /**
     * What one pass of one check did.
     *
     * @param changed subjects read because they changed since the last pass
     * @param opened  findings opened or refreshed
     * @param behind  it read a full batch: more is waiting
     */
    record Pass(int changed, int opened, boolean behind) {}
}
