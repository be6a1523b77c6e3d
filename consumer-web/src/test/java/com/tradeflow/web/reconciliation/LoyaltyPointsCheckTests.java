package com.tradeflow.web.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.account.AppliedOrderEvent;
import com.tradeflow.api.account.PointsBalance;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderStatus;
import com.tradeflow.web.order.TransactionMode;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import com.tradeflow.web.reconciliation.LoyaltyPointsCheck.UserPoints;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The points rule: what the applied events' orders are worth, from the orders' own amounts. */
class LoyaltyPointsCheckTests {

    private static final long USER = 7;
    private static final Map<Long, Order> ORDERS =
            Map.of(1L, order(1, USER, 12_345), 2L, order(2, USER, 5_099), 3L, order(3, 8, 10_000));

    @Test
    void shouldAgreeWhenThePointsAreThePlacedOrdersLessTheCancelledOnes() {
        // 123 + 50 placed, 50 taken back
        assertThat(check(123, placed(1), placed(2), cancelled(2))).isEmpty();
    }

    @Test
    void shouldFindPointsTheAppliedEventsDoNotExplain() {
        List<Disagreement> found = check(124, placed(1));
        assertThat(found).extracting(Disagreement::kind).containsExactly(FindingKind.POINTS_MISMATCH);
        assertThat(found.get(0).detail()).contains("124 points", "worth 123");
    }

    @Test
    void shouldFindPointsForAnOrderThatDoesNotExistOrIsAnotherUsers() {
        List<Disagreement> found = check(265, placed(1), placed(99), placed(3));
        assertThat(found).extracting(Disagreement::kind).containsExactly(FindingKind.POINTS_UNKNOWN_ORDER);
        assertThat(found.get(0).detail()).contains("2 order(s)", "99", "3");
    }

    private static List<Disagreement> check(long points, AppliedOrderEvent... applied) {
        return LoyaltyPointsCheck.disagreements(
                new UserPoints(new PointsBalance(USER, points, List.of(applied)), ORDERS));
    }

    private static AppliedOrderEvent placed(long orderId) {
        return new AppliedOrderEvent(orderId, "OrderPlaced");
    }

    private static AppliedOrderEvent cancelled(long orderId) {
        return new AppliedOrderEvent(orderId, "OrderCancelled");
    }

    private static Order order(long orderId, long userId, long amount) {
        return new Order(orderId, userId, 1, 1, amount, OrderStatus.PLACED, TransactionMode.AT, Instant.EPOCH, null);
    }
}
