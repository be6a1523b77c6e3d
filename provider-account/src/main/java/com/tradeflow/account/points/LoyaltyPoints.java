package com.tradeflow.account.points;

import com.tradeflow.api.account.LoyaltyPointsRule;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.events.OrderEventHandler;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * An order's points ({@link LoyaltyPointsRule}): credited when the order is placed, taken back when it is
 * cancelled (events of one order arrive in order, so a cancellation finds its points).
 */
@Component
class LoyaltyPoints implements OrderEventHandler {

    private final PointsRepository points;

    LoyaltyPoints(PointsRepository points) {
        this.points = points;
    }

    @Override
    public void apply(OrderEvent event) {
        points.add(event.userId(), change(event));
    }

    /** A batch: the changes summed per user, written as one statement. */
    @Override
    public void applyAll(List<OrderEvent> events) {
        points.addAll(events.stream()
                .collect(Collectors.groupingBy(OrderEvent::userId, Collectors.summingLong(LoyaltyPoints::change))));
    }

    private static long change(OrderEvent event) {
        long earned = LoyaltyPointsRule.pointsFor(event.amount());
        return event.placed() ? earned : -earned;
    }
}
