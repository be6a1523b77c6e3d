package com.tradeflow.web.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceOrderRequestTests {

    @Test
    void shouldFingerprintTheSamePurchaseAlikeAndAnyDifferenceApart() {
        PlaceOrderRequest one = new PlaceOrderRequest(1L, 3L, 2, "AT");
        assertThat(one.fingerprint())
                .isEqualTo(new PlaceOrderRequest(1L, 3L, 2, "AT").fingerprint())
                .hasSize(64);
        assertThat(one.fingerprint())
                .isNotEqualTo(new PlaceOrderRequest(1L, 3L, 3, "AT").fingerprint())
                .isNotEqualTo(new PlaceOrderRequest(2L, 3L, 2, "AT").fingerprint())
                .isNotEqualTo(new PlaceOrderRequest(1L, 4L, 2, "AT").fingerprint())
                .isNotEqualTo(new PlaceOrderRequest(1L, 3L, 2, "XA").fingerprint());
        // no ambiguity from concatenation: 1|23 is not 12|3
        assertThat(new PlaceOrderRequest(1L, 23L, 2, "AT").fingerprint())
                .isNotEqualTo(new PlaceOrderRequest(12L, 3L, 2, "AT").fingerprint());
    }
}
