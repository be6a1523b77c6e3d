package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.inventory.StockMovement;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private LedgerCheck() {
    }

    /** A disagreement of one kind, in words an operator can act on. */
    record Disagreement(FindingKind kind, String detail) {
    }

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
                found.add(new Disagreement(FindingKind.STOCK_UNEXPECTED, "no such order, yet stock movements "
                        + types(stock, StockMovement::type)));
            }
            if (!money.isEmpty()) {
                found.add(new Disagreement(FindingKind.MONEY_UNEXPECTED, "no such order, yet wallet movements "
                        + types(money, WalletMovement::type)));
            }
            return found;
        }
        Order o = order.get();
        if (!o.status().settled()) {
            found.add(new Disagreement(FindingKind.UNSETTLED, "order still " + o.status() + " ("
                    + o.mode() + ")"));
            return found;
        }
        boolean cancelled = o.status() == OrderStatus.CANCELLED;
        checkStock(o, stock, cancelled ? STOCK_WHEN_CANCELLED : STOCK_WHEN_PLACED, found);
        checkMoney(o, money, cancelled ? MONEY_WHEN_CANCELLED : MONEY_WHEN_PLACED, found);
        return found;
    }

    private static void checkStock(Order o, List<StockMovement> stock, Set<String> required,
            List<Disagreement> found) {
        Set<String> present = stock.stream().map(StockMovement::type).collect(Collectors.toSet());
        missingAndUnexpected(o, present, required, FindingKind.STOCK_MISSING, FindingKind.STOCK_UNEXPECTED, found);
        List<String> wrong = stock.stream().filter(m -> required.contains(m.type()))
                .filter(m -> m.skuId() != o.skuId() || m.quantity() != o.quantity())
                .map(m -> m.type() + " of " + m.quantity() + " x sku " + m.skuId()).sorted().toList();
        if (!wrong.isEmpty()) {
            found.add(new Disagreement(FindingKind.STOCK_MISMATCH, "order of " + o.quantity() + " x sku "
                    + o.skuId() + ", ledger " + String.join(", ", wrong)));
        }
    }

    private static void checkMoney(Order o, List<WalletMovement> money, Set<String> required,
            List<Disagreement> found) {
        Set<String> present = money.stream().map(WalletMovement::type).collect(Collectors.toSet());
        missingAndUnexpected(o, present, required, FindingKind.MONEY_MISSING, FindingKind.MONEY_UNEXPECTED, found);
        List<String> wrong = money.stream().filter(m -> required.contains(m.type()))
                .filter(m -> m.userId() != o.userId() || m.amount() != o.amount())
                .map(m -> m.type() + " of " + m.amount() + " cents, user " + m.userId()).sorted().toList();
        if (!wrong.isEmpty()) {
            found.add(new Disagreement(FindingKind.MONEY_MISMATCH, "order of " + o.amount() + " cents by user "
                    + o.userId() + ", ledger " + String.join(", ", wrong)));
        }
    }

    private static void missingAndUnexpected(Order o, Set<String> present, Set<String> required,
            FindingKind missingKind, FindingKind unexpectedKind, List<Disagreement> found) {
        List<String> missing = required.stream().filter(t -> !present.contains(t)).sorted().toList();
        if (!missing.isEmpty()) {
            found.add(new Disagreement(missingKind, o.status() + " order without " + String.join(", ", missing)));
        }
        List<String> unexpected = present.stream().filter(t -> !required.contains(t)).sorted().toList();
        if (!unexpected.isEmpty()) {
            found.add(new Disagreement(unexpectedKind, o.status() + " order with " + String.join(", ", unexpected)));
        }
    }

    private static <T> String types(List<T> movements, Function<T, String> type) {
        return movements.stream().map(type).sorted().collect(Collectors.joining(", "));
    }
}
