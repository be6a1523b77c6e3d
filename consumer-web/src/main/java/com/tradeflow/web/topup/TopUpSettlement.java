package com.tradeflow.web.topup;

import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.events.EventSignatures;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentStatus;
import com.tradeflow.web.outbox.OutboxRepository;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The top-up state machine: PENDING -> SUCCEEDED or FAILED, on a result from the gateway (a notification or a
 * query), never backwards and never from one final status to the other. SUCCEEDED writes the TopUpSucceeded event
 * to the outbox in the same local transaction (the relay publishes it; provider-account credits the wallet).
 * The top-up row is locked for the transaction, so concurrent results of one payment apply one after the other.
 */
@Component
class TopUpSettlement {

    /** What a result did; stored with a notification and answered to duplicates of it. */
    enum Outcome {
        /** PENDING -> SUCCEEDED, event written. */
        SUCCEEDED,
        /** PENDING -> FAILED. */
        FAILED,
        /** The result says PENDING (a stale notification, or a query while the payment is open): ignored. */
        STILL_PENDING,
        /** The top-up had this final status already (a duplicate result): ignored. */
        ALREADY_FINAL,
        /** The result contradicts what we have (another amount, the other final status): flagged for review. */
        CONFLICT
    }

    static final String FAILURE_PAYMENT_FAILED = "PAYMENT_FAILED";
    private static final Logger log = LoggerFactory.getLogger(TopUpSettlement.class);

    private final TopUpRepository topUps;
    private final OutboxRepository outbox;
    private final EventSignatures signatures;

    TopUpSettlement(TopUpRepository topUps, OutboxRepository outbox, EventSignatures signatures) {
        this.topUps = topUps;
        this.outbox = outbox;
        this.signatures = signatures;
    }

    /**
     * @param resolvedBy NOTIFICATION or QUERY
     * @throws IllegalArgumentException no such top-up for that user
     */
    @Transactional
    public Outcome settle(long userId, String merchantOrderNo, GatewayPayment result, String resolvedBy) {
        TopUp topUp = topUps.lock(userId, merchantOrderNo)
                .orElseThrow(() -> new IllegalArgumentException("no top-up " + merchantOrderNo + " of user " + userId));
        if (result.status() == PaymentStatus.PENDING) {
            return Outcome.STILL_PENDING;
        }
        if (result.amount() != topUp.amount()) {
            conflict(
                    topUp,
                    "the gateway reports " + result.status() + " for " + result.amount() + " cents, the top-up is "
                            + topUp.amount());
            return Outcome.CONFLICT;
        }
        TopUpStatus reported = result.status() == PaymentStatus.SUCCEEDED ? TopUpStatus.SUCCEEDED : TopUpStatus.FAILED;
        if (topUp.status() == reported) {
            return Outcome.ALREADY_FINAL;
        }
        if (topUp.status() != TopUpStatus.PENDING) {
            conflict(topUp, "the gateway reports " + reported + " for a top-up that is " + topUp.status());
            return Outcome.CONFLICT;
        }
        topUps.finish(
                topUp,
                reported,
                result.paymentId(),
                resolvedBy,
                reported == TopUpStatus.FAILED ? FAILURE_PAYMENT_FAILED : null);
        if (reported == TopUpStatus.SUCCEEDED) {
            // signed from the stored top-up: provider-account credits only what it can check came from here
            TopUpEvent succeeded = TopUpEvent.succeeded(
                    UUID.randomUUID().toString(),
                    topUp.topUpId(),
                    topUp.merchantOrderNo(),
                    topUp.userId(),
                    topUp.amount(),
                    result.paymentId(),
                    Instant.now());
            outbox.append(succeeded.signedWith(signatures.sign(succeeded.signedContent())));
        }
        log.info(
                "top-up {} ({} of user {}, {} cents) {} by {}",
                topUp.topUpId(),
                merchantOrderNo,
                userId,
                topUp.amount(),
                reported,
                resolvedBy);
        return reported == TopUpStatus.SUCCEEDED ? Outcome.SUCCEEDED : Outcome.FAILED;
    }

    /** The gateway refused the payment itself at submission (400): it never existed there, nothing was charged. */
    @Transactional
    public void refused(TopUp topUp, String gatewayCode) {
        if (topUps.finish(topUp, TopUpStatus.FAILED, null, "GATEWAY", "GATEWAY_REFUSED: " + gatewayCode)) {
            log.warn(
                    "top-up {} ({}) FAILED: the gateway refused the payment ({})",
                    topUp.topUpId(),
                    topUp.merchantOrderNo(),
                    gatewayCode);
        }
    }

    private void conflict(TopUp topUp, String reason) {
        topUps.flagConflict(topUp, reason);
        log.error(
                "top-up {} ({} of user {}) flagged for manual review: {}",
                topUp.topUpId(),
                topUp.merchantOrderNo(),
                topUp.userId(),
                reason);
    }

    /** Flags it for manual review unless it is flagged already (the first reason stays). */
    void flag(TopUp topUp, String reason) {
        if (topUps.flagForReview(topUp, reason)) {
            log.error(
                    "top-up {} ({} of user {}) flagged for manual review: {}",
                    topUp.topUpId(),
                    topUp.merchantOrderNo(),
                    topUp.userId(),
                    reason);
        }
    }
}
