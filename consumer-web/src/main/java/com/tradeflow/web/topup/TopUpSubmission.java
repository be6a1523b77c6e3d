package com.tradeflow.web.topup;

import com.tradeflow.web.gateway.GatewayException;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentGatewayClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a stored top-up to the gateway: always the same merchant order number, amount and notify URL, so a
 * repeat (a retry, the job after a crash) finds the payment the first call created. A refusal is final in two
 * cases: 400 (the gateway will never take this payment: FAILED, nothing was charged) and 409 (it has a payment of
 * that number that differs: flagged for manual review). Anything else stays for the reconciliation job.
 */
@Component
class TopUpSubmission {

    private static final int BAD_REQUEST = 400;
    private static final int CONFLICT = 409;
    private static final Logger log = LoggerFactory.getLogger(TopUpSubmission.class);

    private final PaymentGatewayClient gateway;
    private final TopUpRepository topUps;
    private final TopUpSettlement settlement;

    TopUpSubmission(PaymentGatewayClient gateway, TopUpRepository topUps, TopUpSettlement settlement) {
        this.gateway = gateway;
        this.topUps = topUps;
        this.settlement = settlement;
    }

    /**
     * @param withRetries retry failures that can pass (the web request); the job's own schedule is its retry
     * @return the gateway's payment as it answered; empty when it refused this one (the top-up is settled or
     *         flagged accordingly)
     * @throws GatewayException the gateway could not be reached, or refused us (not the payment: e.g. a wrong API
     *                          key); the top-up stays PENDING for the job
     */
    Optional<GatewayPayment> submit(TopUp topUp, boolean withRetries) {
        GatewayPayment payment;
        try {
            payment = withRetries
                    ? gateway.create(topUp.merchantOrderNo(), topUp.amount(), topUp.notifyUrl())
                    : gateway.createOnce(topUp.merchantOrderNo(), topUp.amount(), topUp.notifyUrl());
        } catch (GatewayException e) {
            if (e.httpStatus() == BAD_REQUEST) {
                settlement.refused(topUp, e.code());
                return Optional.empty();
            }
            if (e.httpStatus() == CONFLICT) {
                settlement.flag(
                        topUp,
                        "the gateway has a payment " + topUp.merchantOrderNo() + " with another amount or notify URL ("
                                + e.code() + ")");
                return Optional.empty();
            }
            if (!e.retriable()) {
                log.error(
                        "the payment gateway refused our call for top-up {} ({}): check GATEWAY_API_KEY and "
                                + "GATEWAY_URL",
                        topUp.topUpId(),
                        e.getMessage());
            }
            throw e;
        }
        topUps.markSubmitted(topUp, payment.paymentId());
        if (payment.status().isFinal()) {
            // a repeat of an earlier submission whose payment settled meanwhile
            settlement.settle(topUp.userId(), topUp.merchantOrderNo(), payment, "QUERY");
        }
        return Optional.of(payment);
    }
}
