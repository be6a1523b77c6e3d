package com.tradeflow.web.topup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentStatus;
import java.time.Instant;

/** The body of a result notification from the gateway (stale ones say PENDING, with no finishedAt). */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentNotification(
        String notificationId,
        String merchantOrderNo,
        String paymentId,
        Long amount,
        PaymentStatus status,
        Instant finishedAt) {

    private static final int MAX_ID_LENGTH = 64;

    /** @return what is missing or wrong, or null when the notification can be processed */
    String problem() {
        if (notificationId == null || notificationId.isBlank() || notificationId.length() > MAX_ID_LENGTH) {
            return "notificationId must be 1-64 characters";
        }
        if (merchantOrderNo == null || merchantOrderNo.isBlank() || merchantOrderNo.length() > MAX_ID_LENGTH) {
            return "merchantOrderNo must be 1-64 characters";
        }
        if (amount == null || status == null) {
            return "amount and status are required";
        }
        return null;
    }

    GatewayPayment asPayment() {
        return new GatewayPayment(paymentId, merchantOrderNo, amount, status, finishedAt);
    }
}
