package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A provider process killed (SIGKILL): purchases answer 503 fast and write nothing; a restart heals. */
@Order(100)
@ExtendWith(TestStack.class)
class ProviderKilledIT {

    @Test
    void shouldAnswer503AndWriteNothingWhileTheWalletProviderIsDown() {
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(999, 1_000);
        // a quiet start: phase two of earlier purchases has deleted their undo logs
        TestStack.db().awaitNoUndoLogs();
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();
        TestStack.stack().kill(ServiceName.ACCOUNT);
        try {
            Api.Reply reply = TestStack.api().placeOrder(user, sku, 1);
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(TestStack.api().as(user).get("/api/wallets/" + user).code())
                    .isEqualTo("DEPENDENCY_UNAVAILABLE");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(TestStack.db().snapshot()).isEqualTo(before);
                assertThat(TestStack.db().undoLogRows()).isZero();
            });
        } finally {
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                TestStack.api().placeOrder(user, sku, 1).status())
                        .isEqualTo(201));
    }
}
