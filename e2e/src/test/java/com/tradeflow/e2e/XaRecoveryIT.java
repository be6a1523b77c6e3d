package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An XA participant killed after its branch was prepared: the prepared transaction outlives the process in the
 * database, the coordinator commits the other branches and keeps retrying this one, and the restarted participant
 * commits it from a new session. Nothing stays prepared; the money moves once.
 */
@Order(9)
@ExtendWith(TestStack.class)
class XaRecoveryIT {

    private static final String HOLD_BEFORE_COMMIT = "order.place.before-commit";

    @AfterEach
    void disarm() {
        TestStack.api().fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_BEFORE_COMMIT, false);
    }

    @Test
    void shouldCommitAPreparedBranchWhoseParticipantWasKilledOnceItIsBack() throws Exception {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(5_310, 1_000);
        long price = api.price(sku);
        long balance = api.balance(user);
        // a quiet start: a participant killed between acknowledging an earlier test's AT commit and deleting its
        // undo log leaves the log for good (and later tests waiting for none would wait forever)
        db.awaitNoUndoLogs();
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_BEFORE_COMMIT, true);

        CompletableFuture<Api.Reply> placing = CompletableFuture.supplyAsync(() -> api.placeOrder(user, sku, 1, "XA"));
        String xid = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> db.xaPreparedTotal() >= 3 ? db.xaPreparedXids() : java.util.Set.<String>of(),
                        s -> s.size() == 1)
                .iterator()
                .next();
        TestStack.stack().kill(ServiceName.ACCOUNT);
        String orderId;
        try {
            // the killed session's prepared branch stays in the database
            assertThat(db.xaPrepared(xid)).isEqualTo(3);
            api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_BEFORE_COMMIT, false);
            Api.Reply reply = placing.get(60, TimeUnit.SECONDS);

            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
            orderId = reply.body().path("orderId").asText();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(db.xaPrepared(xid))
                            .as("only the dead participant's branch")
                            .isEqualTo(1));
            assertThat(balanceInDatabase(db, user))
                    .as("prepared, not committed")
                    .isEqualTo(balance);
        } finally {
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(db.xaPrepared(xid)).isZero();
            assertThat(balanceInDatabase(db, user)).isEqualTo(balance - price);
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.order(user, orderId)
                                .body()
                                .path("lastTransaction")
                                .path("status")
                                .asText())
                        .isEqualTo("Committed"));
    }

    private static long balanceInDatabase(Databases db, long user) {
        return db.number("tradeflow_account_" + user % 2, "SELECT balance FROM wallets WHERE user_id = " + user);
    }
}
