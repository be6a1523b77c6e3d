package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 300 top-ups through both consumer-web instances while the gateway misbehaves in every way it can: 15% of its
 * answers are errors, 15% come after our timeout (the payment was made all the same), 30% of payments never notify,
 * 30% notify twice at once, some notify a stale PENDING after the final result, 10% end FAILED. Afterwards no
 * top-up is PENDING, each has the gateway's final status, every SUCCEEDED payment is credited exactly once and no
 * FAILED one is, and the money added to the wallets is the sum of the succeeded payments.
 */
@Order(14)
@ExtendWith(TestStack.class)
class TopUpFaultsIT {

    private static final int TOP_UPS = 300;
    private static final int CLIENTS = 12;
    private static final int USERS = 30;
    /**
     * Errors and timeouts together well under the gateway breaker's 50 % (consumer-web-degrade-rules): at 40 % it
     * opened now and then, and each 10 s window stalled the job (the run took 32 to 70 s); SentinelIT covers it.
     */
    private static final String FAULTS = "{\"errorRate\":0.15,\"timeoutRate\":0.15,\"timeoutDelayMillis\":1500,"
            + "\"lostNotificationRate\":0.3,\"duplicateNotificationRate\":0.3,\"outOfOrderRate\":0.3,"
            + "\"failedRate\":0.1,\"seed\":20261125}";

    private final Gateway gateway = new Gateway(TestStack.stack());
    private final TopUps topUps = new TopUps(TestStack.db());
    private final Databases db = TestStack.db();

    @AfterEach
    void noFaults() {
        gateway.faults(Gateway.NO_FAULTS);
    }

    @Test
    void shouldCreditEverySucceededPaymentOnceAndNothingElseUnderGatewayFaults() throws Exception {
        // created before the money is counted: their wallets are not what the top-ups added
        List<Long> users = db.newUsers(USERS, 100_000);
        long moneyBefore = db.totalBalance();
        long creditedBefore = topUps.creditedAmount();
        long ledgerBefore = topUps.ledgerTopUps();
        JsonNode statsBefore = gateway.stats();
        gateway.faults(FAULTS);

        List<Api.Reply> replies = startTopUps(users);
        assertThat(replies)
                .allSatisfy(r -> assertThat(r.status()).as("%s", r.body()).isEqualTo(202));
        Set<String> ours = replies.stream()
                .map(r -> r.body().path("merchantOrderNo").asText())
                .collect(Collectors.toSet());
        assertThat(ours).hasSize(TOP_UPS);

        // with the faults still on: the reconciliation job submits what never got through and queries the rest
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        assertThat(pending(ours)).as("top-ups still PENDING").isEmpty());
        Map<String, Map<String, Object>> stored = topUps.topUps();
        Map<String, JsonNode> atGateway = gateway.payments();
        List<String> succeeded = new ArrayList<>();
        long succeededAmount = 0;
        for (String number : ours) {
            JsonNode payment = atGateway.get(number);
            assertThat(payment).as("the gateway has %s", number).isNotNull();
            assertThat(stored.get(number).get("status"))
                    .as(number)
                    .isEqualTo(payment.path("status").asText());
            assertThat(((Number) stored.get(number).get("amount")).longValue())
                    .isEqualTo(payment.path("amount").asLong());
            if ("SUCCEEDED".equals(payment.path("status").asText())) {
                succeeded.add(number);
                succeededAmount += payment.path("amount").asLong();
            }
        }
        long expectedCredit = succeededAmount;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> credited = topUps.credits().stream()
                    .map(c -> (String) c.get("merchant_order_no"))
                    .filter(ours::contains)
                    .toList();
            assertThat(credited).containsExactlyInAnyOrderElementsOf(succeeded);
            assertThat(topUps.creditedAmount() - creditedBefore).isEqualTo(expectedCredit);
        });
        assertThat(db.totalBalance() - moneyBefore).as("money added to wallets").isEqualTo(expectedCredit);
        assertThat(topUps.ledgerTopUps() - ledgerBefore).isEqualTo(succeeded.size());

        long failed = ours.stream()
                .filter(n -> "FAILED".equals(stored.get(n).get("status")))
                .count();
        long byQuery = ours.stream()
                .filter(n -> "QUERY".equals(stored.get(n).get("resolved_by")))
                .count();
        JsonNode stats = gateway.stats();
        long duplicated = stats.at("/notifications/duplicated").asLong()
                - statsBefore.at("/notifications/duplicated").asLong();
        long outOfOrder = stats.at("/notifications/outOfOrder").asLong()
                - statsBefore.at("/notifications/outOfOrder").asLong();
        long lost = stats.at("/notifications/lost").asLong()
                - statsBefore.at("/notifications/lost").asLong();
        // settled by query: by the job, or by a retried create that found the payment final already
        System.out.printf(
                "top-ups under faults: %d succeeded (%d cents), %d failed; %d settled by query; gateway: "
                        + "%d lost, %d duplicated, %d out-of-order notifications%n",
                succeeded.size(), succeededAmount, failed, byQuery, lost, duplicated, outOfOrder);
        // the faults really happened (the assertions above would pass trivially without them)
        assertThat(failed).isPositive();
        assertThat(byQuery).isPositive();
        assertThat(duplicated).isPositive();
        assertThat(outOfOrder).isPositive();
    }

    private List<Api.Reply> startTopUps(List<Long> users) throws Exception {
        Random random = new Random(7);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < TOP_UPS; i++) {
                Api api = TestStack.api(i % 2 == 0 ? ServiceName.WEB : ServiceName.WEB_TRANSACTIONAL);
                long user = users.get(random.nextInt(USERS));
                long amount = 100 + random.nextInt(4901);
                calls.add(clients.submit(
                        () -> api.topUp(user, amount, UUID.randomUUID().toString())));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> call : calls) {
                replies.add(call.get());
            }
            return replies;
        } finally {
            clients.shutdownNow();
        }
    }

    private List<String> pending(Set<String> ours) {
        return topUps.topUps().values().stream()
                .filter(t -> ours.contains((String) t.get("merchant_order_no")))
                .filter(t -> "PENDING".equals(t.get("status")))
                .map(t -> (String) t.get("merchant_order_no"))
                .toList();
    }
}
