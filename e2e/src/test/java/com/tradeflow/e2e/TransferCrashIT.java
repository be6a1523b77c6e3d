package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * provider-account killed in the middle of a cross-shard transfer's two-phase commit: both XA branches prepared,
 * the commit decision in Atomikos's log, no branch committed. After the restart the manager's recovery finishes it
 * from the log. The payer and the payee are this test's own.
 */
@Order(95)
@ExtendWith(TestStack.class)
class TransferCrashIT {

    private static final String HOLD_BEFORE_COMMIT = "transfer.xa.before-commit";
    private static final long BALANCE = 10_000;

    private final WalletTransfers transfers = new WalletTransfers(TestStack.api(), TestStack.db());

    @AfterEach
    void disarm() {
        TestStack.api().fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), HOLD_BEFORE_COMMIT, false);
    }

    @Test
    void shouldCommitAnInDoubtTransferFromTheLogAfterAKill() throws Exception {
        // consecutive ids: the two shards, so that the transfer is a two-phase commit over both
        List<Long> pair = TestStack.db().newUsers(2, BALANCE);
        long payer = pair.get(0);
        long payee = pair.get(1);
        long total = transfers.totalBalance(payer, payee);
        // a quiet start: a participant killed between acknowledging an earlier test's AT commit and deleting its
        // undo log leaves the log for good (and later tests waiting for none would wait forever)
        TestStack.db().awaitNoUndoLogs();
        TestStack.api().fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), HOLD_BEFORE_COMMIT, true);

        CompletableFuture<Api.Reply> transfer =
                CompletableFuture.supplyAsync(() -> transfers.transfer(payer, payee, 3000, "crash-1"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(transfers.localXaPrepared())
                        .as("both branches prepared")
                        .isEqualTo(2));
        TestStack.stack().kill(ServiceName.ACCOUNT);
        Api.Reply reply;
        try {
            // the dead session's prepared branches stay in the databases, nothing committed
            assertThat(transfers.localXaPrepared()).isEqualTo(2);
            assertThat(transfers.storedBalance(payer)).isEqualTo(BALANCE);
            reply = transfer.get(60, TimeUnit.SECONDS);
        } finally {
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }
        assertThat(reply.status())
                .as("the caller did not learn the outcome: %s", reply.body())
                .isEqualTo(503);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(transfers.localXaPrepared()).isZero();
            assertThat(transfers.storedBalance(payer)).isEqualTo(BALANCE - 3000);
            assertThat(transfers.storedBalance(payee)).isEqualTo(BALANCE + 3000);
        });
        assertThat(transfers.totalBalance(payer, payee)).isEqualTo(total);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(transfers.xaPreparedAll())
                        .as("XA RECOVER is empty")
                        .isZero());

        // the caller's retry with the same key finds the recovered transfer: nothing moves twice
        Api.Reply retried = transfers.transfer(payer, payee, 3000, "crash-1");
        assertThat(retried.status()).as("%s", retried.body()).isEqualTo(200);
        String id = retried.body().path("transferId").asText();
        assertThat(transfers.ledger(id)).containsExactlyInAnyOrderEntriesOf(Map.of("OUT", payer, "IN", payee));
        assertThat(transfers.get(payer, id).body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(transfers.storedBalance(payer)).isEqualTo(BALANCE - 3000);
    }
}
