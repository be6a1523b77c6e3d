package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import com.tradeflow.devstack.service.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM to a web instance under purchases, as an orchestrator stops one: it leaves Nacos while it still runs,
 * then finishes what it has in flight. No purchase sent to it is answered 5xx: each one either completes or is
 * refused at the connection (what a load balancer sends elsewhere). Runs last: the instance stays stopped.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(TestStack.class)
class WebShutdownIT {

    private static final int PURCHASERS = 4;

    @Test
    void shouldLeaveNacosFirstAndAnswerNoPurchaseWith5xxWhenStopped() throws Exception {
        ServiceName victim = ServiceName.WEB_TRANSACTIONAL;
        int port = WebRegistrationIT.port(victim);
        ServiceProcess process = TestStack.stack().service(victim);
        Api api = TestStack.api(victim);
        // no purchase refused for want of money or units before the instance is down
        long user = TestStack.db().newUser(10_000_000);
        long sku = TestStack.db().newProduct(100, 100_000);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<CompletableFuture<Void>> purchasers = new ArrayList<>();
        for (int i = 0; i < PURCHASERS; i++) {
            purchasers.add(CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try {
                        statuses.add(api.placeOrder(user, sku, 1).status());
                    } catch (RuntimeException e) {
                        // the connection refused or closed: never answered, retried elsewhere by a load balancer
                        refused.add(e.toString());
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses.size() >= 20);

        CompletableFuture<Void> stop =
                CompletableFuture.runAsync(() -> TestStack.stack().stop(victim));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> !WebRegistrationIT.registeredPorts().contains(port));
        boolean aliveWhenLeft = process.isAlive();
        stop.get();
        running.set(false);
        CompletableFuture.allOf(purchasers.toArray(CompletableFuture[]::new)).get();

        assertThat(aliveWhenLeft).as("left Nacos before it stopped").isTrue();
        assertThat(process.isAlive()).isFalse();
        assertThat(statuses)
                .as("answers (refused at the connection: %s)", refused.size())
                .allMatch(status -> status < 500)
                .contains(201);
        assertThat(WebRegistrationIT.registeredPorts()).contains(WebRegistrationIT.port(ServiceName.WEB));
    }
}
