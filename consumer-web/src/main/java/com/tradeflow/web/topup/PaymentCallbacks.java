package com.tradeflow.web.topup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.web.gateway.GatewayProperties;
import com.tradeflow.web.gateway.NotificationSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Result notifications from the gateway: checked (signature and timestamp, over the raw body), stored first under
 * the gateway's notification id, then processed in one local transaction that settles the top-up and marks the
 * notification processed. A duplicate (the gateway re-sends until acknowledged, sometimes twice at once) answers
 * success from the stored outcome and changes nothing. A notification stored by an instance that died before
 * processing it is processed by the reconciliation job.
 */
@Component
class PaymentCallbacks {

    /** Test-only: hold a notification after it is stored, before it is processed (to kill the instance there). */
    static final String FAULT_HOLD_AFTER_STORE = "payments.callback.after-store";

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);

    private final NotificationSignature signature;
    private final ObjectMapper json;
    private final TopUpRepository topUps;
    private final PaymentNotificationRepository notifications;
    private final TopUpSettlement settlement;
    private final TransactionTemplate transactions;
    private final FaultSwitches faults;

    PaymentCallbacks(
            GatewayProperties gateway,
            ObjectMapper json,
            TopUpRepository topUps,
            PaymentNotificationRepository notifications,
            TopUpSettlement settlement,
            TransactionTemplate transactions,
            FaultSwitches faults) {
        this.signature = new NotificationSignature(
                gateway.secret(), gateway.notificationMaxAge(), gateway.maxClockSkew(), Clock.systemUTC());
        this.json = json;
        this.topUps = topUps;
        this.notifications = notifications;
        this.settlement = settlement;
        this.transactions = transactions;
        this.faults = faults;
    }

    /**
     * @return what the notification did (or did the first time, for a duplicate)
     * @throws BusinessException 401 bad or stale signature, 400 malformed body, 404 unknown merchant order number;
     *                           nothing is stored in any of these cases
     */
    String receive(String timestamp, String signatureHeader, byte[] body) {
        NotificationSignature.Verdict verdict = signature.verify(timestamp, signatureHeader, body);
        if (verdict != NotificationSignature.Verdict.VALID) {
            // never the signature or the secret; the timestamp and size help to tell a replay from a forgery
            log.warn("payment notification refused: {} (timestamp {}, {} byte body)", verdict, timestamp, body.length);
            boolean stale = verdict == NotificationSignature.Verdict.STALE
                    || verdict == NotificationSignature.Verdict.FROM_THE_FUTURE;
            throw new BusinessException(
                    stale ? ErrorCode.STALE_NOTIFICATION : ErrorCode.INVALID_SIGNATURE,
                    stale
                            ? "the notification's timestamp is outside the accepted window"
                            : "the notification's signature does not match");
        }
        PaymentNotification notification = parse(body);
        TopUp topUp = topUps.findByMerchantOrderNo(notification.merchantOrderNo())
                .orElseThrow(() -> {
                    log.warn(
                            "payment notification {} for unknown merchant order number {}: refused",
                            notification.notificationId(),
                            notification.merchantOrderNo());
                    return new BusinessException(ErrorCode.NOT_FOUND, "no payment " + notification.merchantOrderNo());
                });
        try {
            notifications.insert(
                    notification,
                    topUp.userId(),
                    new String(body, StandardCharsets.UTF_8),
                    Instant.ofEpochSecond(Long.parseLong(timestamp.strip())));
        } catch (DuplicateKeyException repeat) {
            PaymentNotificationRepository.Stored stored = notifications
                    .find(notification.notificationId(), topUp.userId())
                    .orElseThrow(() -> repeat);
            if (stored.processed()) {
                log.info(
                        "payment notification {} ({}) again: answered from its stored outcome {}",
                        notification.notificationId(),
                        notification.merchantOrderNo(),
                        stored.outcome());
                return stored.outcome();
            }
            // stored by a delivery that has not processed it (yet): process it here too; the top-up's row lock
            // puts the two one after the other, and the second changes nothing
        }
        faults.holdWhileArmed(FAULT_HOLD_AFTER_STORE);
        return process(notification, topUp.userId()).name();
    }

    /** A notification stored and never processed (its instance died in between): for the reconciliation job. */
    void processStored(PaymentNotificationRepository.Stored stored) {
        PaymentNotification notification = parse(stored.body().getBytes(StandardCharsets.UTF_8));
        TopUpSettlement.Outcome outcome = process(notification, stored.userId());
        log.info(
                "payment notification {} ({}) stored earlier and left unprocessed: {}",
                stored.notificationId(),
                stored.merchantOrderNo(),
                outcome);
    }

    private TopUpSettlement.Outcome process(PaymentNotification notification, long userId) {
        return transactions.execute(status -> {
            TopUpSettlement.Outcome outcome =
                    settlement.settle(userId, notification.merchantOrderNo(), notification.asPayment(), "NOTIFICATION");
            notifications.markProcessed(notification.notificationId(), userId, outcome.name());
            return outcome;
        });
    }

    private PaymentNotification parse(byte[] body) {
        PaymentNotification notification;
        try {
            notification = json.readValue(body, PaymentNotification.class);
        } catch (IOException e) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED, "the notification is not valid JSON of the " + "expected shape");
        }
        String problem = notification == null ? "empty notification" : notification.problem();
        if (problem != null) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, problem);
        }
        return notification;
    }
}
