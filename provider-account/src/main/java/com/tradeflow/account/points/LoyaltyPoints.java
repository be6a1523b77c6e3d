package com.tradeflow.account.points;

import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.OrderEventHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

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
        points.add(event.userId(), change(event));
    }

    /** A batch: the changes summed per user, written as one statement. */
    @Override
    public void applyAll(List<OrderEvent> events) {
        points.addAll(events.stream().collect(Collectors.groupingBy(OrderEvent::userId,
                Collectors.summingLong(LoyaltyPoints::change))));
    }

    private static long change(OrderEvent event) {
        long earned = pointsFor(event.amount());
        return event.placed() ? earned : -earned;
    }
}
