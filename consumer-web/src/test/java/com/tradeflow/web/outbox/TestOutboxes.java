package com.tradeflow.web.outbox;

import static org.mockito.Mockito.mock;

import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.platform.events.EventJson;
import com.tradeflow.platform.tracing.MessageTraces;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox over a test database, for repository tests of other packages. */
public final class TestOutboxes {

    private TestOutboxes() {}

    /** Order events on; no relay to wake (the tests read the rows). */
    @SuppressWarnings("unchecked")
    public static OutboxRepository over(JdbcTemplate jdbc, BranchTypeRoutingDataSource dataSource) {
        return new OutboxRepository(
                jdbc, dataSource, new EventJson(), true, mock(ObjectProvider.class), MessageTraces.off());
    }
}
