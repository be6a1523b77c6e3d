package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * consumer-web killed (SIGKILL) with two top-ups half done: one stored and not yet handed to the gateway, one whose
 * result notification is stored and not yet processed. The reconciliation job of the other instance finishes both
 * while the killed one is down (submits the first, processes the stored notification); after the restart the
 * gateway's re-sent notification is answered from the stored outcome. Each is paid once at the gateway, settled
 * once, credited once.
 */
@Order(15)
@ExtendWith(TestStack.class)
class TopUpCrashIT {

    private static final String HOLD_BEFORE_GATEWAY = "topups.before-gateway-call";
    private static final String HOLD_AFTER_STORE = "payments.callback.after-store";

    private final Api api = TestStack.api();
    private final Gateway gateway = new Gateway(TestStack.stack());
    private final TopUps topUps = new TopUps(TestStack.db());
    private final int webPort = TestStack.stack().managementPort(ServiceName.WEB);

    @AfterEach
    void noFaults() {
        gateway.faults(Gateway.NO_FAULTS);
    }

    @Test
    void shouldFinishTopUpsInterruptedByACrashOnceEach() {
        // one in each order database, where a user's top-ups are stored
        List<Long> users = TestStack.db().newUsers(2, 100_000);
        long notifiedUser = users.get(0);
        long unsentUser = users.get(1);
        long notifiedBefore = api.balance(notifiedUser);
        long unsentBefore = api.balance(unsentUser);
        boolean restarted = false;
        try {
            // 1. a notification stored, held before processing
            api.fault(webPort, HOLD_AFTER_STORE, true);
            Api.Reply notified = api.topUp(notifiedUser, 4200, UUID.randomUUID().toString());
            assertThat(notified.status()).isEqualTo(202);
            String notifiedNumber = notified.body().path("merchantOrderNo").asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> topUps.notifications(notifiedNumber).size() == 1);
            assertThat(topUps.notifications(notifiedNumber).get(0).get("state")).isEqualTo("RECEIVED");

            // 2. a top-up stored, its request held before the gateway call
            api.fault(webPort, HOLD_BEFORE_GATEWAY, true);
            String key = UUID.randomUUID().toString();
            CompletableFuture<Api.Reply> held = CompletableFuture.supplyAsync(() -> api.topUp(unsentUser, 1700, key));
            await().atMost(Duration.ofSeconds(20)).until(() -> stored(key) != null);
            String unsentNumber = (String) stored(key).get("merchant_order_no");
            assertThat(gateway.payments()).doesNotContainKey(unsentNumber);

            TestStack.stack().kill(ServiceName.WEB);
            assertThat(held).failsWithin(Duration.ofSeconds(30));
            assertThat(topUps.topUp(notifiedNumber).get("status")).isEqualTo("PENDING");

            // the other instance's job: the unprocessed notification, then the unsent top-up (submitted with the
            // notify URL it was stored with, the dead instance's, so its result is found by query)
            // (the stored notification can only be processed by a job while its instance is down; the query may
            // have settled its top-up first, then the notification changed nothing)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(topUps.topUp(notifiedNumber).get("status")).isEqualTo("SUCCEEDED");
                assertThat(topUps.topUp(unsentNumber).get("status")).isEqualTo("SUCCEEDED");
                assertThat(topUps.notifications(notifiedNumber)).singleElement().satisfies(n -> {
                    assertThat(n.get("state")).isEqualTo("PROCESSED");
                    assertThat(n.get("outcome")).isIn("SUCCEEDED", "ALREADY_FINAL");
                });
            });
            assertThat(gateway.payments().get(unsentNumber).path("amount").asLong())
                    .isEqualTo(1700);

            TestStack.stack().restart(ServiceName.WEB);
            restarted = true;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(api.balance(notifiedUser)).isEqualTo(notifiedBefore + 4200);
                assertThat(api.balance(unsentUser)).isEqualTo(unsentBefore + 1700);
            });
            // the gateway re-sends its notification to the restarted instance until acknowledged: answered from
            // the stored outcome, nothing applied twice
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(api.balance(notifiedUser)).isEqualTo(notifiedBefore + 4200);
                assertThat(api.balance(unsentUser)).isEqualTo(unsentBefore + 1700);
            });
            assertThat(topUps.credits())
                    .filteredOn(c -> notifiedNumber.equals(c.get("merchant_order_no"))
                            || unsentNumber.equals(c.get("merchant_order_no")))
                    .hasSize(2);
        } finally {
            if (!restarted) {
                TestStack.stack().restart(ServiceName.WEB);
            }
        }
    }

    private Map<String, Object> stored(String idempotencyKey) {
        return topUps.topUps().values().stream()
                .filter(t -> idempotencyKey.equals(t.get("idempotency_key")))
                .findFirst()
                .orElse(null);
    }
}
