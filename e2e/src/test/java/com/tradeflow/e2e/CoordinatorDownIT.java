package com.tradeflow.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Seata TC killed (SIGKILL): purchases answer 503 and write nothing, and so do wallet transfers (they ask the TC
 * whether an AT purchase holds a wallet); once it is back, both work again.
 */
@Order(90)
@ExtendWith(TestStack.class)
class CoordinatorDownIT {

    private static final long PAYER = 17;
    private static final long CROSS_SHARD_PAYEE = 18;

    private final WalletTransfers transfers = new WalletTransfers(TestStack.api(), TestStack.db());

    @Test
    void shouldAnswer503AndWriteNothingWhileTheCoordinatorIsDown() {
        // a quiet start: phase two of earlier purchases has deleted their undo logs
        TestStack.db().awaitNoUndoLogs();
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();
        TestStack.stack().killCoordinator();
        try {
            long started = System.nanoTime();
            Api.Reply reply = TestStack.api().placeOrder(17, 4, 1);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("purchase with the TC down answered %d in %d ms%n", reply.status(), millis);
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");

            Api.Reply transfer = transfers.transfer(PAYER, CROSS_SHARD_PAYEE, 100, "tc-down-1");
            assertThat(transfer.status()).as("%s", transfer.body()).isEqualTo(503);
            assertThat(transfer.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(TestStack.db().snapshot()).isEqualTo(before);
        } finally {
            TestStack.stack().restartCoordinator();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(TestStack.api().placeOrder(17, 4, 1).status()).isEqualTo(201));
        // the same key again: nothing was recorded under it while the TC was down
        assertThat(transfers.transfer(PAYER, CROSS_SHARD_PAYEE, 100, "tc-down-1").status()).isEqualTo(201);
        assertThat(transfers.localXaPrepared()).isZero();
    }
}
