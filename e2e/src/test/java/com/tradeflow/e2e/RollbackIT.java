package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed purchases leave every table of every database exactly as before: the global transaction is rolled back
 * through the participants' undo logs, including branches that had already committed locally.
 */
@Order(3)
@ExtendWith(TestStack.class)
class RollbackIT {

    private static final String WALLET_FAULT = "wallet.debit.after-commit";
    private static final String INVENTORY_FAULT = "inventory.deduct.after-commit";

    @AfterEach
    void disarm() {
        Api api = TestStack.api();
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), WALLET_FAULT, false);
        api.fault(TestStack.stack().managementPort(ServiceName.INVENTORY), INVENTORY_FAULT, false);
    }

    @Test
    void shouldRestoreEverythingWhenTheLastBranchFindsTooLittleMoney() {
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(10_000, 1_000);
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        // the user has 1000.00; 20 units at 100.00 cost 2000.00: stock is taken first, then the debit fails
        Api.Reply reply = TestStack.api().placeOrder(user, sku, 20);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertRestored(before);
    }

    @Test
    void shouldRestoreEverythingWhenStockRunsShort() {
        // 10 units at 1.00 and a user with 1000.00: 11 units are paid for easily, but not in stock
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(100, 10);
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        Api.Reply reply = TestStack.api().placeOrder(user, sku, 11);

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("INSUFFICIENT_STOCK");
        assertRestored(before);
    }

    @Test
    void shouldRestoreAWalletDebitThatCommittedLocallyBeforeItsProviderFailed() {
        Api api = TestStack.api();
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(621, 1_000);
        api.fault(TestStack.stack().managementPort(ServiceName.ACCOUNT), WALLET_FAULT, true);
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        Api.Reply reply = api.placeOrder(user, sku, 1);

        assertThat(reply.status()).as("%s", reply.body()).isGreaterThanOrEqualTo(500);
        assertRestored(before);
    }

    @Test
    void shouldRestoreAStockDeductThatCommittedLocallyBeforeItsProviderFailed() {
        Api api = TestStack.api();
        long user = TestStack.db().newUser(100_000);
        long sku = TestStack.db().newProduct(621, 1_000);
        api.fault(TestStack.stack().managementPort(ServiceName.INVENTORY), INVENTORY_FAULT, true);
        Map<String, List<Map<String, Object>>> before = TestStack.db().snapshot();

        Api.Reply reply = api.placeOrder(user, sku, 1);

        assertThat(reply.status()).as("%s", reply.body()).isGreaterThanOrEqualTo(500);
        assertRestored(before);
    }

    private static void assertRestored(Map<String, List<Map<String, Object>>> before) {
        Databases db = TestStack.db();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(db.snapshot()).isEqualTo(before);
            assertThat(db.undoLogRows()).isZero();
        });
    }
}
