package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the ledgers must hold for an order, by its status, and where they do not. A placed order took its units
 * (DEDUCT, its sku and quantity) and its money (DEBIT, its user and amount), and nothing else; a cancelled one also
 * gave both back (RETURN, REFUND, the same figures). TCC's tried movements (RESERVE, FREEZE, RETURN_PENDING,
 * REFUND_PENDING) belong to a global transaction in flight only. An order that does not exist (a placement rolled
 * back) has no movement at all. Only the wallet's amount is compared with the order's: a flash-sale order pays the
 * sale's price, while the stock ledger values the units at the product's.
 */
final class LedgerCheck {

    private static final Set<String> STOCK_WHEN_PLACED = Set.of("DEDUCT");
    private static final Set<String> STOCK_WHEN_CANCELLED = Set.of("DEDUCT", "RETURN");
    private static final Set<String> MONEY_WHEN_PLACED = Set.of("DEBIT");
    private static final Set<String> MONEY_WHEN_CANCELLED = Set.of("DEBIT", "REFUND");
    private static final Ledger<StockMovement> STOCK = new Ledger<>(
            FindingKind.STOCK_MISSING,
            FindingKind.STOCK_UNEXPECTED,
            FindingKind.STOCK_MISMATCH,
            StockMovement::type,
            (o, m) -> m.skuId() == o.skuId() && m.quantity() == o.quantity(),
            m -> m.type() + " of " + m.quantity() + " x sku " + m.skuId(),
            o -> "order of " + o.quantity() + " x sku " + o.skuId());
    private static final Ledger<WalletMovement> MONEY = new Ledger<>(
            FindingKind.MONEY_MISSING,
            FindingKind.MONEY_UNEXPECTED,
            FindingKind.MONEY_MISMATCH,
            WalletMovement::type,
            (o, m) -> m.userId() == o.userId() && m.amount() == o.amount(),
            m -> m.type() + " of " + m.amount() + " cents, user " + m.userId(),
            o -> "order of " + o.amount() + " cents by user " + o.userId());

    private LedgerCheck() {}

    /** A disagreement of one kind, in words an operator can act on. */
    record Disagreement(FindingKind kind, String detail) {}

    /**
     * @param order the order as stored; empty: no such order
     * @param stock the stock ledger's movements of the order id
     * @param money the wallet ledger's movements of the order id
     * @return the disagreements, at most one per kind; empty when the books agree. An order in PENDING or
     *         CANCELLING is only UNSETTLED (its ledgers are in between): callers ask about those once they should
     *         have settled
     */
    static List<Disagreement> check(Optional<Order> order, List<StockMovement> stock, List<WalletMovement> money) {
        List<Disagreement> found = new ArrayList<>();
        if (order.isEmpty()) {
            if (!stock.isEmpty()) {
                found.add(new Disagreement(
                        FindingKind.STOCK_UNEXPECTED,
                        "no such order, yet stock movements " + types(stock, StockMovement::type)));
            }
            if (!money.isEmpty()) {
                found.add(new Disagreement(
                        FindingKind.MONEY_UNEXPECTED,
                        "no such order, yet wallet movements " + types(money, WalletMovement::type)));
            }
            return found;
        }
        Order o = order.get();
        if (!o.status().settled()) {
            found.add(new Disagreement(FindingKind.UNSETTLED, "order still " + o.status() + " (" + o.mode() + ")"));
            return found;
        }
        boolean cancelled = o.status() == OrderStatus.CANCELLED;
        compare(o, stock, cancelled ? STOCK_WHEN_CANCELLED : STOCK_WHEN_PLACED, STOCK, found);
        compare(o, money, cancelled ? MONEY_WHEN_CANCELLED : MONEY_WHEN_PLACED, MONEY, found);
        return found;
    }

    /** How one ledger is compared with an order: its kinds of finding, its movements' type, what must agree. */
    private record Ledger<T>(
            FindingKind missing,
            FindingKind unexpected,
            FindingKind mismatch,
            Function<T, String> type,
            BiPredicate<Order, T> agrees,
            Function<T, String> movement,
            Function<Order, String> expected) {}

    private static <T> void compare(
            Order o, List<T> movements, Set<String> required, Ledger<T> ledger, List<Disagreement> found) {
        Set<String> present = movements.stream().map(ledger.type()).collect(Collectors.toSet());
        List<String> missing =
                required.stream().filter(t -> !present.contains(t)).sorted().toList();
        if (!missing.isEmpty()) {
            found.add(new Disagreement(ledger.missing(), o.status() + " order without " + String.join(", ", missing)));
        }
        List<String> unexpected =
                present.stream().filter(t -> !required.contains(t)).sorted().toList();
        if (!unexpected.isEmpty()) {
            found.add(
                    new Disagreement(ledger.unexpected(), o.status() + " order with " + String.join(", ", unexpected)));
        }
        List<String> wrong = movements.stream()
                .filter(m -> required.contains(ledger.type().apply(m)))
                .filter(m -> !ledger.agrees().test(o, m))
                .map(ledger.movement())
                .sorted()
                .toList();
        if (!wrong.isEmpty()) {
            found.add(new Disagreement(
                    ledger.mismatch(), ledger.expected().apply(o) + ", ledger " + String.join(", ", wrong)));
        }
    }

    private static <T> String types(List<T> movements, Function<T, String> type) {
        return movements.stream().map(type).sorted().collect(Collectors.joining(", "));
    }
}
