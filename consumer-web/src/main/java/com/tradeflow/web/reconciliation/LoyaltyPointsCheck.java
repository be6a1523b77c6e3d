package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.AppliedOrderEvent;
import com.tradeflow.api.account.LoyaltyPointsRule;
import com.tradeflow.api.account.PointsBalance;
import com.tradeflow.api.account.PointsBalances;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.web.order.Order;
import com.tradeflow.web.order.OrderRepository;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Every user whose loyalty points changed holds what the order events applied to them are worth: each applied
 * OrderPlaced adds its order's points ({@link LoyaltyPointsRule}, from the order's own amount here, not from the
 * event), each OrderCancelled takes them back. An applied event of an order that does not exist (or is another
 * user's) is a finding of its own: those points came from nowhere, and what they were worth cannot be told.
 * (An event on its way is not applied yet: its order is not expected.)
 */
@Component
@org.springframework.core.annotation.Order(7)
class LoyaltyPointsCheck extends PositionedCheck<LoyaltyPointsCheck.UserPoints> {

    /** How many unknown orders a finding names at most. */
    private static final int NAMED = 10;

    /** A user's points and events, with the orders those events are about (as this service knows them). */
    record UserPoints(PointsBalance balance, Map<Long, Order> orders) {}

    private final WalletService wallets;
    private final OrderRepository orders;

    LoyaltyPointsCheck(
            Findings findings, ReconciliationProperties properties, WalletService wallets, OrderRepository orders) {
        super(Subject.POINTS, "account.wallet_points", findings, properties);
        this.wallets = wallets;
        this.orders = orders;
    }

    static List<Disagreement> disagreements(UserPoints user) {
        PointsBalance balance = user.balance();
        List<Long> unknown = balance.applied().stream()
                .map(AppliedOrderEvent::orderId)
                .filter(orderId -> !isTheUsers(user.orders().get(orderId), balance.userId()))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            return List.of(new Disagreement(
                    FindingKind.POINTS_UNKNOWN_ORDER,
                    balance.points() + " points include "
                            + "events of " + unknown.size() + " order(s) this user does not have: "
                            + unknown.stream().limit(NAMED).map(String::valueOf).collect(Collectors.joining(", "))));
        }
        long expected = 0;
        for (AppliedOrderEvent event : balance.applied()) {
            long worth = LoyaltyPointsRule.pointsFor(
                    user.orders().get(event.orderId()).amount());
            expected += OrderEvent.PLACED.equals(event.eventType())
                    ? worth
                    : OrderEvent.CANCELLED.equals(event.eventType()) ? -worth : 0;
        }
        return balance.points() == expected
                ? List.of()
                : List.of(new Disagreement(
                        FindingKind.POINTS_MISMATCH,
                        balance.points() + " points, the " + balance.applied().size()
                                + " order event(s) applied are worth " + expected));
    }

    private static boolean isTheUsers(Order order, long userId) {
        return order != null && order.userId() == userId;
    }

    @Override
    Page<UserPoints> changedAfter(String position, long settleMillis, int limit) {
        PointsBalances page = wallets.getPointsChangedAfter(position, settleMillis, limit);
        return new Page<>(withOrders(page.users()), page.next(), page.more());
    }

    @Override
    List<UserPoints> current(List<String> ids) {
        return withOrders(wallets.getPoints(ids.stream().map(Long::valueOf).toList()));
    }

    /** The orders of every applied event of these users, looked up together. */
    private List<UserPoints> withOrders(List<PointsBalance> users) {
        Map<Long, Order> found = orders.findAll(users.stream()
                .flatMap(user -> user.applied().stream())
                .map(AppliedOrderEvent::orderId)
                .distinct()
                .toList());
        return users.stream().map(user -> new UserPoints(user, found)).toList();
    }

    @Override
    String idOf(UserPoints user) {
        return Long.toString(user.balance().userId());
    }

    @Override
    Checked check(UserPoints user) {
        return Checked.of(
                Subject.POINTS, user.balance().userId(), user.balance().userId(), disagreements(user));
    }
}
