package com.tradeflow.web.transfer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.transfers.*}: how long consumer-web waits for provider-account to answer a transfer.
 *
 * @param callTimeout above what a transfer may legitimately take in provider-account: its wait for the wallet row
 *                    locks plus its wait for an XA pool connection. Shorter, a transfer refused for a busy wallet
 *                    (409) would be reported as an unknown outcome (503) instead.
 */
@ConfigurationProperties("tradeflow.transfers")
public record TransferProperties(Duration callTimeout) {

    public TransferProperties {
        if (callTimeout == null
                || callTimeout.isNegative()
                || callTimeout.isZero()
                || callTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tradeflow.transfers.call-timeout must be set and positive");
        }
    }

    int callTimeoutMillis() {
        return (int) callTimeout.toMillis();
    }
}
