package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each consumer-web instance mints order ids with a worker id leased in {@code tradeflow_order_0}: the two instances
 * of the stack hold different ones, their orders carry them, and an instance whose lease another one took moves to
 * a free id at its next renewal instead of minting ids the other one mints too.
 */
@Order(20)
@ExtendWith(TestStack.class)
class WorkerIdLeaseIT {

    private static final String HOME = "tradeflow_order_0";

    private static long user;
    private static long sku;

    @BeforeAll
    static void createBuyer() {
        user = TestStack.db().newUser(100_000);
        sku = TestStack.db().newProduct(1_663, 1_000);
    }

    @Test
    void shouldLeaseEachWebInstanceItsOwnWorkerIdAndMintOrdersWithIt() {
        long web = leasedId(ServiceName.WEB);
        long transactional = leasedId(ServiceName.WEB_TRANSACTIONAL);

        assertThat(web).isNotEqualTo(transactional);
        assertThat(workerOf(placeThrough(ServiceName.WEB))).isEqualTo(web);
        assertThat(workerOf(placeThrough(ServiceName.WEB_TRANSACTIONAL))).isEqualTo(transactional);
        assertThat(TestStack.db()
                        .number(HOME, "SELECT COUNT(*) FROM id_worker_leases WHERE expires_at > UTC_TIMESTAMP(3)"))
                .as("both leases live")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldMoveToAFreeWorkerIdWhenItsLeaseWasTakenOver() {
        String holder = holder(ServiceName.WEB_TRANSACTIONAL);
        long before = leasedId(ServiceName.WEB_TRANSACTIONAL);
        // what another instance does once this one's lease has expired: it takes the id over
        TestStack.db()
                .execute(
                        HOME,
                        "UPDATE id_worker_leases SET holder = 'intruder:1', "
                                + "expires_at = UTC_TIMESTAMP(3) + INTERVAL 1 HOUR WHERE worker_id = " + before);
        try {
            long after = await().atMost(Duration.ofSeconds(30))
                    .until(() -> leases().get(holder), id -> id != null && id != before);

            assertThat(workerOf(placeThrough(ServiceName.WEB_TRANSACTIONAL))).isEqualTo(after);
        } finally {
            TestStack.db().execute(HOME, "DELETE FROM id_worker_leases WHERE holder = 'intruder:1'");
        }
    }

    private static long placeThrough(ServiceName web) {
        Api.Reply reply = TestStack.api(web).placeOrder(user, sku, 1);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return reply.body().path("orderId").asLong();
    }

    /** The worker id an order id carries (IdGenerator: 12 bits of sequence below 10 bits of worker). */
    private static long workerOf(long orderId) {
        return (orderId >> 12) & 1023;
    }

    private static long leasedId(ServiceName web) {
        Long id = leases().get(holder(web));
        assertThat(id).as("a lease of %s (%s)", web, leases()).isNotNull();
        return id;
    }

    private static Map<String, Long> leases() {
        List<Map<String, Object>> rows = TestStack.db().rows(HOME, "SELECT holder, worker_id FROM id_worker_leases");
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> (String) r.get("holder"), r -> ((Number) r.get("worker_id")).longValue()));
    }

    /**
     * The holder (host:port:random) of the instance's live lease: the latest expiry on its port (a process of the
     * same port killed by an earlier test leaves its row until another process takes the id).
     */
    private static String holder(ServiceName web) {
        int port = web == ServiceName.WEB
                ? TestStack.stack().options().webPort()
                : TestStack.stack().options().webTransactionalPort();
        List<Map<String, Object>> rows = TestStack.db()
                .rows(
                        HOME,
                        "SELECT holder FROM id_worker_leases " + "WHERE holder LIKE '%:" + port
                                + ":%' ORDER BY expires_at DESC LIMIT 1");
        assertThat(rows).as("a lease held on port %d: %s", port, leases()).isNotEmpty();
        return (String) rows.get(0).get("holder");
    }
}
