package com.tradeflow.account.points;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.tradeflow.api.event.OrderEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoyaltyPointsTests {

    private final PointsRepository repository = mock(PointsRepository.class);
    private final LoyaltyPoints points = new LoyaltyPoints(repository);

    private static OrderEvent event(String type, long orderId, long userId, long amount) {
        return new OrderEvent("e" + orderId + type, type, orderId, userId, 3, 1, amount, Instant.EPOCH);
    }

    @Test
    void shouldAddABatchsPointsPerUserInOneWrite() {
        points.applyAll(List.of(
                event(OrderEvent.PLACED, 1, 7, 1250),
                event(OrderEvent.PLACED, 2, 8, 300),
                event(OrderEvent.PLACED, 3, 7, 199),
                event(OrderEvent.CANCELLED, 1, 7, 1250)));

        // user 7: +12 +1 -12; user 8: +3 (one point per full 1.00)
        verify(repository).addAll(Map.of(7L, 1L, 8L, 3L));
        verifyNoMoreInteractions(repository);
    }
}
