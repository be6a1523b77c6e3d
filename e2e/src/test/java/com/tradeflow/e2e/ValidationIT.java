package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets a 4xx with a machine-readable code, and nothing is written anywhere: every business row of every
 * database is the same after all these requests, whichever order they ran in. Runs right after the health check
 * ({@code @Order(1)}), while no earlier test's events are still being applied.
 */
@Order(1)
@ExtendWith(TestStack.class)
class ValidationIT {

    private static Map<String, List<Map<String, Object>>> before;

    @BeforeAll
    static void snapshot() {
        before = TestStack.db().snapshot();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"userId\":1,\"quantity\":1,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"quantity\":1}",
                "{\"userId\":-1,\"skuId\":1,\"quantity\":1,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":0,\"quantity\":1,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"quantity\":0,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"quantity\":-5,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"quantity\":1000000,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"quantity\":1,\"mode\":\"SAGA\"}",
                // no global transaction at all: the benchmarks' baseline, refused outside benchmarks
                "{\"userId\":1,\"skuId\":1,\"quantity\":1,\"mode\":\"LOCAL\"}",
                "{\"userId\":\"one\",\"skuId\":1,\"quantity\":1,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,\"quantity\":1.5e99,\"mode\":\"AT\"}",
                "{\"userId\":1,\"skuId\":1,",
                "not json at all",
                "[]"
            })
    void shouldAnswer400ValidationFailedForABadOrder(String body) {
        Api.Reply reply = TestStack.api().as(1).post("/api/orders", body);
        assertThat(reply.status()).as("body %s -> %s", body, reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().path("message").asText()).isNotBlank();
    }

    @Test
    void shouldAnswer404ForUnknownUserSkuOrOrder() {
        Api.Reply unknownUser = TestStack.api().placeOrder(100_000, 1, 1);
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.code()).isEqualTo("NOT_FOUND");
        Api.Reply unknownSku = TestStack.api().placeOrder(1, 9_999, 1);
        assertThat(unknownSku.status()).isEqualTo(404);
        assertThat(unknownSku.code()).isEqualTo("NOT_FOUND");
        assertThat(TestStack.api().as(1).get("/api/orders/12345").status()).isEqualTo(404);
        assertThat(TestStack.api().as(100_000).get("/api/wallets/100000").code())
                .isEqualTo("NOT_FOUND");
        assertThat(TestStack.api().get("/api/products/100000").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldAnswer400ForNonNumericOrNegativeIds() {
        assertThat(TestStack.api().as(1).get("/api/orders/abc").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(TestStack.api().as(1).get("/api/wallets/-3").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(TestStack.api().as(1).get("/api/users/0/orders").code()).isEqualTo("VALIDATION_FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userId\":0}", "{\"userId\":\"me\"}", "not json"})
    void shouldAnswer400ValidationFailedForABadCancellation(String body) {
        Api.Reply reply = TestStack.api().as(1).post("/api/orders/12345/cancel", body);
        assertThat(reply.status()).as("body %s -> %s", body, reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void shouldAnswer400ForAnIdempotencyKeyOver64Characters() {
        Api.Reply reply = TestStack.api().as(1).post("/api/orders", Api.order(1, 1, 1), "k".repeat(65));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }

    @AfterAll
    static void shouldHaveWrittenNothingForAnyOfThese() {
        assertThat(TestStack.db().snapshot()).isEqualTo(before);
    }
}
