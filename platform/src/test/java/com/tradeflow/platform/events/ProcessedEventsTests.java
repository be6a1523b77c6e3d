package com.tradeflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.event.OrderEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class ProcessedEventsTests {

    private static final String CONSUMER = "account-points";
    private static final String MULTI_ROW = "INSERT INTO processed_events (consumer, event_id, event_type, order_id, "
            + "user_id) VALUES (?, ?, ?, ?, ?), ";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final ProcessedEvents processed = new ProcessedEvents(jdbc);

    private static OrderEvent event(String id) {
        return new OrderEvent(id, OrderEvent.PLACED, 1, 7, 3, 1, 500, Instant.EPOCH);
    }

    @Test
    void shouldRecordABatchWithOneStatement() {
        List<OrderEvent> batch = List.of(event("a"), event("b"), event("c"));

        assertThat(processed.firstDeliveries(CONSUMER, batch)).containsExactlyElementsOf(batch);

        verify(jdbc).update(eq(MULTI_ROW + "(?, ?, ?, ?, ?), (?, ?, ?, ?, ?)"), any(Object[].class));
    }

    @Test
    void shouldTellTheRepeatsApartOneByOneWhenTheBatchHasOne() {
        List<OrderEvent> batch = List.of(event("a"), event("b"), event("c"));
        when(jdbc.update(startsWith(MULTI_ROW), any(Object[].class))).thenThrow(new DuplicateKeyException("b"));
        when(jdbc.update(eq("""
                INSERT INTO processed_events (consumer, event_id, event_type, order_id, user_id)
                VALUES (?, ?, ?, ?, ?)"""), eq(CONSUMER), eq("b"), any(), any(), any()))
                .thenThrow(new DuplicateKeyException("b"));

        assertThat(processed.firstDeliveries(CONSUMER, batch)).containsExactly(event("a"), event("c"));

        verify(jdbc, times(4)).update(any(String.class), any(Object[].class));
    }
}
