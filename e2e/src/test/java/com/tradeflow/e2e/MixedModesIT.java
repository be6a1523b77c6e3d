package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Purchases and cancellations in AT, TCC and XA at the same time (over 300 requests from 16 clients), on shared
 * wallets and stock: money and stock are conserved, nothing stays frozen, reserved, prepared or half-cancelled.
 */
@Order(8)
@ExtendWith(TestStack.class)
class MixedModesIT {

    private static final int PURCHASES = 240;
    private static final int THREADS = 16;
    private static final String[] MODES = {"AT", "TCC", "XA"};
    private static final int USERS = 50;
    private static final int SKUS = 10;

    @Test
    void shouldConserveMoneyAndStockUnderConcurrentPurchasesAndCancellationsInEveryMode() throws Exception {
        Databases db = TestStack.db();
        // created before the money and stock are counted: 1000.00 each, and 1000 units each at 47.89 to 94.78
        List<Long> users = db.newUsers(USERS, 100_000);
        List<Long> skus = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            skus.add(db.newProduct(4_789 + 521L * i, 1_000));
        }
        long money = db.totalBalance() + db.totalKeptOrderAmount();
        long stock = db.totalStock() + db.totalKeptOrderQuantity();

        Random random = new Random(7);
        List<Callable<List<String>>> work = new ArrayList<>();
        for (int i = 0; i < PURCHASES; i++) {
            long user = users.get(random.nextInt(USERS));
            long sku = skus.get(random.nextInt(SKUS));
            // one in ten far too expensive for any wallet: rolled back
            int quantity = random.nextInt(10) == 0 ? 900 : 1 + random.nextInt(3);
            String mode = MODES[random.nextInt(MODES.length)];
            boolean cancel = random.nextInt(3) != 0;
            work.add(() -> purchaseAndMaybeCancel(user, sku, quantity, mode, cancel));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<List<String>> done : pool.invokeAll(work)) {
            done.get().forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
        }
        pool.shutdown();

        System.out.println("mixed-mode purchases and cancellations: " + outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum())
                .as("requests")
                .isGreaterThanOrEqualTo(300);
        for (String mode : MODES) {
            assertThat(outcomes.getOrDefault(mode + " place 201", 0))
                    .as(mode + " purchases")
                    .isPositive();
            assertThat(outcomes.getOrDefault(mode + " cancel 200", 0))
                    .as(mode + " cancellations")
                    .isPositive();
        }
        assertThat(outcomes.keySet()).as("no internal errors").noneMatch(o -> o.endsWith(" 500"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(db.totalBalance() + db.totalKeptOrderAmount())
                    .as("money")
                    .isEqualTo(money);
            assertThat(db.totalStock() + db.totalKeptOrderQuantity())
                    .as("stock")
                    .isEqualTo(stock);
            assertThat(db.totalFrozen()).as("frozen").isZero();
            assertThat(db.totalReserved()).as("reserved").isZero();
            assertThat(db.ordersIn("PENDING") + db.ordersIn("CANCELLING"))
                    .as("orders in flight")
                    .isZero();
            assertThat(db.ledgerRows("RETURN")).isEqualTo(db.ordersIn("CANCELLED"));
            assertThat(db.ledgerRows("REFUND")).isEqualTo(db.ordersIn("CANCELLED"));
            assertThat(db.ledgerRows("RESERVE")
                            + db.ledgerRows("FREEZE")
                            + db.ledgerRows("RETURN_PENDING")
                            + db.ledgerRows("REFUND_PENDING"))
                    .as("pending movements")
                    .isZero();
            assertThat(db.undoLogRows()).isZero();
            assertThat(db.xaPreparedTotal()).isZero();
        });
    }

    private static List<String> purchaseAndMaybeCancel(long user, long sku, int quantity, String mode, boolean cancel) {
        Api api = TestStack.api();
        Api.Reply placed = api.placeOrder(user, sku, quantity, mode);
        List<String> outcomes = new ArrayList<>(List.of(mode + " place " + placed.status()));
        if (cancel && placed.status() == 201) {
            Api.Reply cancelled = api.cancel(placed.body().path("orderId").asText(), user);
            outcomes.add(mode + " cancel " + cancelled.status());
        }
        return outcomes;
    }
}
