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
 * An AT global transaction's branches commit locally before the coordinator decides, so another web instance can
 * read what it wrote while it is undecided. Such a read must never become an answer that says what happened: a
 * cancellation held before its global commit on one instance (as if that instance died there) is answered 409
 * by the other instance, not 200 CANCELLED, and so is a repeat of a purchase held the same way. Once the held
 * transaction is rolled back, the same requests do their work for real.
 */
@Order(6)
@ExtendWith(TestStack.class)
class UndecidedTransactionsIT {

    private static final String HOLD_CANCEL = "order.cancel.before-commit";
    private static final String FAIL_CANCEL = "order.cancel.fail-before-commit";
    private static final String HOLD_PLACE = "order.place.before-commit";
    private static final String FAIL_PLACE = "order.place.fail-before-commit";
    /** Undo logs of one AT purchase or cancellation: stock, wallet, order. */
    private static final int BRANCHES = 3;

    private final Api held = TestStack.api(ServiceName.WEB);
    private final Api other = TestStack.api(ServiceName.WEB_TRANSACTIONAL);
    private final Databases db = TestStack.db();

    @AfterEach
    void disarm() {
        for (String fault : new String[] {HOLD_CANCEL, FAIL_CANCEL, HOLD_PLACE, FAIL_PLACE}) {
            held.fault(TestStack.stack().managementPort(ServiceName.WEB), fault, false);
        }
    }

    @Test
    void shouldNotAnswerACancellationAsDoneBeforeTheCoordinatorCommitsIt() throws Exception {
        long user = db.newUser(100_000);
        long sku = db.newProduct(2_705, 1_000);
        Api.Reply placed = held.placeOrder(user, sku, 1, "AT");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        long balance = held.balance(user);
        long stock = held.available(sku);
        db.awaitNoUndoLogs();
        arm(HOLD_CANCEL, FAIL_CANCEL);

        CompletableFuture<Api.Reply> cancelling = CompletableFuture.supplyAsync(() -> held.cancel(orderId, user));
        String xid = awaitBranchesOfOneAtTransaction();

        Api.Reply meanwhile = other.cancel(orderId, user);
        assertThat(meanwhile.status()).as("%s", meanwhile.body()).isEqualTo(409);
        assertThat(meanwhile.code()).isEqualTo("CONCURRENT_UPDATE");

        held.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_CANCEL, false);
        Api.Reply failed = cancelling.get(30, TimeUnit.SECONDS);
        assertThat(failed.status()).as("%s", failed.body()).isEqualTo(500);
        assertThat(db.undoLogRows(xid)).isZero();
        assertThat(other.order(user, orderId).body().path("status").asText()).isEqualTo("PLACED");

        Api.Reply cancelled = other.cancel(orderId, user);
        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(held.balance(user))
                .isEqualTo(balance + placed.body().path("amount").asLong());
        assertThat(held.available(sku)).isEqualTo(stock + 1);
    }

    @Test
    void shouldNotAnswerARepeatedPurchaseAsPlacedBeforeTheCoordinatorCommitsIt() throws Exception {
        long user = db.newUser(100_000);
        long sku = db.newProduct(1_663, 1_000);
        long balance = held.balance(user);
        String key = "undecided-" + user;
        db.awaitNoUndoLogs();
        arm(HOLD_PLACE, FAIL_PLACE);

        CompletableFuture<Api.Reply> placing =
                CompletableFuture.supplyAsync(() -> held.placeOrder(user, sku, 1, "AT", key));
        String xid = awaitBranchesOfOneAtTransaction();

        Api.Reply meanwhile = other.placeOrder(user, sku, 1, "AT", key);
        assertThat(meanwhile.status()).as("%s", meanwhile.body()).isEqualTo(409);
        assertThat(meanwhile.code()).isEqualTo("CONCURRENT_UPDATE");

        held.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_PLACE, false);
        Api.Reply failed = placing.get(30, TimeUnit.SECONDS);
        assertThat(failed.status()).as("%s", failed.body()).isEqualTo(500);
        assertThat(db.undoLogRows(xid)).isZero();
        assertThat(held.balance(user)).isEqualTo(balance);

        Api.Reply placed = other.placeOrder(user, sku, 1, "AT", key);
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.body().path("lastTransaction").path("xid").asText()).isNotEqualTo(xid);
        assertThat(held.balance(user)).isEqualTo(balance - held.price(sku));
    }

    private void arm(String... faults) {
        for (String fault : faults) {
            held.fault(TestStack.stack().managementPort(ServiceName.WEB), fault, true);
        }
    }

    /** The xid of the one AT transaction in flight, once all its branches committed locally. */
    private String awaitBranchesOfOneAtTransaction() {
        String xid = await().atMost(Duration.ofSeconds(20))
                .until(() -> db.inFlightXids("AT"), xids -> xids.size() == 1)
                .iterator()
                .next();
        await().atMost(Duration.ofSeconds(20)).until(() -> db.undoLogRows(xid) == BRANCHES);
        return xid;
    }
}
