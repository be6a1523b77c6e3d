package com.tradeflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciliation job compares every order with the stock and wallet ledgers of the providers. Each test breaks
 * the books of one order behind the services' backs (straight in a provider's database, as a bug or a hand-made fix
 * would), sees the finding appear with the order's id, and puts the books back.
 */
@Order(16)
@ExtendWith(TestStack.class)
class ReconciliationIT {

    private static final long USER = 13;
    private static final long SKU = 6;
    private static final Duration FOUND_WITHIN = Duration.ofSeconds(30);

    @Test
    void shouldFindAPlacedOrderWhoseMoneyWasNeverTakenAndClearItWhenTheDebitIsBack() {
        long orderId = placeOrder();
        String wallets = "tradeflow_account_" + (USER % 2);
        TestStack.db().execute(wallets, "UPDATE wallet_ledger SET type = 'LOST' WHERE order_id = " + orderId
                + " AND type = 'DEBIT'");
        try {
            JsonNode finding = awaitFinding("OPEN", orderId, "MONEY_MISSING");
            assertThat(finding.path("userId").asLong()).isEqualTo(USER);
            assertThat(finding.path("detail").asText()).contains("DEBIT");
        } finally {
            TestStack.db().execute(wallets, "UPDATE wallet_ledger SET type = 'DEBIT' WHERE order_id = " + orderId
                    + " AND type = 'LOST'");
        }
        JsonNode cleared = awaitFinding("CLEARED", orderId, "MONEY_MISSING");
        assertThat(cleared.path("closedBy").asText()).isEqualTo("reconciliation");
    }

    @Test
    void shouldKeepAStockMismatchOpenUntilAnOperatorResolvesIt() {
        long orderId = placeOrder();
        TestStack.db().execute("tradeflow_inventory", "UPDATE stock_ledger SET quantity = quantity + 4 "
                + "WHERE order_id = " + orderId + " AND type = 'DEDUCT'");
        try {
            long id = awaitFinding("OPEN", orderId, "STOCK_MISMATCH").path("id").asLong();
            // a later pass finds it again: still open, nobody fixed anything
            awaitCheckedAgain("OPEN", orderId, "STOCK_MISMATCH");

            Api api = TestStack.api();
            assertThat(api.as(USER).post("/api/admin/reconciliation/findings/" + id + "/resolve",
                    "{\"note\":\"mine\"}").status()).as("a user is no operator").isEqualTo(403);
            assertThat(api.adminPost("/api/admin/reconciliation/findings/" + id + "/resolve", "{}").code())
                    .isEqualTo("VALIDATION_FAILED");
            Api.Reply resolved = api.adminPost("/api/admin/reconciliation/findings/" + id + "/resolve",
                    "{\"note\":\"4 units counted by hand in the warehouse\"}");
            assertThat(resolved.status()).as("%s", resolved.body()).isEqualTo(200);
            assertThat(resolved.body().path("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.body().path("closedBy").asText()).isEqualTo("admin-token");
            assertThat(resolved.body().path("note").asText()).isEqualTo("4 units counted by hand in the warehouse");
            assertThat(api.adminPost("/api/admin/reconciliation/findings/" + id + "/resolve",
                    "{\"note\":\"again\"}").code()).isEqualTo("FINDING_NOT_OPEN");
            assertThat(api.adminPost("/api/admin/reconciliation/findings/999999999/resolve",
                    "{\"note\":\"x\"}").status()).isEqualTo(404);
            // the order changes (as a cancellation would change it): read again, the mismatch is found again and
            // stays as the operator left it
            String table = TestStack.db().tablesHolding(orderId).get(0);
            TestStack.db().execute(table.substring(0, table.indexOf('.')), "UPDATE " + table.substring(
                    table.indexOf('.') + 1) + " SET updated_at = NOW(3) WHERE order_id = " + orderId);
            awaitCheckedAgain("RESOLVED", orderId, "STOCK_MISMATCH");
            assertThat(finding("OPEN", orderId, "STOCK_MISMATCH")).isEmpty();
        } finally {
            TestStack.db().execute("tradeflow_inventory", "UPDATE stock_ledger SET quantity = quantity - 4 "
                    + "WHERE order_id = " + orderId + " AND type = 'DEDUCT'");
        }
    }

    @Test
    void shouldRefuseAnUnknownStatus() {
        assertThat(TestStack.api().adminGet("/api/admin/reconciliation?status=LOST").code())
                .isEqualTo("VALIDATION_FAILED");
    }

    private static long placeOrder() {
        Api.Reply reply = TestStack.api().placeOrder(USER, SKU, 1);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
        return Long.parseLong(reply.body().path("orderId").asText());
    }

    static JsonNode awaitFinding(String status, long orderId, String kind) {
        return await().atMost(FOUND_WITHIN).until(() -> finding(status, orderId, kind), Optional::isPresent)
                .orElseThrow();
    }

    static Optional<JsonNode> finding(String status, long orderId, String kind) {
        Api.Reply reply = TestStack.api().adminGet("/api/admin/reconciliation?status=" + status + "&limit=1000");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.body().path("findings").spliterator(), false)
                .filter(f -> f.path("orderId").asLong() == orderId && f.path("kind").asText().equals(kind))
                .findFirst();
    }

    /** Waits until a pass has found the finding again (its {@code checkedAt} moves). */
    private static void awaitCheckedAgain(String status, long orderId, String kind) {
        String before = finding(status, orderId, kind).orElseThrow().path("checkedAt").asText();
        await().atMost(FOUND_WITHIN).until(() -> finding(status, orderId, kind)
                .map(f -> !f.path("checkedAt").asText().equals(before)).orElse(false));
    }
}
