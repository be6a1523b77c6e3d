package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.service.ServiceName;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The anomalies a TCC fence exists for, each forced for real: a cancel that arrives before its try (empty rollback)
 * and the try that arrives after it (suspension), confirm and cancel delivered twice, and a participant killed
 * between try and confirm. The stock and money branches of a purchase are fenced by their ledger rows (a void row
 * is a cancel's tombstone), the order branch by Seata's fence log.
 */
@Order(7)
@ExtendWith(TestStack.class)
class TccAnomaliesIT {

    private static final String HOLD_FREEZE_TRY = "tcc.account-freeze-money.before-try";
    private static final String HOLD_BEFORE_COMMIT = "order.place.before-commit";
    private static final String WALLET_FAULT = "wallet.debit.after-commit";

    @AfterEach
    void disarm() {
        Api api = TestStack.api();
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), HOLD_FREEZE_TRY, false);
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), WALLET_FAULT, false);
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_BEFORE_COMMIT, false);
    }

    @Test
    void shouldRecordAnEmptyRollbackAndRefuseTheTryThatArrivesAfterIt() {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(3_747, 1_000);
        Map<String, List<Map<String, Object>>> before = db.snapshot();
        // the wallet branch is registered, but its try is held before it starts
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), HOLD_FREEZE_TRY, true);

        Api.Reply reply = api.placeOrder(user, sku, 1, "TCC");

        // the caller gave up on the held call and rolled back: the coordinator cancelled the wallet branch, whose
        // cancel found no try and left a void FREEZE row (the tombstone)
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(503);
        long orderId = await().atMost(Duration.ofSeconds(20))
                .until(() -> db.voidMoneyMovementOf(user, "FREEZE"), Optional::isPresent)
                .get();
        assertThat(db.moneyMovements(orderId)).as("empty rollback recorded").isEqualTo("FREEZE (void)");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(db.stockMovements(orderId))
                    .as("the stock's try, cancelled")
                    .isEqualTo("RESERVE (void)");
            assertThat(db.snapshot()).isEqualTo(before);
        });

        // the try arrives after its cancel
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), HOLD_FREEZE_TRY, false);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(accountLog())
                        .contains("order " + orderId + ": try refused, its global transaction was rolled back"));
        assertThat(db.moneyMovements(orderId)).isEqualTo("FREEZE (void)");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.totalFrozen()).isZero();
        assertThat(db.totalReserved()).isZero();
    }

    @Test
    void shouldApplyARedeliveredConfirmOnce() {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        Api.Reply placed = api.placeOrder(db.newUser(100_000), db.newProduct(3_747, 1_000), 2, "TCC");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        String xid = placed.body().path("lastTransaction").path("xid").asText();
        Map<String, List<Map<String, Object>>> committed = db.snapshot();

        // the participants of this purchase (not the second consumer-web: it took no part)
        for (ServiceName service : ServiceName.DEFAULT) {
            Api.Reply again = api.redeliverPhaseTwo(TestStack.stack().managementPort(service), xid);
            assertThat(again.status()).as("%s %s", service, again.body()).isEqualTo(200);
            assertThat(again.body()).as("%s", service).hasSize(1);
            assertThat(again.body().get(0).path("phase").asText()).isEqualTo("confirm");
            assertThat(again.body().get(0).path("status").asText()).isEqualTo("PhaseTwo_Committed");
        }

        assertThat(db.snapshot()).isEqualTo(committed);
        assertThat(db.fence(xid).values()).containsExactly(List.of(2));
        long orderId = placed.body().path("orderId").asLong();
        assertThat(db.stockMovements(orderId)).isEqualTo("DEDUCT");
        assertThat(db.moneyMovements(orderId)).isEqualTo("DEBIT");
    }

    @Test
    void shouldApplyARedeliveredCancelOnce() {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(3_747, 1_000);
        Map<String, List<Map<String, Object>>> before = db.snapshot();
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), WALLET_FAULT, true);

        Api.Reply reply = api.placeOrder(user, sku, 2, "TCC");

        // the wallet failed after its try: the coordinator cancelled both tried branches (the order's never ran)
        assertThat(reply.status()).as("%s", reply.body()).isGreaterThanOrEqualTo(500);
        Matcher unfrozen = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> Pattern.compile("order (\\d+): \\d+ cents of user " + user + " unfrozen \\((\\S+)\\)")
                                .matcher(accountLog()),
                        Matcher::find);
        long orderId = Long.parseLong(unfrozen.group(1));
        String xid = unfrozen.group(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(db.snapshot()).isEqualTo(before);
            assertThat(db.stockMovements(orderId)).isEqualTo("RESERVE (void)");
            assertThat(db.moneyMovements(orderId)).isEqualTo("FREEZE (void)");
        });

        for (ServiceName service : List.of(ServiceName.INVENTORY, ServiceName.ACCOUNT)) {
            Api.Reply again = api.redeliverPhaseTwo(TestStack.stack().managementPort(service), xid);
            assertThat(again.status()).as("%s %s", service, again.body()).isEqualTo(200);
            assertThat(again.body()).as("%s", service).hasSize(1);
            JsonNode answer = again.body().get(0);
            assertThat(answer.path("phase").asText()).isEqualTo("cancel");
            assertThat(answer.path("status").asText()).isEqualTo("PhaseTwo_Rollbacked");
        }

        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.stockMovements(orderId)).isEqualTo("RESERVE (void)");
        assertThat(db.moneyMovements(orderId)).isEqualTo("FREEZE (void)");
        assertThat(db.totalFrozen()).isZero();
        assertThat(db.totalReserved()).isZero();
    }

    @Test
    void shouldConfirmAParticipantKilledBetweenTryAndConfirmOnceItIsBack() throws Exception {
        Api api = TestStack.api();
        Databases db = TestStack.db();
        long user = db.newUser(100_000);
        long sku = db.newProduct(4_268, 1_000);
        long price = api.price(sku);
        long balance = api.balance(user);
        // a quiet start: a participant killed between acknowledging an earlier test's AT commit and deleting its
        // undo log leaves the log for good (and later tests waiting for none would wait forever)
        db.awaitNoUndoLogs();
        api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_BEFORE_COMMIT, true);

        CompletableFuture<Api.Reply> placing = CompletableFuture.supplyAsync(() -> api.placeOrder(user, sku, 1, "TCC"));
        String xid = await().atMost(Duration.ofSeconds(20))
                .until(() -> db.inFlightXids("TCC"), s -> !s.isEmpty())
                .iterator()
                .next();
        long tried = db.orderIdOf(xid);
        TestStack.stack().kill(ServiceName.ACCOUNT);
        String orderId;
        try {
            api.fault(TestStack.stack().managementPort(ServiceName.WEB), HOLD_BEFORE_COMMIT, false);
            Api.Reply reply = placing.get(60, TimeUnit.SECONDS);

            // the coordinator decided to commit; the wallet's confirm waits for its participant
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
            assertThat(reply.body().path("lastTransaction").path("status").asText())
                    .isEqualTo("CommitRetrying");
            orderId = reply.body().path("orderId").asText();
            assertThat(db.moneyMovements(tried)).isEqualTo("FREEZE");
            assertThat(frozen(db, user)).isEqualTo(price);
        } finally {
            TestStack.stack().restart(ServiceName.ACCOUNT);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(db.fence(xid).values()).containsExactly(List.of(2));
            assertThat(db.stockMovements(tried)).isEqualTo("DEDUCT");
            assertThat(db.moneyMovements(tried)).isEqualTo("DEBIT");
            assertThat(frozen(db, user)).isZero();
            assertThat(api.balance(user)).isEqualTo(balance - price);
            assertThat(db.totalReserved()).isZero();
        });
        // the order shows how its transaction ended once the coordinator has finished it
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.order(user, orderId)
                                .body()
                                .path("lastTransaction")
                                .path("status")
                                .asText())
                        .isEqualTo("Committed"));
    }

    private static long frozen(Databases db, long user) {
        return db.number("tradeflow_account_" + user % 2, "SELECT frozen FROM wallets WHERE user_id = " + user);
    }

    private static String accountLog() throws IOException {
        return Files.readString(TestStack.stack().service(ServiceName.ACCOUNT).log());
    }
}
