package com.tradeflow.account.wallet;

import com.tradeflow.api.event.TopUpEvent;
import com.tradeflow.platform.events.EventSignatures;
import com.tradeflow.platform.events.UntrustedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Credits a wallet when its top-up succeeded, exactly once per merchant order number: the {@code wallet_top_ups}
 * row is inserted first, in the consumer's local transaction with the credit and its ledger row, so a redelivered
 * event hits the key and changes nothing. A wallet row an open AT purchase holds refuses the credit
 * ({@code CONCURRENT_UPDATE}); the transaction rolls back and the broker delivers the event again.
 */
@Component
public class TopUpCredits {

    private static final Logger log = LoggerFactory.getLogger(TopUpCredits.class);

    private final JdbcTemplate jdbc;
    private final WalletRepository wallets;
    private final EventSignatures signatures;

    TopUpCredits(JdbcTemplate jdbc, WalletRepository wallets, EventSignatures signatures) {
        this.jdbc = jdbc;
        this.wallets = wallets;
        this.signatures = signatures;
    }

    /**
     * In the consumer's local transaction.
     *
     * @throws UntrustedEventException the event is not signed by consumer-web (forged, or changed on the way):
     *                                 nothing is credited, and the message goes to the dead letters at once
     */
    public void credit(TopUpEvent event) {
        if (!signatures.valid(event.signedContent(), event.signature())) {
            throw new UntrustedEventException("top-up event " + event.eventId() + " (" + event.merchantOrderNo()
                    + ", user " + event.userId() + ", " + event.amount() + " cents) "
                    + (signatures.configured()
                            ? "does not carry consumer-web's signature"
                            : "cannot be checked: tradeflow.events.signing-key is not set")
                    + "; nothing credited");
        }
        try {
            jdbc.update(
                    """
                    INSERT INTO wallet_top_ups (merchant_order_no, user_id, top_up_id, amount, payment_id, event_id)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    event.merchantOrderNo(),
                    event.userId(),
                    event.topUpId(),
                    event.amount(),
                    event.paymentId(),
                    event.eventId());
        } catch (DuplicateKeyException credited) {
            log.info(
                    "top-up {} of user {} was credited before; event {} changes nothing",
                    event.merchantOrderNo(),
                    event.userId(),
                    event.eventId());
            return;
        }
        if (!wallets.creditOutsideGlobalTransaction(event.userId(), event.amount())) {
            throw new IllegalStateException(
                    "top-up " + event.merchantOrderNo() + ": user " + event.userId() + " has no wallet");
        }
        wallets.recordMovement(event.userId(), event.topUpId(), LedgerType.TOP_UP, event.amount());
        log.info("top-up {} credited: {} cents to user {}", event.merchantOrderNo(), event.amount(), event.userId());
    }
}
