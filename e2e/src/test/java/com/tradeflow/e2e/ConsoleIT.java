package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradeflow.devstack.DevStackOptions;
import com.tradeflow.devstack.service.ServiceName;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operations console in a real browser (headless chromium, {@link Browser}): an admin signs in at the stack's
 * issuer and comes back to the console; a user who is no admin is turned away; a purchase shows on the overview; a
 * DEAD outbox row is re-queued, a dead letter replayed and a reconciliation finding resolved through the console's
 * buttons, each landing in the audit trail under the admin's name. Screenshots of each page are kept in
 * {@link Browser#SCREENSHOTS}.
 */
@Order(22)
@ExtendWith(TestStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String TOPIC = "tradeflow-order-events";
    private static final String HOLD_BEFORE_COMMIT = "order.place.before-commit";
    /** A sku no catalogue knows until the test's "fix" adds it (EventFaultsIT uses 999). */
    private static final long UNKNOWN_SKU = 997;

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private static Browser browser;
    private static long sku;
    private final Api api = TestStack.api();
    private final Databases db = TestStack.db();
    private final Events events = new Events(db);

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        sku = TestStack.db().newProduct(5_310, 1_000);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void shouldTurnAwayAUserWhoIsNoAdmin() {
        browser.forgetSessions();
        browser.open(console("/ops"));
        assertThat(browser.currentUrl())
                .as("sent to the issuer to sign in")
                .startsWith(identity().effectiveIssuerUri());
        browser.signIn(Long.toString(db.newUser(0)), identity().demoPassword());

        assertThat(browser.find(By.id("denied")))
                .as("refused: %s", browser.pageSource())
                .isPresent();
        browser.open(console("/ops/outbox"));
        assertThat(browser.find(By.id("denied"))).isPresent();
        assertThat(browser.find(By.id("rows"))).isEmpty();
        browser.screenshot("denied");
    }

    @Test
    @Order(2)
    void shouldSignInAnAdminAndShowAPurchaseOnTheOverview() {
        signInAsAdmin();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview");
        assertThat(browser.text(By.id("operator"))).isEqualTo("admin");
        for (String service : List.of("consumer-web", "provider-inventory", "provider-account", "seata-server")) {
            assertThat(browser.driver().findElements(By.cssSelector("tr[data-service='" + service + "'] .instance.up")))
                    .as("%s registered and healthy", service)
                    .isNotEmpty();
        }
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-service='consumer-web'] .instance.up")))
                .as("both web instances")
                .hasSize(2);
        assertThat(browser.find(By.cssSelector("[data-dependency='db'].up")))
                .as("its databases")
                .isPresent();
        long before = ordersShown("AT");

        Api.Reply placed = api.placeOrder(db.newUser(100_000), sku, 1, "AT");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);

        browser.open(console("/ops"));
        assertThat(ordersShown("AT")).as("the purchase counted on the overview").isEqualTo(before + 1);
        // and in the instance's purchases per second, sampled every 2 s in the test stack (OPS_HISTORY_INTERVAL)
        By figures = By.cssSelector(
                "div.member[data-address='127.0.0.1:" + URI.create(console("/")).getPort() + "'] .figures");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    browser.open(console("/ops"));
                    assertThat(Double.parseDouble(
                                    browser.driver().findElement(figures).getAttribute("data-peak")))
                            .as("peak purchases per second")
                            .isPositive();
                    // and the providers' calls it made (the debit, the deduction), read from each provider's actuator
                    for (String provider : List.of("provider-inventory", "provider-account")) {
                        assertThat(Double.parseDouble(browser.driver()
                                        .findElement(By.cssSelector("tr[data-service='" + provider + "'] .figures"))
                                        .getAttribute("data-peak")))
                                .as("%s calls per second", provider)
                                .isPositive();
                    }
                });
        for (String service : List.of("consumer-web", "provider-inventory", "provider-account")) {
            assertThat(browser.text(By.cssSelector("tr[data-service='" + service + "'] .version")))
                    .as("%s names its build", service)
                    .startsWith("0.1.0-SNAPSHOT (built ");
        }
        assertThat(browser.find(By.cssSelector("div.member[data-address='127.0.0.1:"
                        + URI.create(console("/")).getPort() + "'] svg.sparkline polyline")))
                .as("its chart")
                .isPresent();
        browser.screenshot("overview");

        String orderId = placed.body().path("orderId").asText();
        browser.open(console("/ops/orders"));
        browser.driver().findElement(By.name("orderId")).sendKeys(orderId);
        browser.driver().findElement(By.cssSelector("#find-order button")).click();
        // the click returns before the order's page is loaded (a full run saw the search form still there)
        browser.await(By.cssSelector("#order[data-order-id='" + orderId + "'][data-status='PLACED']"));
        String traceId = api.adminGet("/api/admin/orders/" + orderId)
                .body()
                .path("traceId")
                .asText();
        assertThat(browser.driver().findElement(By.id("trace")).getAttribute("href"))
                .as("its trace, in Zipkin")
                .isEqualTo(TestStack.stack().options().tracing().effectiveZipkinUrl() + "/zipkin/traces/" + traceId);
        assertThat(browser.find(By.cssSelector("#events tr[data-status]")))
                .as("its event")
                .isPresent();
        browser.screenshot("order");
    }

    @Test
    @Order(3)
    void shouldRequeueADeadOutboxRowFromTheConsole() {
        signInAsAdmin();
        long user = db.newUser(100_000);
        long orderId = api.placeOrder(user, sku, 1, "AT").body().path("orderId").asLong();
        Map<String, Object> row = await().atMost(WITHIN)
                .until(
                        () -> events.outboxOf(orderId).stream().findFirst(),
                        r -> r.isPresent() && "SENT".equals(r.get().get("status")))
                .orElseThrow();
        String eventId = (String) row.get("event_id");
        // as if every send had failed: the row is given up on (its event reached the subscribers, which must not
        // apply it twice when it is sent again)
        String orders = "tradeflow_order_" + user % 2;
        db.execute(
                orders,
                "UPDATE outbox_events SET status = 'DEAD', attempts = 10, "
                        + "last_error = 'broker refused (ConsoleIT)' WHERE event_id = '" + eventId + "'");
        try {
            requeueThroughTheConsole(orderId, eventId);
        } finally {
            // whatever happened above, no DEAD row left behind for the tests that wait for every event to be sent
            db.execute(
                    orders,
                    "UPDATE outbox_events SET status = 'SENT' WHERE event_id = '" + eventId + "' AND status = 'DEAD'");
        }
    }

    private void requeueThroughTheConsole(long orderId, String eventId) {
        browser.open(console("/ops/outbox?status=NOPE"));
        assertThat(browser.text(By.id("problem")))
                .as("a console page, not the API's JSON")
                .startsWith("VALIDATION_FAILED");

        browser.open(console("/ops/outbox?status=DEAD"));
        WebElement shown = browser.driver().findElement(By.cssSelector("tr[data-event-id='" + eventId + "']"));
        assertThat(shown.getText()).contains("broker refused (ConsoleIT)");
        browser.screenshot("outbox-dead");
        shown.findElement(By.cssSelector("button.requeue")).click();

        assertThat(browser.await(By.id("done")).getText()).contains(eventId);
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(events.outboxOf(orderId))
                        .extracting(r -> r.get("status"))
                        .containsExactly("SENT"));
        events.awaitConverged();
        assertThat(events.processedOf(Events.POINTS, orderId))
                .as("applied once")
                .hasSize(1);
        JsonNode requeued = lastAudit("outbox.requeue", eventId);
        assertThat(requeued.path("operator").asText()).isEqualTo("admin");
        assertThat(requeued.path("outcome").asText()).isEqualTo("DONE");

        // refused (the row is no longer DEAD) through the API: audited too, under the static token's name
        assertThat(api.adminPost("/api/admin/outbox/" + eventId + "/requeue").code())
                .isEqualTo("EVENT_NOT_DEAD");
        JsonNode refused = lastAudit("outbox.requeue", eventId);
        assertThat(refused.path("operator").asText()).isEqualTo("admin-token");
        assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("detail").asText()).startsWith("EVENT_NOT_DEAD");
    }

    @Test
    @Order(4)
    void shouldReplayADeadLetterFromTheConsoleOnceItsCauseIsFixed() throws Exception {
        signInAsAdmin();
        long user = db.newUser(100_000);
        long orderId = Math.abs(UUID.randomUUID().getMostSignificantBits() >>> 1);
        Events.Injected poison = new Events.Injected(UUID.randomUUID().toString(), user, UNKNOWN_SKU, 2, 4200, orderId);
        String body = Events.orderPlacedBody(poison);
        try (Broker broker = Broker.of(TestStack.stack().options())) {
            broker.send(TOPIC, "OrderPlaced", List.of(poison.eventId(), String.valueOf(orderId)), body, orderId);
        }
        Events.injected(poison);

        boolean replayed = false;
        try {
            String page = console("/ops/dead-letters?group=" + Events.SALES);
            WebElement letter = await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(
                            () -> {
                                browser.open(page);
                                return browser.find(By.cssSelector("tr[data-event-id='" + poison.eventId() + "']"))
                                        .orElse(null);
                            },
                            found -> found != null);
            browser.screenshot("dead-letters");
            assertThat(events.processedOf(Events.SALES, orderId)).isEmpty();

            // the fix: the product exists now
            addTheUnknownProduct();
            letter.findElement(By.cssSelector("button.replay")).click();
            assertThat(browser.await(By.id("done")).getText()).contains(poison.eventId());
            replayed = true;
        } finally {
            if (!replayed) {
                // the event counts as sent (Events.injected): have it applied, or every later test's wait for
                // convergence fails too
                addTheUnknownProduct();
                replayThroughTheApi(poison.eventId());
            }
        }
        await().atMost(WITHIN)
                .untilAsserted(() ->
                        assertThat(events.processedOf(Events.SALES, orderId)).hasSize(1));
        events.awaitConverged();
        assertThat(lastAudit("dead-letter.replay", null).path("target").asText())
                .startsWith(Events.SALES + "/");
    }

    private void addTheUnknownProduct() {
        db.execute(
                "tradeflow_inventory",
                "INSERT IGNORE INTO products (sku_id, name, price) VALUES (" + UNKNOWN_SKU
                        + ", 'Late catalogue entry (ConsoleIT)', 2100)");
    }

    private void replayThroughTheApi(String eventId) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    JsonNode letters = api.adminGet("/api/admin/dead-letters/" + Events.SALES)
                            .body();
                    String msgId = StreamSupport.stream(letters.spliterator(), false)
                            .filter(l -> eventId.equals(l.path("eventId").asText()))
                            .map(l -> l.path("msgId").asText())
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("not dead-lettered yet: " + eventId));
                    assertThat(api.adminPost("/api/admin/dead-letters/" + Events.SALES + "/" + msgId + "/replay")
                                    .status())
                            .isEqualTo(202);
                });
    }

    @Test
    @Order(5)
    void shouldShowAReconciliationFindingAndResolveItWithANote() {
        signInAsAdmin();
        long user = db.newUser(100_000);
        long orderId = api.placeOrder(user, sku, 1, "AT").body().path("orderId").asLong();
        String wallets = "tradeflow_account_" + (user % 2);
        db.execute(
                wallets, "UPDATE wallet_ledger SET type = 'LOST' WHERE order_id = " + orderId + " AND type = 'DEBIT'");
        try {
            By finding = By.cssSelector(
                    "tr[data-subject='ORDER'][data-subject-id='" + orderId + "'][data-kind='MONEY_MISSING']");
            WebElement row = await().atMost(WITHIN)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(
                            () -> {
                                browser.open(console("/ops/reconciliation"));
                                return browser.find(finding).orElse(null);
                            },
                            found -> found != null);
            browser.screenshot("reconciliation");

            row.findElement(By.name("note")).sendKeys("debit restored by hand (ConsoleIT)");
            row.findElement(By.cssSelector("button.resolve")).click();
            assertThat(browser.await(By.id("done")).getText()).contains("resolved");

            JsonNode resolved = findings("RESOLVED")
                    .filter(f -> f.path("orderId").asLong() == orderId)
                    .findFirst()
                    .orElseThrow();
            assertThat(resolved.path("closedBy").asText()).isEqualTo("admin");
            assertThat(resolved.path("note").asText()).isEqualTo("debit restored by hand (ConsoleIT)");
            assertThat(lastAudit("finding.resolve", resolved.path("id").asText())
                            .path("detail")
                            .asText())
                    .isEqualTo("debit restored by hand (ConsoleIT)");
        } finally {
            db.execute(
                    wallets,
                    "UPDATE wallet_ledger SET type = 'DEBIT' WHERE order_id = " + orderId + " AND type = 'LOST'");
        }
        // the books agree again: what the broken ledger also showed (a LOST row) clears itself
        await().atMost(WITHIN)
                .untilAsserted(() -> assertThat(
                                findings("OPEN").filter(f -> f.path("orderId").asLong() == orderId))
                        .isEmpty());
        browser.open(console("/ops"));
        browser.screenshot("overview-after-actions");
    }

    @Test
    @Order(6)
    void shouldShowTheSentinelRulesEachServiceFollowsFromNacos() {
        signInAsAdmin();
        browser.open(console("/ops/sentinel"));

        assertThat(browser.driver().findElements(By.cssSelector("#rules tbody tr")))
                .as("3 services x 5 kinds")
                .hasSize(15);
        WebElement flow = browser.driver().findElement(By.cssSelector("tr[data-data-id='consumer-web-flow-rules']"));
        assertThat(flow.findElement(By.cssSelector("td.count")).getText())
                .as("the shipped defaults")
                .isEqualTo("2");
        assertThat(flow.getText()).contains("POST:/api/orders");
        assertThat(browser.text(By.cssSelector("tr[data-data-id='provider-account-flow-rules']")))
                .contains("provider-account-flow-rules");
        browser.screenshot("sentinel");
    }

    @Test
    @Order(7)
    void shouldShowAFlashSaleWithItsUnitsLeftAndTickets() {
        signInAsAdmin();
        // the sale's 5 units
        long saleSku = db.newProduct(9_478, 5);
        Instant now = Instant.now();
        Api.Reply opened = api.adminPost(
                "/api/flash-sales",
                "{\"skuId\":" + saleSku + ",\"quantity\":5,\"price\":300," + "\"startsAt\":\"" + now
                        + "\",\"endsAt\":\"" + now.plusSeconds(60) + "\",\"perUserLimit\":1}");
        assertThat(opened.status()).as("%s", opened.body()).isEqualTo(201);
        String saleId = opened.body().path("saleId").asText();
        long buyer = db.newUser(100_000);
        Api.Reply entered = api.as(buyer).post("/api/flash-sales/" + saleId + "/orders", "{\"userId\":" + buyer + "}");
        assertThat(entered.status()).isEqualTo(202);
        String ticket = entered.body().path("ticketId").asText();
        // placed before the next test holds purchases at their commit
        await().atMost(WITHIN)
                .until(
                        () -> api.as(buyer)
                                .get("/api/flash-sales/tickets/" + ticket)
                                .body()
                                .path("status")
                                .asText(),
                        "PLACED"::equals);

        browser.open(console("/ops/flash-sales"));
        WebElement sale = browser.driver().findElement(By.cssSelector("tr[data-sale-id='" + saleId + "']"));
        assertThat(sale.findElement(By.cssSelector("td.left")).getText()).isEqualTo("4");
        long tickets = sale.findElements(By.cssSelector("td.tickets span")).stream()
                .filter(state -> List.of("QUEUED", "PLACED").contains(state.getAttribute("data-state")))
                .mapToLong(state -> Long.parseLong(state.getText().split(" ")[1]))
                .sum();
        assertThat(tickets).as("the buyer's ticket").isEqualTo(1);
        browser.screenshot("flash-sales");
    }

    @Test
    @Order(8)
    void shouldShowAGlobalTransactionWhileTheCoordinatorHoldsIt() throws Exception {
        signInAsAdmin();
        int web = TestStack.stack().managementPort(ServiceName.WEB);
        long user = db.newUser(100_000);
        api.fault(web, HOLD_BEFORE_COMMIT, true);
        try {
            CompletableFuture<Api.Reply> placing =
                    CompletableFuture.supplyAsync(() -> api.placeOrder(user, sku, 1, "AT"));
            // held after all three branches ran, before the global commit
            Set<String> inFlight =
                    await().atMost(Duration.ofSeconds(20)).until(() -> db.inFlightXids("AT"), held -> !held.isEmpty());
            assertThat(inFlight).as("only this purchase in flight").hasSize(1);
            String xid = inFlight.iterator().next();

            browser.open(console("/ops/transactions"));
            WebElement held = browser.driver().findElement(By.cssSelector("tr[data-xid='" + xid + "']"));
            assertThat(held.findElement(By.cssSelector("td.status")).getText()).isEqualTo("Begin");
            assertThat(held.getText()).contains("place-order");
            assertThat(held.findElements(By.cssSelector(".branch")))
                    .as("stock, money, order")
                    .hasSize(3);
            browser.screenshot("transactions");

            api.fault(web, HOLD_BEFORE_COMMIT, false);
            assertThat(placing.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                browser.open(console("/ops/transactions"));
                assertThat(browser.find(By.cssSelector("tr[data-xid='" + xid + "']")))
                        .as("committed: gone")
                        .isEmpty();
            });
        } finally {
            api.fault(web, HOLD_BEFORE_COMMIT, false);
        }
    }

    /**
     * A top-up the gateway refused while it was down is flagged for review; the job's next check is put an hour away
     * (by hand), the gateway heals, and "query the gateway now" hands the payment over at once: it settles within
     * seconds, which the job alone would not have done for an hour. Audited under the operator.
     */
    @Test
    @Order(9)
    void shouldQueryTheGatewayAboutATopUpInReviewAtOnce() {
        signInAsAdmin();
        Gateway gateway = new Gateway(TestStack.stack());
        long user = db.newUser(100_000);
        String database = "tradeflow_order_" + (user % 2);
        String topUpId;
        gateway.faults("{\"errorRate\":1}");
        try {
            Api.Reply started = api.topUp(user, 700, UUID.randomUUID().toString());
            assertThat(started.status()).as("%s", started.body()).isEqualTo(202);
            topUpId = started.body().path("topUpId").asText();
            // old enough to be flagged at the job's next check, which comes at once
            db.execute(
                    database,
                    "UPDATE top_ups SET created_at = TIMESTAMPADD(MINUTE, -5, NOW(3)), "
                            + "next_check_at = NOW(3) WHERE top_up_id = " + topUpId);
            await().atMost(WITHIN)
                    .until(() -> db.number(
                                    database,
                                    "SELECT COUNT(*) FROM top_ups WHERE top_up_id = " + topUpId
                                            + " AND review_reason IS NOT NULL")
                            == 1);
            await().atMost(WITHIN).pollInterval(Duration.ofSeconds(2)).until(() -> {
                db.execute(
                        database,
                        "UPDATE top_ups SET next_check_at = TIMESTAMPADD(HOUR, 1, NOW(3)) " + "WHERE top_up_id = "
                                + topUpId);
                Thread.sleep(3000);
                return db.number(
                                database,
                                "SELECT COUNT(*) FROM top_ups WHERE top_up_id = " + topUpId
                                        + " AND next_check_at > TIMESTAMPADD(MINUTE, 30, NOW(3))")
                        == 1;
            });
        } finally {
            gateway.faults(Gateway.NO_FAULTS);
        }
        browser.open(console("/ops/topups"));
        WebElement row = browser.await(By.cssSelector("tr[data-top-up-id='" + topUpId + "']"));
        assertThat(row.getAttribute("data-status")).isEqualTo("PENDING");
        browser.screenshot("topups");

        row.findElement(By.cssSelector("button.query")).click();
        assertThat(browser.await(By.id("done")).getText()).contains("top-up " + topUpId);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.as(user)
                                .get("/api/topups/" + topUpId)
                                .body()
                                .path("status")
                                .asText(),
                        "SUCCEEDED"::equals);
        assertThat(lastAudit("topup.query", topUpId).path("operator").asText()).isEqualTo("admin");
    }

    private void signInAsAdmin() {
        browser.forgetSessions();
        browser.open(console("/ops"));
        browser.signIn("admin", identity().adminPassword());
        assertThat(browser.currentUrl())
                .as("back at the console: %s", browser.pageSource())
                .startsWith(console("/ops"));
    }

    /** The orders the overview shows for the mode (0 while it shows none). */
    private long ordersShown(String mode) {
        return browser.find(By.cssSelector("#purchases tr[data-mode='" + mode + "'] td.orders"))
                .map(cell -> Long.parseLong(cell.getText()))
                .orElse(0L);
    }

    private JsonNode lastAudit(String action, String target) {
        JsonNode entries = api.adminGet("/api/admin/audit?limit=50").body();
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(e -> e.path("action").asText().equals(action))
                .filter(e -> target == null || e.path("target").asText().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry " + action + " " + target + " in " + entries));
    }

    private java.util.stream.Stream<JsonNode> findings(String status) {
        JsonNode report = api.adminGet("/api/admin/reconciliation?status=" + status + "&limit=1000")
                .body();
        return StreamSupport.stream(report.path("findings").spliterator(), false);
    }

    private static String console(String path) {
        return TestStack.stack().webUrl(ServiceName.WEB) + path;
    }

    private static DevStackOptions.Identity identity() {
        return TestStack.stack().options().identity();
    }
}
