package com.tradeflow.gatewaysim.notification;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.tradeflow.gatewaysim.payment.Payment;
import com.tradeflow.gatewaysim.payment.PaymentStatus;
import com.tradeflow.gatewaysim.payment.Timestamps;
import java.util.UUID;

/**
 * The JSON body POSTed to a payment's notify URL. Every re-send of one notification carries the same
 * {@code notificationId}, so the merchant deduplicates on it; a stale notification has its own id.
 */
@JsonPropertyOrder({"notificationId", "merchantOrderNo", "paymentId", "amount", "status", "finishedAt"})
public record PaymentNotification(
        String notificationId,
        String merchantOrderNo,
        String paymentId,
        long amount,
        PaymentStatus status,
        String finishedAt) {

    /** The result notification of a settled payment. */
    static PaymentNotification resultOf(Payment payment) {
        return new PaymentNotification(
                newId(),
                payment.merchantOrderNo(),
                payment.paymentId(),
                payment.amount(),
                payment.status(),
                Timestamps.format(payment.finishedAt()));
    }

    /** What the payment looked like before it settled: the late, out-of-order message a merchant must ignore. */
    static PaymentNotification staleOf(Payment payment) {
        return new PaymentNotification(
                newId(), payment.merchantOrderNo(), payment.paymentId(), payment.amount(), PaymentStatus.PENDING, null);
    }

    private static String newId() {
        return "ntf_" + UUID.randomUUID().toString().replace("-", "");
    }
}
