package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.Test;

class OrderTransactionTests {

    private static final String XID = "192.0.2.2:8091:42";
    private static final Instant CREATED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void shouldReadACommittedPlacementFromAnOrderRowWithItsXid() {
        Order order = new Order(7, 3, 4, 1, 999, OrderStatus.CANCELLED, TransactionMode.XA, CREATED, XID);

        assertThat(OrderTransaction.committedPlacementOf(order)).hasValueSatisfying(tx -> {
            assertThat(tx.xid()).isEqualTo(XID);
            assertThat(tx.orderId()).isEqualTo(7);
            assertThat(tx.userId()).isEqualTo(3);
            assertThat(tx.action()).isEqualTo(OrderTransaction.PLACE);
            assertThat(tx.mode()).isEqualTo(TransactionMode.XA);
            assertThat(tx.status()).isEqualTo("Committed");
            assertThat(tx.finishedAt()).as("not recorded, so no time").isNull();
        });
    }

    @Test
    void shouldClaimNoPlacementForAnOrderWithoutXidOrStillPending() {
        Order local = new Order(7, 3, 4, 1, 999, OrderStatus.PLACED, TransactionMode.LOCAL, CREATED, null);
        Order unconfirmedTry = new Order(7, 3, 4, 1, 999, OrderStatus.PENDING, TransactionMode.TCC, CREATED, XID);

        assertThat(OrderTransaction.committedPlacementOf(local)).isEmpty();
        assertThat(OrderTransaction.committedPlacementOf(unconfirmedTry)).isEmpty();
    }

    @Test
    void shouldTimeEveryPlacementEndButACommit() {
        assertThat(OrderTransaction.placement(XID, 7, 3, TransactionMode.TCC, GlobalStatus.CommitRetrying)
                        .finishedAt())
                .isNotNull();
        assertThat(OrderTransaction.placement(XID, 7, 3, TransactionMode.AT, GlobalStatus.UnKnown)
                        .status())
                .isEqualTo("UnKnown");
        assertThat(OrderTransaction.placement(XID, 7, 3, TransactionMode.AT, GlobalStatus.Committed)
                        .finishedAt())
                .isNull();
    }
}
