package com.tradeflow.gatewaysim.payment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A payment as the merchant API shows it. Timestamps are ISO-8601 UTC strings; {@code paidAt} and
 * {@code finishedAt} are null until the payment settles. The notify URL stays out: the merchant sent it.
 */
@JsonPropertyOrder({"paymentId", "merchantOrderNo", "amount", "status", "createdAt", "paidAt", "finishedAt"})
public record PaymentResponse(
        String paymentId,
        String merchantOrderNo,
        long amount,
        PaymentStatus status,
        String createdAt,
        String paidAt,
        String finishedAt) {

    public static PaymentResponse of(Payment payment) {
        return new PaymentResponse(
                payment.paymentId(),
                payment.merchantOrderNo(),
                payment.amount(),
                payment.status(),
                Timestamps.format(payment.createdAt()),
                Timestamps.format(payment.paidAt()),
                Timestamps.format(payment.finishedAt()));
    }
}
