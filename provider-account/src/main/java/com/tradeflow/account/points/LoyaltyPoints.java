package com.tradeflow.account.points;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.OrderEventHandler;
import org.springframework.stereotype.Component;

/**
 * One point per full 1.00 of an order's amount: credited when the order is placed, taken back when it is
 * cancelled (events of one order arrive in order, so a cancellation finds its points).
 */
@Component
class LoyaltyPoints implements OrderEventHandler {

    private static final long CENTS_PER_POINT = 100;

    private final PointsRepository points;

    LoyaltyPoints(PointsRepository points) {
        this.points = points;
    }

    static long pointsFor(long amountCents) {
        return amountCents / CENTS_PER_POINT;
    }

    @Override
    public void apply(OrderEvent event) {
        long earned = pointsFor(event.amount());
        points.add(event.userId(), event.placed() ? earned : -earned);
    }
}
