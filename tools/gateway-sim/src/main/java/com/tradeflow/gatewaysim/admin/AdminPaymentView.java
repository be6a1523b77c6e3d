package com.tradeflow.gatewaysim.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.tradeflow.gatewaysim.notification.PaymentNotifier;
import com.tradeflow.gatewaysim.payment.Payment;
import com.tradeflow.gatewaysim.payment.PaymentStatus;
import com.tradeflow.gatewaysim.payment.Timestamps;

/**
 * A payment as the admin API lists it: what the merchant API shows, plus the notify URL and how the result
 * notification went ({@code notification} is null while the payment is PENDING).
 */
@JsonPropertyOrder({
    "paymentId",
    "merchantOrderNo",
    "amount",
    "status",
    "createdAt",
    "paidAt",
    "finishedAt",
    "notifyUrl",
    "notification"
})
record AdminPaymentView(
        String paymentId,
        String merchantOrderNo,
        long amount,
        PaymentStatus status,
        String createdAt,
        String paidAt,
        String finishedAt,
        String notifyUrl,
        PaymentNotifier.DeliveryStatus notification) {

    static AdminPaymentView of(Payment p, PaymentNotifier.DeliveryStatus delivery) {
        return new AdminPaymentView(
                p.paymentId(),
                p.merchantOrderNo(),
                p.amount(),
                p.status(),
                Timestamps.format(p.createdAt()),
                Timestamps.format(p.paidAt()),
                Timestamps.format(p.finishedAt()),
                p.notifyUrl(),
                delivery);
    }
}
