package com.tradeflow.gatewaysim.payment;

import java.time.Clock;

/**
 * Creates a payment once per merchant order number and starts its settlement. A repeat of the same request
 * (the merchant retrying after a timeout) gets the existing payment and starts nothing: the customer is charged
 * once. A repeat that differs in amount or notify URL is a conflict, never a silent overwrite.
 */
public final class CreatePaymentService {

    public enum Outcome {
        CREATED,
        EXISTING,
        CONFLICT
    }

    public record Result(Outcome outcome, Payment payment) {}

    private final PaymentStore store;
    private final PaymentSettlement settlement;
    private final Clock clock;

    public CreatePaymentService(PaymentStore store, PaymentSettlement settlement, Clock clock) {
        this.store = store;
        this.settlement = settlement;
        this.clock = clock;
    }

    public Result create(CreatePaymentRequest request) {
        PaymentStore.Insert insert = store.insertIfAbsent(request, clock.instant());
        if (insert.created()) {
            settlement.schedule(insert.payment());
            return new Result(Outcome.CREATED, insert.payment());
        }
        Outcome outcome = insert.payment().isSameRequestAs(request) ? Outcome.EXISTING : Outcome.CONFLICT;
        return new Result(outcome, insert.payment());
    }
}
