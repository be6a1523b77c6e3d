package com.tradeflow.web.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tradeflow.api.event.EventTopics;
import com.tradeflow.api.event.OrderEvent;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.TestOrderDatabase;
import com.tradeflow.web.events.EventSender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One relay pass over a real MariaDB with the service's migrations: what it sends, in which order, and what a
 * refused or unreachable broker leaves in the table. The broker is a fake that records what it was sent.
 */
class OutboxRelayTests {

    private static final AtomicLong ORDER_IDS = new AtomicLong(5_000);

    private static JdbcTemplate jdbc;
    private static BranchTypeRoutingDataSource userDatabase;

    private final EventSender broker = mock(EventSender.class);
    private final List<String> sent = new ArrayList<>();
    /** Events the fake broker refuses, alone or in a request. */
    private final Set<String> refusing = new HashSet<>();

    private OutboxRelay relay;

    @BeforeAll
    static void database() {
        DataSource database = TestOrderDatabase.migrated("web_outbox");
        jdbc = new JdbcTemplate(database);
        userDatabase = mock(BranchTypeRoutingDataSource.class);
        when(userDatabase.physicalPools()).thenReturn(List.of(database));
    }

    @BeforeEach
    void relay() {
        // each test starts from an empty outbox: rows left by another test must not fill its batch
        jdbc.update("DELETE FROM outbox_events");
        // the broker stores a request whole, or refuses it whole when it refuses one of its events
        when(broker.sendBatched(anyList())).thenAnswer(call -> {
            List<EventSender.Outgoing> events = call.getArgument(0);
            if (events.stream().anyMatch(e -> refusing.contains(e.eventId()))) {
                return events;
            }
            events.forEach(e -> sent.add(e.eventId()));
            return List.of();
        });
        doAnswer(call -> {
                    EventSender.Outgoing event = call.getArgument(0);
                    if (refusing.contains(event.eventId())) {
                        throw failure(false);
                    }
                    return sent.add(event.eventId());
                })
                .when(broker)
                .send(any(EventSender.Outgoing.class));
        OutboxProperties properties = new OutboxProperties(
                true,
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                100,
                3,
                Duration.ofSeconds(30),
                2.0,
                0.0,
                Duration.ofMinutes(5),
                Duration.ofMinutes(1));
        relay = new OutboxRelay(userDatabase, mock(OutboxLocks.class), broker, properties, new FaultSwitches());
    }

    private static String pending(long orderId) {
        OrderEvent event = new OrderEvent(
                "event-" + ORDER_IDS.incrementAndGet(), OrderEvent.PLACED, orderId, 7L, 3L, 1, 250L, Instant.now());
        TestOutboxes.over(jdbc, userDatabase).append(event, OutboxStatus.PENDING);
        return event.eventId();
    }

    private static String status(String eventId) {
        return jdbc.queryForObject("SELECT status FROM outbox_events WHERE event_id = ?", String.class, eventId);
    }

    private static EventSender.SendFailed failure(boolean unreachable) {
        EventSender.SendFailed failed = mock(EventSender.SendFailed.class);
        when(failed.unreachable()).thenReturn(unreachable);
        when(failed.getMessage()).thenReturn(unreachable ? "connect timed out" : "broker refused: no route");
        return failed;
    }

    @Test
    void shouldSendPendingRowsInWriteOrderAndMarkThemSent() throws Exception {
        String first = pending(1L);
        String second = pending(2L);
        String third = pending(1L);

        assertThat(relay.relay(0)).isTrue();

        assertThat(sent).containsExactly(first, second, third);
        assertThat(List.of(status(first), status(second), status(third))).containsOnly("SENT");
        // in requests, not one by one
        verify(broker, never()).send(any(EventSender.Outgoing.class));
        // nothing left: the next pass finds nothing to do
        assertThat(relay.relay(0)).isFalse();
    }

    @Test
    void shouldRetryARefusedRowLaterAndHoldItsOrdersLaterRowsButNotOtherOrders() throws Exception {
        String refused = pending(10L);
        String behindIt = pending(10L);
        String otherOrder = pending(11L);
        refusing.add(refused);

        relay.relay(0);

        // the request with the refused row went row by row: the other order's row got through
        assertThat(sent).containsExactly(otherOrder);
        assertThat(status(refused)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM outbox_events WHERE event_id = ? AND next_attempt_at > NOW(3)",
                        Integer.class,
                        refused))
                .isOne();
        assertThat(status(behindIt)).isEqualTo("PENDING");

        // the refused row waits for its retry: its order's later row waits with it, pass after pass
        sent.clear();
        relay.relay(0);
        assertThat(sent).isEmpty();
        assertThat(status(behindIt)).isEqualTo("PENDING");
    }

    @Test
    void shouldStopThePassWithoutMarkingAnythingWhenTheBrokerIsUnreachable() throws Exception {
        String first = pending(20L);
        pending(21L);
        doThrow(failure(true)).when(broker).sendBatched(anyList());

        assertThatThrownBy(() -> relay.relay(0)).isInstanceOf(EventSender.SendFailed.class);

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_events WHERE status = 'PENDING' AND attempts = 0", Integer.class))
                .isEqualTo(2);
        assertThat(status(first)).isEqualTo("PENDING");
    }

    /**
     * The batch is read before an earlier row of its order was re-queued (DEAD then, PENDING and due when the held
     * orders are read: each read is a snapshot of its own): the order's row in the batch must wait for it.
     */
    @Test
    void shouldHoldABatchRowBehindAnEarlierRowOfItsOrderThatTheBatchDidNotSee() {
        String requeued = pending(30L);
        String later = pending(30L);
        long laterSeq = jdbc.queryForObject("SELECT seq FROM outbox_events WHERE event_id = ?", Long.class, later);
        long requeuedSeq =
                jdbc.queryForObject("SELECT seq FROM outbox_events WHERE event_id = ?", Long.class, requeued);
        OutboxRelay.Candidate seenAlone = new OutboxRelay.Candidate(
                laterSeq, later, EventTopics.ORDER_EVENTS, 30L, OrderEvent.CANCELLED, "{}", 0, null, null, null);

        assertThat(OutboxRelay.heldOrders(jdbc, List.of(seenAlone))).containsEntry(30L, requeuedSeq);
        assertThat(OutboxRelay.heldOrders(
                        jdbc,
                        List.of(
                                new OutboxRelay.Candidate(
                                        requeuedSeq,
                                        requeued,
                                        EventTopics.ORDER_EVENTS,
                                        30L,
                                        OrderEvent.PLACED,
                                        "{}",
                                        0,
                                        null,
                                        null,
                                        null),
                                seenAlone)))
                .as("both in the batch: nothing holds them")
                .isEmpty();
    }
}
