package com.tradeflow.web.topup;

import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.gateway.GatewayException;
import com.tradeflow.web.gateway.PaymentGatewayClient;
import com.tradeflow.web.system.IdGenerator;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Starts a top-up: stores it PENDING first (so nothing the gateway does can be lost by us), then asks the gateway
 * for the payment, with retries. Whatever the gateway does, the answer is 202 with the top-up: its result comes as
 * a notification, or the reconciliation job finds it. The Idempotency-Key (per user) makes a repeated request
 * answer the first top-up; with another amount it is refused.
 */
@Service
class TopUpService {

    /** Test-only: hold the request after the top-up is stored, before the gateway is called (to kill it there). */
    static final String FAULT_HOLD_BEFORE_GATEWAY = "topups.before-gateway-call";

    private static final Logger log = LoggerFactory.getLogger(TopUpService.class);

    private final TopUpRepository topUps;
    private final TopUpSubmission submission;
    private final PaymentGatewayClient gateway;
    private final WalletService wallets;
    private final IdGenerator ids;
    private final TopUpProperties properties;
    private final FaultSwitches faults;

    TopUpService(
            TopUpRepository topUps,
            TopUpSubmission submission,
            PaymentGatewayClient gateway,
            WalletService wallets,
            IdGenerator ids,
            TopUpProperties properties,
            FaultSwitches faults) {
        this.topUps = topUps;
        this.submission = submission;
        this.gateway = gateway;
        this.wallets = wallets;
        this.ids = ids;
        this.properties = properties;
        this.faults = faults;
    }

    /** The top-up, and whether it was created now or answered again for a repeated key. */
    record Started(TopUp topUp, boolean replayed) {}

    Started start(long userId, long amount, String idempotencyKey) {
        if (amount > properties.maxAmount()) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED, "amount must be at most " + properties.maxAmount() + " cents");
        }
        Optional<Started> earlier = replay(userId, amount, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!gateway.configured()) {
            throw new BusinessException(ErrorCode.DEPENDENCY_UNAVAILABLE, "the payment gateway is not configured");
        }
        // 404 for a user without a wallet, before anything is stored
        wallets.getWallet(userId);
        long topUpId = ids.next();
        Instant now = Instant.now();
        TopUp topUp = new TopUp(
                topUpId,
                userId,
                TopUp.merchantOrderNo(topUpId),
                amount,
                idempotencyKey,
                TopUpStatus.PENDING,
                properties.notifyUrl(),
                null,
                null,
                null,
                null,
                0,
                now.plus(properties.reconcileAfter()),
                null,
                null,
                null,
                now,
                null);
        try {
            topUps.insert(topUp);
        } catch (DuplicateKeyException concurrent) {
            // a concurrent request with the same key stored its top-up first
            return replay(userId, amount, idempotencyKey).orElseThrow(() -> concurrent);
        }
        log.info(
                "top-up {} ({}) of user {}: {} cents, stored PENDING",
                topUpId,
                topUp.merchantOrderNo(),
                userId,
                amount);
        faults.holdWhileArmed(FAULT_HOLD_BEFORE_GATEWAY);
        try {
            submission.submit(topUp, true);
        } catch (GatewayException e) {
            log.warn(
                    "top-up {} ({}) not handed to the gateway ({}); the reconciliation job submits it",
                    topUpId,
                    topUp.merchantOrderNo(),
                    e.getMessage());
        }
        return new Started(topUps.find(topUpId, userId).orElse(topUp), false);
    }

    private Optional<Started> replay(long userId, long amount, String idempotencyKey) {
        return topUps.findByKey(userId, idempotencyKey).map(stored -> {
            if (stored.amount() != amount) {
                throw new BusinessException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key was already used with a different request");
            }
            return new Started(stored, true);
        });
    }
}
