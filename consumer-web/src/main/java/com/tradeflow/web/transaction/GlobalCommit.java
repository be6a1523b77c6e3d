package com.tradeflow.web.transaction;

import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.tm.api.GlobalTransaction;

/** Carries out the commit of a global transaction whose work succeeded; an event publisher may wrap it. */
public interface GlobalCommit {

    /**
     * Commits {@code tx}.
     *
     * @throws TransactionException the coordinator did not confirm the commit
     * @throws RuntimeException     nothing was committed (e.g. events could not be prepared): roll back
     */
    void commit(GlobalTransaction tx) throws TransactionException;
}
