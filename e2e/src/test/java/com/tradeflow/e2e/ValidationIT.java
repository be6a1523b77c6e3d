package com.tradeflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
    private static long user;
    private static long sku;

    @BeforeAll
    static void snapshot() {
        // a user and a product that exist, so that each request is wrong only where it means to be
        user = TestStack.db().newUser(100_000);
        sku = TestStack.db().newProduct(100, 1_000);
        before = TestStack.db().snapshot();
    }

    /** Bad order bodies; USER and SKU stand for the user and product of this test. */
    static Stream<String> badOrders() {
        return Stream.of(
                        "{\"userId\":USER,\"quantity\":1,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":1}",
                        "{\"userId\":-1,\"skuId\":SKU,\"quantity\":1,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":0,\"quantity\":1,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":0,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":-5,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":1000000,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":1,\"mode\":\"SAGA\"}",
                        // no global transaction at all: the benchmarks' baseline, refused outside benchmarks
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":1,\"mode\":\"LOCAL\"}",
                        "{\"userId\":\"one\",\"skuId\":SKU,\"quantity\":1,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,\"quantity\":1.5e99,\"mode\":\"AT\"}",
                        "{\"userId\":USER,\"skuId\":SKU,",
                        "not json at all",
                        "[]")
                .map(body -> body.replace("USER", String.valueOf(user)).replace("SKU", String.valueOf(sku)));
    }

    @ParameterizedTest
    @MethodSource("badOrders")
    void shouldAnswer400ValidationFailedForABadOrder(String body) {
        Api.Reply reply = TestStack.api().as(user).post("/api/orders", body);
        assertThat(reply.status()).as("body %s -> %s", body, reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.body().path("message").asText()).isNotBlank();
    }

    @Test
    void shouldAnswer404ForUnknownUserSkuOrOrder() {
        Api.Reply unknownUser = TestStack.api().placeOrder(100_000, sku, 1);
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.code()).isEqualTo("NOT_FOUND");
        Api.Reply unknownSku = TestStack.api().placeOrder(user, 9_999, 1);
        assertThat(unknownSku.status()).isEqualTo(404);
        assertThat(unknownSku.code()).isEqualTo("NOT_FOUND");
        assertThat(TestStack.api().as(user).get("/api/orders/12345").status()).isEqualTo(404);
        assertThat(TestStack.api().as(100_000).get("/api/wallets/100000").code())
                .isEqualTo("NOT_FOUND");
        assertThat(TestStack.api().get("/api/products/100000").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldAnswer400ForNonNumericOrNegativeIds() {
        assertThat(TestStack.api().as(user).get("/api/orders/abc").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(TestStack.api().as(user).get("/api/wallets/-3").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(TestStack.api().as(user).get("/api/users/0/orders").code()).isEqualTo("VALIDATION_FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userId\":0}", "{\"userId\":\"me\"}", "not json"})
    void shouldAnswer400ValidationFailedForABadCancellation(String body) {
        Api.Reply reply = TestStack.api().as(user).post("/api/orders/12345/cancel", body);
        assertThat(reply.status()).as("body %s -> %s", body, reply.body()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void shouldAnswer400ForAnIdempotencyKeyOver64Characters() {
        Api.Reply reply = TestStack.api().as(user).post("/api/orders", Api.order(user, sku, 1), "k".repeat(65));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }

    @AfterAll
    static void shouldHaveWrittenNothingForAnyOfThese() {
        assertThat(TestStack.db().snapshot()).isEqualTo(before);
    }
}
