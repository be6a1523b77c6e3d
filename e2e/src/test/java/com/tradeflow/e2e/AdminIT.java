package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admin endpoints answer only to the admin bearer token the stack was started with, or an admin's access token. */
@Order(10)
@ExtendWith(TestStack.class)
class AdminIT {

    @Test
    void shouldRefuseAdminRequestsWithoutTheRightBearerToken() throws Exception {
        String path = "/api/admin/orders/12345/transactions";

        for (String authorization : new String[] {
            null, "Bearer wrong", "Basic " + TestStack.stack().options().adminToken(), "Bearer"
        }) {
            HttpResponse<String> response = send(path, authorization);
            assertThat(response.statusCode())
                    .as("Authorization: %s", authorization)
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
        }
    }

    /**
     * Spring MVC matches a path without its {@code ;parameters}, decoded, with slashes collapsed: spellings of an
     * admin path never reach its controller without the admin's token. Paths with {@code ;} are refused before any
     * matching (400, Spring Security's firewall); an encoded letter is matched decoded, as an admin path (401).
     */
    @Test
    void shouldRefuseAdminPathsSpelledAnotherWay() throws Exception {
        for (String path : new String[] {"/api/admin;x=1/outbox", "/api;x/admin/outbox"}) {
            assertThat(send(path + "?status=DEAD", null).statusCode()).as(path).isEqualTo(400);
        }
        assertThat(send("/api/%61dmin/outbox?status=DEAD", null).statusCode())
                .as("encoded")
                .isEqualTo(401);
        assertThat(send("/api//admin/outbox?status=DEAD", null).statusCode())
                .as("never answered")
                .isNotEqualTo(200);
        HttpResponse<String> opening = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(TestStack.stack().webUrl() + "/api/flash-sales;x=1"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(opening.statusCode())
                .as("opening a flash sale, spelled another way")
                .isEqualTo(400);
    }

    @Test
    void shouldListEveryGlobalTransactionOfAnOrder() throws Exception {
        Api api = TestStack.api();
        long user = TestStack.db().newUser(100_000);
        Api.Reply placed = api.placeOrder(user, TestStack.db().newProduct(5_831, 1_000), 1, "TCC");
        String orderId = placed.body().path("orderId").asText();
        Api.Reply cancelled = api.cancel(orderId, user);
        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);

        HttpResponse<String> response = send(
                "/api/admin/orders/" + orderId + "/transactions",
                "Bearer " + TestStack.stack().options().adminToken());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode transactions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(0).path("action").asText()).isEqualTo("CANCEL");
        assertThat(transactions.get(0).path("xid").asText())
                .isEqualTo(cancelled.body().path("lastTransaction").path("xid").asText());
        assertThat(transactions.get(1).path("action").asText()).isEqualTo("PLACE");
        assertThat(transactions.get(1).path("xid").asText())
                .isEqualTo(placed.body().path("lastTransaction").path("xid").asText());
        assertThat(transactions.findValuesAsText("status")).containsOnly("Committed");
        assertThat(send(
                                "/api/admin/orders/12345/transactions",
                                "Bearer " + TestStack.stack().options().adminToken())
                        .statusCode())
                .isEqualTo(404);
    }

    private static HttpResponse<String> send(String path, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(TestStack.stack().webUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
