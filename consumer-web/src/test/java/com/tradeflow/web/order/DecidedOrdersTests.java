package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.platform.transaction.AtLockGuard;
import com.tradeflow.web.TestOrderDatabase;
import com.tradeflow.web.outbox.TestOutboxes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which reads of an order ask the coordinator, and that they do so while holding the row: a real MariaDB with the
 * service's migrations; the coordinator's answer ({@link AtLockGuard}) is a fake.
 */
class DecidedOrdersTests {

    private static final AtomicLong IDS = new AtomicLong(5_000);
    private static final long USER = 7L;

    private static DataSource database;
    private static OrderRepository orders;
    private final AtLockGuard locks = mock(AtLockGuard.class);
    private DecidedOrders decided;

    @BeforeAll
    static void databaseWithMigrations() {
        database = TestOrderDatabase.migrated("web_decided_orders");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        BranchTypeRoutingDataSource userDatabase = mock(BranchTypeRoutingDataSource.class);
        when(userDatabase.direct()).thenReturn(true);
        when(userDatabase.physicalPools()).thenReturn(List.of(database));
        orders = new OrderRepository(
                jdbc, new OrderTable(userDatabase), TestOutboxes.over(jdbc, userDatabase), MessageTraces.off());
    }

    @BeforeEach
    void service() {
        reset(locks);
        decided = new DecidedOrders(orders, locks, new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    private static Order stored(TransactionMode mode, OrderStatus status) {
        Order order = Order.create(IDS.incrementAndGet(), USER, 3L, 1, 250L, mode, "tc:8091:" + IDS.get())
                .withStatus(status);
        orders.insertRows(order, null, null);
        return order;
    }

    @Test
    void shouldAskTheCoordinatorAboutAnAtOrderWhileHoldingItsRow() throws SQLException {
        Order order = stored(TransactionMode.AT, OrderStatus.CANCELLED);
        List<Boolean> lockedDuringTheQuestion = new ArrayList<>();
        doAnswer(call -> lockedDuringTheQuestion.add(!lockableNow(order)))
                .when(locks)
                .requireNoAtLockOutsideGlobalTransaction(anyLong(), anyString(), any());

        assertThat(decided.decided(order)).contains(order);

        verify(locks).requireNoAtLockOutsideGlobalTransaction(USER, OrderTable.physical(USER), order.orderId());
        assertThat(lockedDuringTheQuestion).containsExactly(true);
        assertThat(lockableNow(order)).as("released after the read").isTrue();
    }

    @Test
    void shouldRefuseAnAtOrderThatAnUndecidedGlobalTransactionHoldsAndReleaseTheRow() throws SQLException {
        Order order = stored(TransactionMode.AT, OrderStatus.CANCELLED);
        doThrow(new BusinessException(ErrorCode.CONCURRENT_UPDATE, "held"))
                .when(locks)
                .requireNoAtLockOutsideGlobalTransaction(anyLong(), anyString(), any());

        assertThatThrownBy(() -> decided.decided(order))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_UPDATE));
        assertThat(lockableNow(order)).isTrue();
    }

    @Test
    void shouldAnswerTccAndXaOrdersAsReadWithoutAskingTheCoordinator() {
        Order tcc = stored(TransactionMode.TCC, OrderStatus.CANCELLED);
        Order xa = stored(TransactionMode.XA, OrderStatus.PLACED);

        assertThat(decided.decided(tcc)).contains(tcc);
        assertThat(decided.decided(xa)).contains(xa);
        verifyNoInteractions(locks);
    }

    @Test
    void shouldAnswerNothingForAnAtOrderGoneSinceItWasRead() {
        Order rolledBack = Order.create(IDS.incrementAndGet(), USER, 3L, 1, 250L, TransactionMode.AT, "tc:8091:0");

        assertThat(decided.decided(rolledBack)).isEmpty();
        verifyNoInteractions(locks);
    }

    /** Whether another session could lock the order's row at once. */
    private static boolean lockableNow(Order order) throws SQLException {
        try (Connection other = database.getConnection()) {
            other.setAutoCommit(false);
            try {
                other.createStatement()
                        .executeQuery("SELECT order_id FROM " + OrderTable.physical(USER) + " WHERE order_id = "
                                + order.orderId() + " FOR UPDATE NOWAIT")
                        .close();
                return true;
            } catch (SQLException lockHeld) {
                return false;
            } finally {
                other.rollback();
            }
        }
    }
}
