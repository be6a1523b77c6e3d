package com.tradeflow.gatewaysim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NotificationSignatureTests {

    private static final byte[] BODY =
            "{\"notificationId\":\"ntf_1\",\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8);
    /** printf '1700000000.{"notificationId":"ntf_1","status":"SUCCEEDED"}' | openssl dgst -sha256 -hmac whsec_test */
    private static final String EXPECTED = "09a575c6a0543de32b90cb6b2611aab1dabf4095e4ed0d06e4e93bde060ec304";

    private final NotificationSignature signature = new NotificationSignature("whsec_test");

    @Test
    void shouldSignTimestampDotBodyAsLowercaseHexHmacSha256() {
        assertThat(signature.sign(1_700_000_000L, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldVerifyItsOwnSignature() {
        assertThat(signature.verify("1700000000", BODY, EXPECTED)).isTrue();
    }

    @Test
    void shouldRefuseAnAlteredBodyTimestampOrSignature() {
        byte[] altered = "{\"notificationId\":\"ntf_1\",\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify("1700000000", altered, EXPECTED)).isFalse();
        assertThat(signature.verify("1700000001", BODY, EXPECTED)).isFalse();
        assertThat(signature.verify("1700000000", BODY, EXPECTED.replace('0', '1')))
                .isFalse();
        assertThat(signature.verify("1700000000", BODY, EXPECTED.toUpperCase())).isFalse();
    }

    @Test
    void shouldRefuseMissingHeaders() {
        assertThat(signature.verify(null, BODY, EXPECTED)).isFalse();
        assertThat(signature.verify("1700000000", BODY, null)).isFalse();
    }

    @Test
    void shouldRefuseASignatureMadeWithAnotherSecret() {
        String other = new NotificationSignature("another-secret").sign(1_700_000_000L, BODY);

        assertThat(signature.verify("1700000000", BODY, other)).isFalse();
    }

    @Test
    void shouldRefuseAnEmptySecretAndNeverShowIt() {
        assertThatThrownBy(() -> new NotificationSignature("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(signature.toString()).doesNotContain("whsec_test");
    }
}
