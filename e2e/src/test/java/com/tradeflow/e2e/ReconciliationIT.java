package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The reconciliation job compares every order with the stock and wallet ledgers of the providers, each wallet and
 * sku with its opening figures and ledger, each transfer's two sides, each finished top-up with its credit and the
 * gateway's record (and each credit with a top-up), and each
 * flash sale's counters with its tickets and orders, and each user's loyalty points with the order events applied to
 * them. Each
 * test breaks one kind of books behind the services' backs (straight in a database, as a bug or a hand-made fix
 * would), sees the finding appear with the right ids, and puts the books back: the finding then clears itself.
 * <p>
 * The tests run at the same time (each waits seconds for the job's passes, and breaks books of its own users, skus
 * and orders only: one job finds all of them); the class, like every other, runs alone (an {@code @Execution} on the
 * class would let it run beside the next class).
 */
@Order(16)
@ExtendWith(TestStack.class)
class ReconciliationIT {

    private static final Duration FOUND_WITHIN = Duration.ofSeconds(30);

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindAPlacedOrderWhoseMoneyWasNeverTakenAndClearItWhenTheDebitIsBack() {
        Purchase purchase = purchase();
        long buyer = purchase.user();
        long orderId = purchase.orderId();
        String wallets = "tradeflow_account_" + (buyer % 2);
        TestStack.db()
                .execute(
                        wallets,
                        "UPDATE wallet_ledger SET type = 'LOST' WHERE order_id = " + orderId + " AND type = 'DEBIT'");
        readAgain(orderId);
        try {
            JsonNode finding = awaitFinding("OPEN", orderId, "MONEY_MISSING");
            assertThat(finding.path("userId").asLong()).isEqualTo(buyer);
            assertThat(finding.path("detail").asText()).contains("DEBIT");
        } finally {
            TestStack.db()
                    .execute(
                            wallets,
                            "UPDATE wallet_ledger SET type = 'DEBIT' WHERE order_id = " + orderId
                                    + " AND type = 'LOST'");
        }
        JsonNode cleared = awaitFinding("CLEARED", orderId, "MONEY_MISSING");
        assertThat(cleared.path("closedBy").asText()).isEqualTo("reconciliation");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldKeepAStockMismatchOpenUntilAnOperatorResolvesIt() {
        Purchase purchase = purchase();
        long buyer = purchase.user();
        long orderId = purchase.orderId();
        TestStack.db()
                .execute(
                        "tradeflow_inventory",
                        "UPDATE stock_ledger SET quantity = quantity + 4 " + "WHERE order_id = " + orderId
                                + " AND type = 'DEDUCT'");
        readAgain(orderId);
        try {
            long id = awaitFinding("OPEN", orderId, "STOCK_MISMATCH").path("id").asLong();
            // a later pass finds it again: still open, nobody fixed anything
            awaitCheckedAgain("OPEN", orderId, "STOCK_MISMATCH");

            Api api = TestStack.api();
            assertThat(api.as(buyer)
                            .post("/api/admin/reconciliation/findings/" + id + "/resolve", "{\"note\":\"mine\"}")
                            .status())
                    .as("a user is no operator")
                    .isEqualTo(403);
            assertThat(api.adminPost("/api/admin/reconciliation/findings/" + id + "/resolve", "{}")
                            .code())
                    .isEqualTo("VALIDATION_FAILED");
            Api.Reply resolved = api.adminPost(
                    "/api/admin/reconciliation/findings/" + id + "/resolve",
                    "{\"note\":\"4 units counted by hand in the warehouse\"}");
            assertThat(resolved.status()).as("%s", resolved.body()).isEqualTo(200);
            assertThat(resolved.body().path("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.body().path("closedBy").asText()).isEqualTo("admin-token");
            assertThat(resolved.body().path("note").asText()).isEqualTo("4 units counted by hand in the warehouse");
            assertThat(api.adminPost("/api/admin/reconciliation/findings/" + id + "/resolve", "{\"note\":\"again\"}")
                            .code())
                    .isEqualTo("FINDING_NOT_OPEN");
            assertThat(api.adminPost("/api/admin/reconciliation/findings/999999999/resolve", "{\"note\":\"x\"}")
                            .status())
                    .isEqualTo(404);
            // the order changes (as a cancellation would change it): read again, the mismatch is found again and
            // stays as the operator left it
            readAgain(orderId);
            awaitCheckedAgain("RESOLVED", orderId, "STOCK_MISMATCH");
            assertThat(finding("OPEN", orderId, "STOCK_MISMATCH")).isEmpty();
        } finally {
            TestStack.db()
                    .execute(
                            "tradeflow_inventory",
                            "UPDATE stock_ledger SET quantity = quantity - 4 " + "WHERE order_id = " + orderId
                                    + " AND type = 'DEDUCT'");
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindMoneyThatAppearedOutsideTheLedgerAndClearItWhenItIsGone() {
        long user = TestStack.db().newUser(100_000);
        String wallets = "tradeflow_account_" + (user % 2);
        TestStack.db().execute(wallets, "UPDATE wallets SET balance = balance + 7 WHERE user_id = " + user);
        try {
            JsonNode finding = awaitFinding("OPEN", "WALLET", Long.toString(user), "BALANCE_MISMATCH");
            assertThat(finding.path("userId").asLong()).isEqualTo(user);
            assertThat(finding.path("orderId").isNull())
                    .as("not about an order")
                    .isTrue();
            assertThat(finding.path("detail").asText()).contains("books say");
        } finally {
            TestStack.db().execute(wallets, "UPDATE wallets SET balance = balance - 7 WHERE user_id = " + user);
        }
        awaitFinding("CLEARED", "WALLET", Long.toString(user), "BALANCE_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindUnitsThatVanishedOutsideTheLedger() {
        long sku = TestStack.db().newProduct(8_436, 1_000);
        TestStack.db()
                .execute("tradeflow_inventory", "UPDATE stock SET available = available - 3 WHERE sku_id = " + sku);
        try {
            assertThat(awaitFinding("OPEN", "STOCK", Long.toString(sku), "AVAILABLE_MISMATCH")
                            .path("detail")
                            .asText())
                    .contains("opening");
        } finally {
            TestStack.db()
                    .execute("tradeflow_inventory", "UPDATE stock SET available = available + 3 WHERE sku_id = " + sku);
        }
        awaitFinding("CLEARED", "STOCK", Long.toString(sku), "AVAILABLE_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindATransferWhoseSidesDisagree() {
        // on both shards: the transfer's two sides are kept in two databases
        List<Long> users = TestStack.db().newUsers(2, 100_000);
        long payer = users.get(0);
        long payee = users.get(1);
        Api.Reply reply = new WalletTransfers(TestStack.api(), TestStack.db())
                .transfer(payer, payee, 250, UUID.randomUUID().toString());
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        String transferId = reply.body().path("transferId").asText();
        String payeeShard = "tradeflow_account_" + (payee % 2);
        // the payee's side says more arrived than left the payer; read again as if just recorded
        TestStack.db()
                .execute(
                        payeeShard,
                        "UPDATE wallet_transfers SET amount = amount + 1, created_at = NOW(3) "
                                + "WHERE transfer_id = '" + transferId + "' AND direction = 'IN'");
        try {
            JsonNode finding = awaitFinding("OPEN", "TRANSFER", transferId, "TRANSFER_MISMATCH");
            assertThat(finding.path("userId").asLong()).as("the payer").isEqualTo(payer);
            assertThat(finding.path("detail").asText()).contains("OUT 250 cents", "IN 251 cents");
        } finally {
            TestStack.db()
                    .execute(
                            payeeShard,
                            "UPDATE wallet_transfers SET amount = amount - 1 " + "WHERE transfer_id = '" + transferId
                                    + "' AND direction = 'IN'");
        }
        awaitFinding("CLEARED", "TRANSFER", transferId, "TRANSFER_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindATopUpCreditedWithAnotherAmount() {
        long user = TestStack.db().newUser(100_000);
        String topUpId = creditedTopUp(user, 1200);
        String wallets = "tradeflow_account_" + (user % 2);
        String topUps = "tradeflow_order_" + (user % 2);
        TestStack.db().execute(wallets, "UPDATE wallet_top_ups SET amount = amount + 100 WHERE top_up_id = " + topUpId);
        // read again as if it had just finished
        TestStack.db().execute(topUps, "UPDATE top_ups SET finished_at = NOW(3) WHERE top_up_id = " + topUpId);
        try {
            JsonNode finding = awaitFinding("OPEN", "TOP_UP", topUpId, "TOP_UP_CREDIT_MISMATCH");
            assertThat(finding.path("userId").asLong()).isEqualTo(user);
            assertThat(finding.path("detail").asText()).contains("1200 cents", "credited 1300 cents");
        } finally {
            TestStack.db()
                    .execute(wallets, "UPDATE wallet_top_ups SET amount = amount - 100 WHERE top_up_id = " + topUpId);
        }
        awaitFinding("CLEARED", "TOP_UP", topUpId, "TOP_UP_CREDIT_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindATopUpWhoseAmountTheGatewayDoesNotHold() {
        long user = TestStack.db().newUser(100_000);
        String topUpId = creditedTopUp(user, 1400);
        String topUps = "tradeflow_order_" + (user % 2);
        // the top-up's own record says more than the gateway took (and than was credited)
        TestStack.db()
                .execute(
                        topUps,
                        "UPDATE top_ups SET amount = amount + 100, finished_at = NOW(3) " + "WHERE top_up_id = "
                                + topUpId);
        try {
            JsonNode finding = awaitFinding("OPEN", "TOP_UP", topUpId, "TOP_UP_GATEWAY_MISMATCH");
            assertThat(finding.path("userId").asLong()).isEqualTo(user);
            assertThat(finding.path("detail").asText())
                    .contains("1500 cents", "the gateway holds SUCCEEDED for " + "1400 cents");
        } finally {
            TestStack.db().execute(topUps, "UPDATE top_ups SET amount = amount - 100 WHERE top_up_id = " + topUpId);
        }
        awaitFinding("CLEARED", "TOP_UP", topUpId, "TOP_UP_GATEWAY_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindACreditForATopUpThatDoesNotExist() {
        long user = TestStack.db().newUser(100_000);
        long ghost = 8_800_000_000L + System.nanoTime() % 1_000_000;
        String wallets = "tradeflow_account_" + (user % 2);
        TestStack.db()
                .execute(
                        wallets,
                        "INSERT INTO wallet_top_ups (merchant_order_no, user_id, top_up_id, amount, "
                                + "event_id) VALUES ('TU" + ghost + "', " + user + ", " + ghost + ", 700, 'ghost-"
                                + ghost + "')");
        try {
            JsonNode finding = awaitFinding("OPEN", "TOP_UP", Long.toString(ghost), "TOP_UP_CREDIT_UNKNOWN");
            assertThat(finding.path("userId").asLong()).isEqualTo(user);
            assertThat(finding.path("detail").asText())
                    .contains("700 cents credited to user " + user, "does not exist");
        } finally {
            TestStack.db().execute(wallets, "DELETE FROM wallet_top_ups WHERE top_up_id = " + ghost);
        }
        awaitFinding("CLEARED", "TOP_UP", Long.toString(ghost), "TOP_UP_CREDIT_UNKNOWN");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindPointsTheAppliedOrderEventsDoNotExplain() {
        // a user of its own: another test's events for orders that never were would hide a mismatch behind them
        Purchase purchase = purchase();
        long user = purchase.user();
        long orderId = purchase.orderId();
        String wallets = "tradeflow_account_" + (user % 2);
        await().atMost(FOUND_WITHIN)
                .until(() -> TestStack.db()
                                .number(
                                        wallets,
                                        "SELECT COUNT(*) FROM "
                                                + "processed_events WHERE consumer = 'account-points' AND order_id = "
                                                + orderId)
                        == 1);
        TestStack.db().execute(wallets, "UPDATE wallet_points SET points = points + 7 WHERE user_id = " + user);
        try {
            JsonNode finding = awaitFinding("OPEN", "POINTS", Long.toString(user), "POINTS_MISMATCH");
            assertThat(finding.path("userId").asLong()).isEqualTo(user);
            assertThat(finding.path("detail").asText()).contains("points, the 1 order event(s) applied are worth");
        } finally {
            TestStack.db().execute(wallets, "UPDATE wallet_points SET points = points - 7 WHERE user_id = " + user);
        }
        awaitFinding("CLEARED", "POINTS", Long.toString(user), "POINTS_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldFindAFlashSaleWhoseCounterDisagreesWithItsTickets() {
        long user = TestStack.db().newUser(100_000);
        // the sale's 3 units
        long saleSku = TestStack.db().newProduct(2_705, 3);
        Api api = TestStack.api();
        Api.Reply opened = api.adminPost(
                "/api/flash-sales",
                "{\"skuId\":" + saleSku + ",\"quantity\":3,\"price\":500,"
                        + "\"startsAt\":\"" + Instant.now().minusSeconds(1) + "\",\"endsAt\":\""
                        + Instant.now().plusSeconds(900) + "\",\"perUserLimit\":1}");
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        String saleId = opened.body().path("saleId").asText();
        Api.Reply entered = api.as(user).post("/api/flash-sales/" + saleId + "/orders", "{\"userId\":" + user + "}");
        assertThat(entered.status()).as("%s", entered.body()).isEqualTo(202);
        String ticketId = entered.body().path("ticketId").asText();
        await().atMost(FOUND_WITHIN)
                .until(() -> "PLACED"
                        .equals(api.as(user)
                                .get("/api/flash-sales/tickets/" + ticketId)
                                .body()
                                .path("status")
                                .asText()));

        // a hand-made "fix" that counts a unit no ticket holds
        TestStack.db()
                .execute("tradeflow_order_0", "UPDATE flash_sales SET taken = taken + 1 WHERE sale_id = " + saleId);
        try {
            JsonNode finding = awaitFinding("OPEN", "FLASH_SALE", saleId, "FLASH_SALE_MISMATCH");
            assertThat(finding.path("detail").asText()).contains("taken is 2 but 1 tickets are QUEUED or PLACED");
        } finally {
            TestStack.db()
                    .execute("tradeflow_order_0", "UPDATE flash_sales SET taken = taken - 1 WHERE sale_id = " + saleId);
        }
        awaitFinding("CLEARED", "FLASH_SALE", saleId, "FLASH_SALE_MISMATCH");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void shouldRefuseAnUnknownStatus() {
        assertThat(TestStack.api()
                        .adminGet("/api/admin/reconciliation?status=LOST")
                        .code())
                .isEqualTo("VALIDATION_FAILED");
    }

    /** A top-up through the API, once its wallet is credited. @return its id */
    private static String creditedTopUp(long user, long amount) {
        Api.Reply started =
                TestStack.api().topUp(user, amount, UUID.randomUUID().toString());
        assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
        String topUpId = started.body().path("topUpId").asText();
        await().atMost(FOUND_WITHIN)
                .until(() -> TestStack.db()
                                .number(
                                        "tradeflow_account_" + (user % 2),
                                        "SELECT COUNT(*) FROM wallet_top_ups WHERE top_up_id = " + topUpId)
                        == 1);
        return topUpId;
    }

    /**
     * Marks the order changed now: the job reads an order once, {@code settle-after} after its last change, and a
     * ledger broken after that read would go unseen (the break is not a change of the order).
     */
    private static void readAgain(long orderId) {
        String table = TestStack.db().tablesHolding(orderId).get(0);
        TestStack.db()
                .execute(
                        table.substring(0, table.indexOf('.')),
                        "UPDATE " + table.substring(table.indexOf('.') + 1)
                                + " SET updated_at = NOW(3) WHERE order_id = " + orderId);
    }

    /** An order of a buyer and a sku of its own (tests running at once never wait for each other's row locks). */
    private static Purchase purchase() {
        long buyer = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(2_705, 1_000);
        Api.Reply reply = TestStack.api().placeOrder(buyer, sku, 1);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return new Purchase(buyer, Long.parseLong(reply.body().path("orderId").asText()));
    }

    private record Purchase(long user, long orderId) {}

    static JsonNode awaitFinding(String status, long orderId, String kind) {
        return awaitFinding(status, "ORDER", Long.toString(orderId), kind);
    }

    static JsonNode awaitFinding(String status, String subject, String subjectId, String kind) {
        return await().atMost(FOUND_WITHIN)
                .until(() -> finding(status, subject, subjectId, kind), Optional::isPresent)
                .orElseThrow();
    }

    static Optional<JsonNode> finding(String status, long orderId, String kind) {
        return finding(status, "ORDER", Long.toString(orderId), kind);
    }

    static Optional<JsonNode> finding(String status, String subject, String subjectId, String kind) {
        Api.Reply reply = TestStack.api().adminGet("/api/admin/reconciliation?status=" + status + "&limit=1000");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.body().path("findings").spliterator(), false)
                .filter(f -> f.path("subject").asText().equals(subject)
                        && f.path("subjectId").asText().equals(subjectId)
                        && f.path("kind").asText().equals(kind))
                .findFirst();
    }

    /** Waits until a pass has found the finding again (its {@code checkedAt} moves). */
    private static void awaitCheckedAgain(String status, long orderId, String kind) {
        String before =
                finding(status, orderId, kind).orElseThrow().path("checkedAt").asText();
        await().atMost(FOUND_WITHIN)
                .until(() -> finding(status, orderId, kind)
                        .map(f -> !f.path("checkedAt").asText().equals(before))
                        .orElse(false));
    }
}
