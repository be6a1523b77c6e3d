package com.tradeflow.account.transfer.xa;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a service runs local XA (one service, several of its own databases, two-phase commit without a coordinator
 * server).
 *
 * @param tmUniqueName       the transaction manager's name, written into every XA id it creates: unique per
 *                           instance across the cluster and the same across its restarts, since recovery finishes
 *                           exactly the prepared branches that carry it (another instance's would be rolled back)
 * @param logDir             where the manager's transaction log lives; must survive a restart, or the commit
 *                           decisions of in-doubt transactions are lost
 * @param transactionTimeout a transaction running longer is rolled back; recovery waits this long before finishing
 *                           a committing transaction of a crashed run
 * @param maxTimeout         a prepared branch of this manager with no decision in its log is rolled back after
 *                           this long (presumed abort)
 * @param recoveryInterval   how often recovery looks for in-doubt branches
 * @param maxActive          transactions at once; more wait for none but fail at begin
 * @param poolSize           XA connections per database
 * @param borrowTimeout      how long a transaction waits for an XA connection
 */
public record LocalXaSettings(
        String tmUniqueName,
        Path logDir,
        Duration transactionTimeout,
        Duration maxTimeout,
        Duration recoveryInterval,
        int maxActive,
        int poolSize,
        Duration borrowTimeout) {}
