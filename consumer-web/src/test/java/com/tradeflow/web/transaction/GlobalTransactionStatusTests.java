package com.tradeflow.web.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.seata.core.model.GlobalStatus;
import org.junit.jupiter.api.Test;

class GlobalTransactionStatusTests {

    @Test
    void shouldTakeAnUnconfirmedCommitAsCommittedOnlyWhenTheCoordinatorSaysSoOrForgotItWithTheWritesThere() {
        assertThat(afterUnconfirmedCommit(GlobalStatus.Committed, true)).hasValue(GlobalStatus.Committed);
        assertThat(afterUnconfirmedCommit(GlobalStatus.AsyncCommitting, true)).hasValue(GlobalStatus.Committed);
        assertThat(afterUnconfirmedCommit(GlobalStatus.CommitRetrying, true)).hasValue(GlobalStatus.Committed);
        assertThat(afterUnconfirmedCommit(GlobalStatus.Finished, true)).hasValue(GlobalStatus.Committed);

        // forgotten and the writes gone: rolled back, there is no order to show
        assertThat(afterUnconfirmedCommit(GlobalStatus.Finished, false)).isEmpty();
        // the commit never arrived: still running, or timed out and rolling back
        assertThat(afterUnconfirmedCommit(GlobalStatus.Begin, true)).isEmpty();
        assertThat(afterUnconfirmedCommit(GlobalStatus.TimeoutRollbacking, true))
                .isEmpty();
        assertThat(afterUnconfirmedCommit(GlobalStatus.Rollbacked, true)).isEmpty();
        // the coordinator cannot be asked
        assertThat(coordinatorSays(Optional.empty()).afterUnconfirmedCommit("xid", true))
                .isEmpty();
    }

    private static Optional<GlobalStatus> afterUnconfirmedCommit(GlobalStatus now, boolean writesThere) {
        return coordinatorSays(Optional.of(now)).afterUnconfirmedCommit("xid", writesThere);
    }

    /** The component with the coordinator's answer fixed (asking it needs a running TC). */
    private static GlobalTransactionStatus coordinatorSays(Optional<GlobalStatus> answer) {
        return new GlobalTransactionStatus() {
            @Override
            public Optional<GlobalStatus> current(String xid) {
                return answer;
            }
        };
    }
}
