package com.tradeflow.gatewaysim.payment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * All payments, in memory, keyed by merchant order number: the merchant's idempotency key. Creation is
 * insert-first ({@code putIfAbsent}), so of any number of concurrent creates for one order number exactly one
 * inserts and the others get that payment back; there is no check-then-insert window.
 */
public final class PaymentStore {

    private final ConcurrentMap<String, Payment> byMerchantOrderNo = new ConcurrentHashMap<>();

    /** The payment for this order number, and whether this call created it. */
    public record Insert(Payment payment, boolean created) {}

    Insert insertIfAbsent(CreatePaymentRequest request, Instant now) {
        Payment candidate = Payment.pending(newPaymentId(), request, now);
        Payment existing = byMerchantOrderNo.putIfAbsent(request.merchantOrderNo(), candidate);
        return existing == null ? new Insert(candidate, true) : new Insert(existing, false);
    }

    public Optional<Payment> find(String merchantOrderNo) {
        return Optional.ofNullable(byMerchantOrderNo.get(merchantOrderNo));
    }

    /** Moves a PENDING payment to its final status; the payment itself refuses a second settlement. */
    Payment settle(String merchantOrderNo, boolean failed, Instant now) {
        Payment settled = byMerchantOrderNo.computeIfPresent(merchantOrderNo, (no, p) -> p.settle(failed, now));
        if (settled == null) {
            throw new IllegalStateException("no payment for merchant order " + merchantOrderNo);
        }
        return settled;
    }

    /** Every payment, oldest first. */
    public List<Payment> all() {
        return byMerchantOrderNo.values().stream()
                .sorted(Comparator.comparing(Payment::createdAt).thenComparing(Payment::paymentId))
                .toList();
    }

    private static String newPaymentId() {
        // random, not from the fault seed: ids must stay unique across restarts, merchants store them
        return "pay_" + UUID.randomUUID().toString().replace("-", "");
    }
}
