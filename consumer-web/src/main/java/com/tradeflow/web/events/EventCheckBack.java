package com.tradeflow.web.events;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.transaction.AtLocks;
import com.tradeflow.web.outbox.OutboxEvent;
import com.tradeflow.web.outbox.OutboxRepository;
import com.tradeflow.web.transaction.GlobalTransactionStatus;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.model.GlobalStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The broker's question about a half message whose end it never received ("commit or roll back?"), answered from
 * the database and the coordinator, never from memory:
 * <ul>
 * <li>the event's outbox row is visible and no AT global lock is on it: its transaction committed -> commit;</li>
 * <li>no row, and the coordinator has finished or rolled back the transaction: it rolled back (a commit would
 * have left the row) -> roll back;</li>
 * <li>anything else (still running, phase two going on, coordinator unreachable) -> unknown, asked again.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "tradeflow.events.publisher", havingValue = "transactional-message")
class EventCheckBack implements TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(EventCheckBack.class);
    private static final Set<GlobalStatus> NOT_COMMITTED = Set.of(GlobalStatus.Finished, GlobalStatus.Rollbacked,
            GlobalStatus.TimeoutRollbacked, GlobalStatus.RollbackFailed, GlobalStatus.TimeoutRollbackFailed);

    private final OutboxRepository outbox;
    private final GlobalTransactionStatus transactions;
    private final List<String> atResourceIds;

    EventCheckBack(OutboxRepository outbox, GlobalTransactionStatus transactions,
            BranchTypeRoutingDataSource dataSource) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.atResourceIds = dataSource.atResourceIds();
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        // half messages are ended by TransactionalMessagePublisher around the global commit, never through here
        throw new UnsupportedOperationException("order events are not sent with sendMessageInTransaction");
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String eventId = message.getKeys() == null ? null : message.getKeys().split(" ")[0];
        String xid = message.getUserProperty(TransactionalMessagePublisher.XID_PROPERTY);
        LocalTransactionState answer = answer(eventId, xid);
        log.info("check-back of event {} (global transaction {}): {}", eventId, xid, answer);
        return answer;
    }

    private LocalTransactionState answer(String eventId, String xid) {
        if (eventId == null || xid == null) {
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        Optional<OutboxEvent> row = outbox.find(eventId);
        if (row.isPresent()) {
            if (stillLocked(row.get())) {
                return LocalTransactionState.UNKNOW;
            }
            outbox.markSent(eventId, row.get().userId());
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        return transactions.current(xid).filter(NOT_COMMITTED::contains)
                .map(rolledBack -> LocalTransactionState.ROLLBACK_MESSAGE).orElse(LocalTransactionState.UNKNOW);
    }

    /** An AT row whose transaction is still open or rolling back (see OutboxRelay); unknown when unreachable. */
    private boolean stillLocked(OutboxEvent row) {
        if (!"AT".equals(row.branchType()) || row.xid() == null) {
            return false;
        }
        String resourceId = atResourceIds.get((int) Math.floorMod(row.userId(), (long) atResourceIds.size()));
        try {
            return !AtLocks.free(resourceId, null, "outbox_events:" + row.eventId());
        } catch (TransactionException | RuntimeException e) {
            return true;
        }
    }
}
