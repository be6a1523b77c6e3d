package com.tradeflow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSignaturesTests {

    private final EventSignatures signatures = new EventSignatures("a-shared-key");

    @Test
    void shouldAcceptWhatItSigned() {
        String signature = signatures.sign("e1\nTopUpSucceeded\n42\n5000");

        assertThat(signatures.valid("e1\nTopUpSucceeded\n42\n5000", signature)).isTrue();
        assertThat(signatures.valid("e1\nTopUpSucceeded\n42\n5000", signature.toUpperCase()))
                .isTrue();
    }

    @Test
    void shouldRefuseChangedContentMissingSignaturesAndOtherKeys() {
        String signature = signatures.sign("e1\nTopUpSucceeded\n42\n5000");

        assertThat(signatures.valid("e1\nTopUpSucceeded\n42\n500000", signature))
                .isFalse();
        assertThat(signatures.valid("e1\nTopUpSucceeded\n42\n5000", null)).isFalse();
        assertThat(signatures.valid("e1\nTopUpSucceeded\n42\n5000", "not-hex")).isFalse();
        assertThat(new EventSignatures("another-key").valid("e1\nTopUpSucceeded\n42\n5000", signature))
                .isFalse();
    }

    @Test
    void shouldNeitherSignNorAcceptAnythingWithoutAKey() {
        EventSignatures none = new EventSignatures("");

        assertThat(none.configured()).isFalse();
        assertThat(none.valid("anything", signatures.sign("anything"))).isFalse();
        assertThatThrownBy(() -> none.sign("anything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRADEFLOW_EVENT_SIGNING_KEY");
    }
}
