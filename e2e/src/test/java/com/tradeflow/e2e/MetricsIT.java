package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradeflow.devstack.service.ServiceName;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What operators of a Spring/Dubbo fleet scrape: every service's {@code /actuator/prometheus} on its management
 * port carries its pools, and each side of a purchase its own figures: HTTP and purchase steps at the web API, Dubbo
 * calls served at the providers, the outbox's backlog and lag, the inbox's, and the reconciliation's findings.
 */
@Order(23)
@ExtendWith(TestStack.class)
class MetricsIT {

    /** The class's own buyer and product: its purchases must succeed, whatever earlier tests spent or sold. */
    private static long buyer;

    private static long sku;

    @BeforeAll
    static void createBuyerAndProduct() {
        buyer = TestStack.db().newUser(10_000);
        sku = TestStack.db().newProduct(1_000, 10);
    }

    @Test
    void shouldCountEachProvidersDubboCallsByServiceMethodAndOutcome() throws Exception {
        double before = Metrics.value(
                        ServiceName.ACCOUNT,
                        "tradeflow_rpc_server_seconds_count",
                        "method=\"debit\"",
                        "outcome=\"SUCCESS\"")
                .orElse(0.0);
        Api.Reply placed = TestStack.api().placeOrder(buyer, sku, 1, "AT");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(Metrics.value(
                        ServiceName.ACCOUNT,
                        "tradeflow_rpc_server_seconds_count",
                        "service=\"WalletService\"",
                        "method=\"debit\"",
                        "outcome=\"SUCCESS\""))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThan(before));
        assertThat(Metrics.value(
                        ServiceName.INVENTORY,
                        "tradeflow_rpc_server_seconds_count",
                        "service=\"InventoryService\"",
                        "method=\"deduct\"",
                        "outcome=\"SUCCESS\""))
                .hasValueSatisfying(n -> assertThat(n).isPositive());
        assertThat(TestStack.api().placeOrder(100_000, sku, 1).status())
                .as("no such user")
                .isEqualTo(404);
        assertThat(Metrics.value(ServiceName.ACCOUNT, "tradeflow_rpc_server_seconds_count", "outcome=\"REFUSED\""))
                .as("a business refusal (no wallet) is no error")
                .isPresent();
    }

    @Test
    void shouldShowEveryServicesConnectionPools() throws Exception {
        for (ServiceName service : new ServiceName[] {ServiceName.WEB, ServiceName.ACCOUNT, ServiceName.INVENTORY}) {
            String scrape = Metrics.scrape(service);
            assertThat(scrape).as(service.name()).contains("hikaricp_connections_active{");
            assertThat(Metrics.value(scrape, "hikaricp_connections_max"))
                    .as(service.name())
                    .hasValueSatisfying(n -> assertThat(n).isPositive());
        }
    }

    @Test
    void shouldTimeEachGlobalTransactionsBeginAndCommitByNameAndType() throws Exception {
        String[] commits = {"name=\"place-order\"", "type=\"AT\"", "phase=\"commit\""};
        double before = Metrics.value(ServiceName.WEB, "tradeflow_global_transaction_seconds_count", commits)
                .orElse(0.0);
        Api.Reply placed = TestStack.api().placeOrder(buyer, sku, 1, "AT");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(Metrics.value(ServiceName.WEB, "tradeflow_global_transaction_seconds_count", commits))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(before + 1));
        assertThat(Metrics.value(
                        ServiceName.WEB,
                        "tradeflow_global_transaction_seconds_count",
                        "name=\"place-order\"",
                        "type=\"AT\"",
                        "phase=\"begin\""))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(before + 1));
    }

    @Test
    void shouldShowTheWebApisRequestsPurchaseStepsOutboxAndReconciliation() throws Exception {
        String scrape = Metrics.scrape(ServiceName.WEB);
        assertThat(scrape).contains("http_server_requests_seconds_count{", "tradeflow_purchase_step_seconds_count{");
        assertThat(Metrics.value(scrape, "tradeflow_outbox_unsent", "status=\"PENDING\""))
                .as("a number, not NaN")
                .hasValueSatisfying(n -> assertThat(n).isNotNaN().isNotNegative());
        assertThat(Metrics.value(scrape, "tradeflow_outbox_lag_seconds"))
                .hasValueSatisfying(n -> assertThat(n).isNotNaN().isNotNegative());
        assertThat(Metrics.value(scrape, "tradeflow_reconciliation_findings_open"))
                .isPresent();
        assertThat(scrape).contains("tradeflow_reconciliation_checked_total{subject=\"WALLET\"");
    }

    @Test
    void shouldShowTheInboxBacklogOfAnInboxSubscriber() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = Metrics.scrape(ServiceName.INVENTORY);
            assertThat(Metrics.value(scrape, "tradeflow_inbox_backlog", "consumer=\"inventory-sales-report\""))
                    .hasValueSatisfying(n -> assertThat(n).isNotNaN().isNotNegative());
            assertThat(Metrics.value(scrape, "tradeflow_inbox_lag_seconds", "consumer=\"inventory-sales-report\""))
                    .hasValueSatisfying(n -> assertThat(n).isNotNaN().isNotNegative());
        });
    }
}
