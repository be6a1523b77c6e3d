package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.tracing.MessageTraces;
import com.tradeflow.web.TestOrderDatabase;
import com.tradeflow.web.outbox.OutboxStatus;
import com.tradeflow.web.outbox.TestOutboxes;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order rows as the service writes and reads them, in a real MariaDB with the service's own migrations (one user
 * database, its tables named directly as a purchase bound to its user names them).
 */
class OrderRepositoryTests {

    private static final AtomicLong IDS = new AtomicLong(1_000);
    private static final long USER = 7L;
    /** Another user whose orders share {@link #USER}'s database and table. */
    private static final long OTHER_USER = USER + 4;

    private static JdbcTemplate jdbc;
    private static OrderRepository orders;

    @BeforeAll
    static void database() {
        DataSource database = TestOrderDatabase.migrated("web_orders");
        jdbc = new JdbcTemplate(database);
        BranchTypeRoutingDataSource userDatabase = mock(BranchTypeRoutingDataSource.class);
        when(userDatabase.direct()).thenReturn(true);
        when(userDatabase.physicalPools()).thenReturn(List.of(database));
        orders = new OrderRepository(
                jdbc, new OrderTable(userDatabase), TestOutboxes.over(jdbc, userDatabase), MessageTraces.off());
    }

    private static Order newOrder(TransactionMode mode) {
        return Order.create(IDS.incrementAndGet(), USER, 3L, 2, 500L, mode, "tc:8091:" + IDS.get());
    }

    private static int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void shouldWriteTheOrderItsKeyAndItsEventTogetherAndReadThemBack() {
        Order order = newOrder(TransactionMode.AT);
        OrderEvent placed = order.newEvent(OrderEvent.PLACED);

        orders.insert(order, "key-" + order.orderId(), "fingerprint", placed, OutboxStatus.SENT);

        assertThat(orders.find(order.orderId(), USER)).contains(order);
        assertThat(orders.findRequest(USER, "key-" + order.orderId()))
                .contains(new OrderRepository.StoredRequest("fingerprint", order.orderId()));
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE event_id = ? AND status = 'SENT'", placed.eventId()))
                .isOne();
        // in the table of its user, and only there
        assertThat(count("SELECT COUNT(*) FROM " + OrderTable.physical(USER) + " WHERE order_id = ?", order.orderId()))
                .isOne();
        assertThat(count("""
                        SELECT (SELECT COUNT(*) FROM orders_0 WHERE order_id = ?)
                             + (SELECT COUNT(*) FROM orders_1 WHERE order_id = ?)
                        """, order.orderId(), order.orderId())).isOne();
    }

    @Test
    void shouldKeepAnIdempotencyKeyOncePerUser() {
        Order first = newOrder(TransactionMode.AT);
        orders.insertRows(first, "once", "fingerprint");
        // a user of the same database and table (user_id % 2 and user_id / 2 % 2 alike)
        Order other = Order.create(IDS.incrementAndGet(), OTHER_USER, 3L, 1, 250L, TransactionMode.AT, null);
        Order again = newOrder(TransactionMode.AT);

        // another user may send the same key; the same user may not, whatever the order
        orders.insertRows(other, "once", "fingerprint");
        assertThatThrownBy(() -> orders.insertRows(again, "once", "fingerprint"))
                .isInstanceOf(DuplicateKeyException.class);
        // orders placed without a key do not collide
        orders.insertRows(newOrder(TransactionMode.AT), null, null);
        orders.insertRows(newOrder(TransactionMode.AT), null, null);

        assertThat(orders.findRequest(USER, "once"))
                .contains(new OrderRepository.StoredRequest("fingerprint", first.orderId()));
        assertThat(orders.findRequest(OTHER_USER, "once"))
                .contains(new OrderRepository.StoredRequest("fingerprint", other.orderId()));
        assertThat(orders.find(again.orderId(), USER)).isEmpty();
    }

    @Test
    void shouldShowACommittedPlacementFromTheOrderRowAloneAndACancellationOnceRecorded() {
        Order order = newOrder(TransactionMode.AT).withStatus(OrderStatus.PLACED);
        orders.insert(order, null, null, order.newEvent(OrderEvent.PLACED), OutboxStatus.SENT);

        assertThat(orders.lastTransaction(order)).hasValueSatisfying(tx -> {
            assertThat(tx.action()).isEqualTo(OrderTransaction.PLACE);
            assertThat(tx.xid()).isEqualTo(order.placedXid());
            assertThat(tx.status()).isEqualTo(GlobalStatus.Committed.name());
        });
        assertThat(count("SELECT COUNT(*) FROM order_transactions WHERE order_id = ?", order.orderId()))
                .isZero();

        OrderTransaction cancel = new OrderTransaction(
                "tc:8091:cancel",
                order.orderId(),
                USER,
                OrderTransaction.CANCEL,
                TransactionMode.AT,
                GlobalStatus.Committed.name(),
                Instant.now().plusSeconds(1));
        orders.recordTransaction(cancel);

        assertThat(orders.lastTransaction(order)).map(OrderTransaction::xid).contains("tc:8091:cancel");
        assertThat(orders.transactions(order))
                .extracting(OrderTransaction::action)
                .containsExactly(OrderTransaction.CANCEL, OrderTransaction.PLACE);
    }

    @Test
    void shouldChangeAStatusOnlyFromTheOneExpected() {
        Order order = newOrder(TransactionMode.AT).withStatus(OrderStatus.PLACED);
        orders.insertRows(order, null, null);

        assertThat(orders.changeStatus(order.orderId(), USER, OrderStatus.PLACED, OrderStatus.CANCELLING))
                .isTrue();
        // a second cancellation finds it CANCELLING already
        assertThat(orders.changeStatus(order.orderId(), USER, OrderStatus.PLACED, OrderStatus.CANCELLING))
                .isFalse();
        // another user's id does not reach it, nor read it
        assertThat(orders.changeStatus(order.orderId(), OTHER_USER, OrderStatus.CANCELLING, OrderStatus.CANCELLED))
                .isFalse();
        assertThat(orders.find(order.orderId(), OTHER_USER)).isEmpty();
        assertThat(orders.find(order.orderId(), USER)).map(Order::status).contains(OrderStatus.CANCELLING);
        assertThatThrownBy(
                        () -> orders.changeStatus(order.orderId(), USER, OrderStatus.CANCELLING, OrderStatus.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToCancelAnOrderThatIsNotPlacedAndWriteNoEvent() {
        Order order = newOrder(TransactionMode.TCC);
        orders.insertRows(order, null, null);
        OrderEvent cancelled = order.newEvent(OrderEvent.CANCELLED);

        assertThatThrownBy(() -> orders.markCancelled(order.orderId(), USER, cancelled, OutboxStatus.PENDING))
                .isInstanceOfSatisfying(
                        BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ORDER_NOT_CANCELLABLE));
        assertThat(count("SELECT COUNT(*) FROM outbox_events WHERE event_id = ?", cancelled.eventId()))
                .isZero();
    }

    @Test
    void shouldRemoveAPendingPlacementWithItsKeyButNeverAPlacedOrder() {
        Order pending = newOrder(TransactionMode.TCC);
        orders.insertRows(pending, "key-" + pending.orderId(), "fingerprint");
        Order placed = newOrder(TransactionMode.AT).withStatus(OrderStatus.PLACED);
        orders.insertRows(placed, "key-" + placed.orderId(), "fingerprint");

        assertThat(orders.deleteUnplaced(pending.orderId(), USER)).isTrue();
        assertThat(orders.deleteUnplaced(placed.orderId(), USER)).isFalse();

        assertThat(orders.find(pending.orderId(), USER)).isEmpty();
        assertThat(orders.findRequest(USER, "key-" + pending.orderId())).isEmpty();
        assertThat(orders.find(placed.orderId(), USER)).isPresent();
        assertThat(orders.findRequest(USER, "key-" + placed.orderId()))
                .contains(new OrderRepository.StoredRequest("fingerprint", placed.orderId()));
    }
}
