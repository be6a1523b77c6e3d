package com.tradeflow.gatewaysim.payment;

import java.time.Instant;

/**
 * One payment, immutable: a state change makes a new value, swapped into the {@link PaymentStore} atomically.
 * The payment guards its own transitions: only a PENDING payment settles, exactly once.
 *
 * @param amount     integer cents
 * @param paidAt     when the money moved; null unless SUCCEEDED
 * @param finishedAt when the payment reached its final status; null while PENDING
 */
public record Payment(
        String paymentId,
        String merchantOrderNo,
        long amount,
        String notifyUrl,
        PaymentStatus status,
        Instant createdAt,
        Instant paidAt,
        Instant finishedAt) {

    static Payment pending(String paymentId, CreatePaymentRequest request, Instant now) {
        return new Payment(
                paymentId,
                request.merchantOrderNo(),
                request.amount(),
                request.notifyUrl(),
                PaymentStatus.PENDING,
                now,
                null,
                null);
    }

    Payment settle(boolean failed, Instant now) {
        if (status != PaymentStatus.PENDING) {
            throw new IllegalStateException("payment " + paymentId + " is already " + status);
        }
        return failed
                ? new Payment(paymentId, merchantOrderNo, amount, notifyUrl, PaymentStatus.FAILED, createdAt, null, now)
                : new Payment(
                        paymentId, merchantOrderNo, amount, notifyUrl, PaymentStatus.SUCCEEDED, createdAt, now, now);
    }

    /** A repeated create is the same request when it would charge the same amount and notify the same place. */
    boolean isSameRequestAs(CreatePaymentRequest request) {
        return amount == request.amount() && notifyUrl.equals(request.notifyUrl());
    }
}
