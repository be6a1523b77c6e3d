package com.tradeflow.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.bench.load.HttpCall;
import org.junit.jupiter.api.Test;

class ScenariosTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BenchData DATA = new BenchData(5001, 50, 5001, 50, false);

    @Test
    void shouldPlaceOneUnitInTheModeWithAnIdempotencyKey() throws Exception {
        HttpCall call = new Purchases(DATA, "run").sample("TCC", "key-1");

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/orders");
        assertThat(call.idempotencyKey()).isEqualTo("key-1");
        JsonNode body = JSON.readTree(call.jsonBody());
        assertThat(body.get("userId").asLong()).isEqualTo(5001);
        assertThat(body.get("skuId").asLong()).isEqualTo(5001);
        assertThat(body.get("quantity").asInt()).isEqualTo(1);
        assertThat(body.get("mode").asText()).isEqualTo("TCC");
    }

    @Test
    void shouldNeedBenchmarkModeForLocalPurchasesOnly() {
        Purchases purchases = new Purchases(DATA, "run");
        assertThat(purchases.modes()).containsExactly("LOCAL", "AT", "TCC", "XA");
        assertThat(purchases.needsBenchmarkMode("LOCAL")).isTrue();
        assertThat(purchases.needsBenchmarkMode("AT")).isFalse();
        assertThat(new Transfers(DATA, "run", 1).needsBenchmarkMode("LOCAL"))
                .as("transfers: one shard")
                .isFalse();
    }

    @Test
    void shouldNotOfferLocalForPlaceAndCancel() {
        assertThat(new PlaceCancel(DATA, "run", 0.5).modes()).containsExactly("AT", "TCC", "XA");
        assertThatThrownBy(() -> new PlaceCancel(DATA, "run", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTransferWithinAShardForLocalAndAcrossForXa() throws Exception {
        Transfers transfers = new Transfers(DATA, "run", 25);

        JsonNode local = JSON.readTree(transfers.sample("LOCAL", "k").jsonBody());
        JsonNode xa = JSON.readTree(transfers.sample("XA", "k").jsonBody());

        assertThat(local.get("fromUserId").asLong() % 2)
                .isEqualTo(local.get("toUserId").asLong() % 2);
        assertThat(xa.get("fromUserId").asLong() % 2)
                .isNotEqualTo(xa.get("toUserId").asLong() % 2);
        assertThat(xa.get("amount").asLong()).isEqualTo(25);
        assertThat(transfers.sample("XA", "k").path()).isEqualTo("/api/transfers");
    }
}
