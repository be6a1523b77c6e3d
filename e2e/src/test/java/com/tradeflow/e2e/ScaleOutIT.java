package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.DevStack;
import com.tradeflow.devstack.service.ServiceInstance;
import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of each provider (what {@code DEVSTACK_INSTANCES=2} starts; here added to the running test stack):
 * Dubbo spreads the purchases' calls over both instances of each, and SIGTERM to one instance of each at once under
 * purchases, as an orchestrator stops them, loses no purchase: each leaves Nacos first and finishes the calls it has.
 * The added instances are stopped at the end.
 */
@Order(87)
@ExtendWith(TestStack.class)
class ScaleOutIT {

    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final int SPREAD_PURCHASES = 36;
    private static final int CLIENTS = 4;
    private static final Duration LOAD_AFTER_STOP = Duration.ofSeconds(5);
    private static final String CALLS = "tradeflow_rpc_server_seconds_count";
    private static final Map<ServiceName, String> WRITE =
            Map.of(ServiceName.INVENTORY, "method=\"deduct\"", ServiceName.ACCOUNT, "method=\"debit\"");

    @Test
    void shouldSpreadCallsOverProviderInstancesAndLoseNoPurchaseWhenOneStops() throws Exception {
        DevStack stack = TestStack.stack();
        Api api = TestStack.api();
        List<Long> users = TestStack.db().newUsers(CLIENTS, 10_000_000);
        // a sku per client: purchases of one sku by several clients at once would meet each other's row locks (409)
        List<Long> skus = TestStack.db().newProducts(CLIENTS, 100, 100_000);
        List<ServiceInstance> added = stack.addInstances(List.of(ServiceName.INVENTORY, ServiceName.ACCOUNT));
        ServiceInstance inventory2 = added.get(0);
        ServiceInstance account2 = added.get(1);
        try {
            List<ServiceInstance> providers = List.of(
                    ServiceInstance.first(ServiceName.INVENTORY),
                    inventory2,
                    ServiceInstance.first(ServiceName.ACCOUNT),
                    account2);
            // consumer-web learns of the new instances from Nacos' push; until then all calls go to the first
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<ServiceInstance, Double> before = writes(providers);
                for (int i = 0; i < SPREAD_PURCHASES; i++) {
                    Api.Reply reply =
                            api.placeOrder(users.get(i % CLIENTS), skus.get(i % CLIENTS), 1, MODES[i % MODES.length]);
                    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
                }
                Map<ServiceInstance, Double> after = writes(providers);
                for (ServiceInstance provider : providers) {
                    assertThat(after.get(provider))
                            .as("%s served some of %d purchases", provider, SPREAD_PURCHASES)
                            .isGreaterThan(before.get(provider));
                }
            });

            PurchaseLoad load = PurchaseLoad.start(api, users, skus);
            Map<Integer, Integer> statuses;
            int answeredBeforeStops;
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> load.answered() >= 20);
                answeredBeforeStops = load.answered();
                // both at once, as a rolling update stops a batch of instances
                CompletableFuture<Void> accountStopped = CompletableFuture.runAsync(() -> stack.stop(account2));
                stack.stop(inventory2);
                accountStopped.join();
                Thread.sleep(LOAD_AFTER_STOP.toMillis());
            } finally {
                statuses = load.stop();
            }
            int answeredDuringStop = load.answered() - answeredBeforeStops;
            System.out.printf(
                    "answers while a provider instance of each stopped: %s (%d during and after the stops)%n",
                    statuses, answeredDuringStop);
            assertThat(statuses.keySet())
                    .as("every purchase placed, none lost to the stopping instances: %s", statuses)
                    .containsOnly(201);
            assertThat(answeredDuringStop)
                    .as("purchases went on while and after they stopped")
                    .isPositive();
        } finally {
            stack.stop(account2);
            stack.stop(inventory2);
        }
    }

    /** Each instance's successful write calls so far (deduct for inventory, debit for account). */
    private static Map<ServiceInstance, Double> writes(List<ServiceInstance> providers) throws Exception {
        Map<ServiceInstance, Double> writes = new LinkedHashMap<>();
        for (ServiceInstance provider : providers) {
            writes.put(
                    provider,
                    Metrics.value(provider, CALLS, WRITE.get(provider.service()), "outcome=\"SUCCESS\"")
                            .orElse(0.0));
        }
        return writes;
    }
}
