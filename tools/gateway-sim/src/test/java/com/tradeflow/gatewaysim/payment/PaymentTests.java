package com.tradeflow.gatewaysim.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTests {

    private static final Instant CREATED = Instant.parse("2025-05-01T10:00:00Z");
    private static final Instant SETTLED = Instant.parse("2025-05-01T10:00:01Z");

    private final Payment pending =
            Payment.pending("pay_1", new CreatePaymentRequest("order-1", 5000, "http://127.0.0.1/notify"), CREATED);

    @Test
    void shouldRecordPaidAtAndFinishedAtWhenSucceeding() {
        Payment succeeded = pending.settle(false, SETTLED);

        assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(succeeded.paidAt()).isEqualTo(SETTLED);
        assertThat(succeeded.finishedAt()).isEqualTo(SETTLED);
        assertThat(succeeded.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void shouldRecordOnlyFinishedAtWhenFailing() {
        Payment failed = pending.settle(true, SETTLED);

        assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(failed.paidAt()).isNull();
        assertThat(failed.finishedAt()).isEqualTo(SETTLED);
    }

    @Test
    void shouldNeverSettleTwice() {
        Payment succeeded = pending.settle(false, SETTLED);

        assertThatThrownBy(() -> succeeded.settle(true, SETTLED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTreatTheSameAmountAndNotifyUrlAsTheSameRequest() {
        assertThat(pending.isSameRequestAs(new CreatePaymentRequest("order-1", 5000, "http://127.0.0.1/notify")))
                .isTrue();
        assertThat(pending.isSameRequestAs(new CreatePaymentRequest("order-1", 5001, "http://127.0.0.1/notify")))
                .isFalse();
        assertThat(pending.isSameRequestAs(new CreatePaymentRequest("order-1", 5000, "http://127.0.0.1/other")))
                .isFalse();
    }
}
