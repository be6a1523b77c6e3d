package com.tradeflow.web.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderStatus;
import com.tradeflow.web.order.TransactionMode;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerCheckTests {

    private static final long ORDER = 42;
    private static final long USER = 7;
    private static final long SKU = 3;

    private static Optional<Order> order(OrderStatus status) {
        return Optional.of(new Order(ORDER, USER, SKU, 2, 1000, status, TransactionMode.AT, Instant.EPOCH, null));
    }

    private static StockMovement stock(String type) {
        return new StockMovement(ORDER, type, SKU, 2, 1200);
    }

    private static WalletMovement money(String type) {
        return new WalletMovement(ORDER, type, USER, 1000);
    }

    private static List<FindingKind> kinds(List<Disagreement> found) {
        return found.stream().map(Disagreement::kind).toList();
    }

    @Test
    void shouldFindNothingWhenAPlacedOrderTookItsUnitsAndItsMoney() {
        assertThat(LedgerCheck.check(order(OrderStatus.PLACED), List.of(stock("DEDUCT")), List.of(money("DEBIT"))))
                .isEmpty();
    }

    @Test
    void shouldFindNothingWhenACancelledOrderGaveBothBack() {
        assertThat(LedgerCheck.check(
                        order(OrderStatus.CANCELLED),
                        List.of(stock("DEDUCT"), stock("RETURN")),
                        List.of(money("DEBIT"), money("REFUND"))))
                .isEmpty();
    }

    @Test
    void shouldFindThePlacedOrdersMoneyMissing() {
        List<Disagreement> found = LedgerCheck.check(order(OrderStatus.PLACED), List.of(stock("DEDUCT")), List.of());

        assertThat(kinds(found)).containsExactly(FindingKind.MONEY_MISSING);
        assertThat(found.get(0).detail()).contains("DEBIT");
    }

    @Test
    void shouldFindACancelledOrderThatWasNotRefundedNorRestocked() {
        assertThat(kinds(LedgerCheck.check(
                        order(OrderStatus.CANCELLED), List.of(stock("DEDUCT")), List.of(money("DEBIT")))))
                .containsExactly(FindingKind.STOCK_MISSING, FindingKind.MONEY_MISSING);
    }

    @Test
    void shouldFindAReturnOfAnOrderThatIsStillPlacedAndATriedReservationLeftBehind() {
        assertThat(kinds(LedgerCheck.check(
                        order(OrderStatus.PLACED),
                        List.of(stock("DEDUCT"), stock("RETURN")),
                        List.of(money("DEBIT"), money("FREEZE")))))
                .containsExactly(FindingKind.STOCK_UNEXPECTED, FindingKind.MONEY_UNEXPECTED);
    }

    @Test
    void shouldFindAnotherQuantityOrSkuInTheStockLedger() {
        List<Disagreement> found = LedgerCheck.check(
                order(OrderStatus.PLACED),
                List.of(new StockMovement(ORDER, "DEDUCT", SKU, 5, 3000)),
                List.of(money("DEBIT")));

        assertThat(kinds(found)).containsExactly(FindingKind.STOCK_MISMATCH);
        assertThat(found.get(0).detail()).contains("order of 2 x sku 3").contains("DEDUCT of 5 x sku 3");
    }

    @Test
    void shouldFindAnotherAmountOrUserInTheWalletLedgerButNotTheStocksValue() {
        // the stock ledger values units at the product's price, a flash-sale order pays less: not a disagreement
        List<Disagreement> found = LedgerCheck.check(
                order(OrderStatus.PLACED),
                List.of(stock("DEDUCT")),
                List.of(new WalletMovement(ORDER, "DEBIT", USER, 999)));

        assertThat(kinds(found)).containsExactly(FindingKind.MONEY_MISMATCH);
        assertThat(LedgerCheck.check(
                        order(OrderStatus.PLACED),
                        List.of(stock("DEDUCT")),
                        List.of(new WalletMovement(ORDER, "DEBIT", USER + 1, 1000))))
                .extracting(Disagreement::kind)
                .containsExactly(FindingKind.MONEY_MISMATCH);
    }

    @Test
    void shouldFindMovementsOfAnOrderThatDoesNotExist() {
        assertThat(kinds(LedgerCheck.check(Optional.empty(), List.of(stock("DEDUCT")), List.of(money("DEBIT")))))
                .containsExactly(FindingKind.STOCK_UNEXPECTED, FindingKind.MONEY_UNEXPECTED);
        assertThat(LedgerCheck.check(Optional.empty(), List.of(), List.of())).isEmpty();
    }

    @Test
    void shouldCallAnOrderInTheMiddleOfAGlobalTransactionUnsettledAndNothingElse() {
        assertThat(kinds(LedgerCheck.check(order(OrderStatus.PENDING), List.of(stock("RESERVE")), List.of())))
                .containsExactly(FindingKind.UNSETTLED);
        assertThat(kinds(LedgerCheck.check(order(OrderStatus.CANCELLING), List.of(), List.of())))
                .containsExactly(FindingKind.UNSETTLED);
    }
}
