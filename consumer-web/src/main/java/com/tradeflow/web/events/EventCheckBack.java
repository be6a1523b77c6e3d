package com.tradeflow.web.events;

import com.tradeflow.web.outbox.OutboxEvent;
import com.tradeflow.web.outbox.OutboxLocks;
import com.tradeflow.web.outbox.OutboxRepository;
import com.tradeflow.web.transaction.GlobalTransactionStatus;
import java.util.Optional;
import java.util.Set;
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

/**
 * The broker's question about a half message whose end it never received ("commit or roll back?"), answered from
 * the database and the coordinator, never from memory:
 * <ul>
 * <li>the event's outbox row is visible, no AT global lock is on it and it is still there after that answer: its
 * transaction committed -> commit;</li>
 * <li>no row, and the coordinator had finished or rolled back the transaction before the row was read: it rolled
 * back (a commit would have left the row) -> roll back;</li>
 * <li>anything else (still running, phase two going on, coordinator unreachable) -> unknown, asked again.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "tradeflow.events.publisher", havingValue = "transactional-message")
class EventCheckBack implements TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(EventCheckBack.class);
    private static final Set<GlobalStatus> NOT_COMMITTED = Set.of(
            GlobalStatus.Finished,
            GlobalStatus.Rollbacked,
            GlobalStatus.TimeoutRollbacked,
            GlobalStatus.RollbackFailed,
            GlobalStatus.TimeoutRollbackFailed);

    private final OutboxRepository outbox;
    private final GlobalTransactionStatus transactions;
    private final OutboxLocks locks;

    EventCheckBack(OutboxRepository outbox, GlobalTransactionStatus transactions, OutboxLocks locks) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.locks = locks;
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
        // the coordinator first: a status read before the row cannot be a "finished" that the row then contradicts
        // (a commit whose row appeared between the two reads)
        Optional<GlobalStatus> status = transactions.current(xid);
        Optional<OutboxEvent> row = outbox.find(eventId);
        if (row.isPresent()) {
            if (!committed(row.get())) {
                return LocalTransactionState.UNKNOW;
            }
            outbox.markSent(eventId, row.get().userId());
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        return status.filter(NOT_COMMITTED::contains)
                .map(rolledBack -> LocalTransactionState.ROLLBACK_MESSAGE)
                .orElse(LocalTransactionState.UNKNOW);
    }

    /**
     * A visible row is committed unless it was written by AT and its global lock is still held (open, or rolling
     * back), or it is gone once the lock was found free (rolled back meanwhile). Unknown when the coordinator does
     * not answer.
     */
    private boolean committed(OutboxEvent row) {
        if (!"AT".equals(row.branchType()) || row.xid() == null) {
            return true;
        }
        try {
            return !locks.held(row.userId(), row.eventId())
                    && outbox.find(row.eventId()).isPresent();
        } catch (TransactionException | RuntimeException e) {
            return false;
        }
    }
}
