package com.tradeflow.account.transfer;

import com.tradeflow.account.transfer.xa.LocalXaSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradeflow.transfers.*}: transfers between wallets.
 *
 * @param faultHoldLimit how long the test-only hold before an XA commit keeps a transfer at most
 */
@ConfigurationProperties("tradeflow.transfers")
public record TransferProperties(Xa xa, Duration faultHoldLimit) {

    public TransferProperties {
        if (xa == null || faultHoldLimit == null || faultHoldLimit.isNegative()) {
            throw new IllegalArgumentException("tradeflow.transfers: xa.* and fault-hold-limit are required");
        }
    }

    /** {@code tradeflow.transfers.xa.*}: the local XA manager of cross-shard transfers, see {@link LocalXaSettings}. */
    public record Xa(
            String tmUniqueName,
            Path logDir,
            Duration transactionTimeout,
            Duration maxTimeout,
            Duration recoveryInterval,
            int maxActive,
            int poolSize,
            Duration borrowTimeout) {

        /** Atomikos puts the name into XA ids of at most 64 bytes, with a counter and a resource name. */
        private static final int MAX_NAME_LENGTH = 30;

        public Xa {
            if (tmUniqueName == null
                    || tmUniqueName.isBlank()
                    || tmUniqueName.length() > MAX_NAME_LENGTH
                    || logDir == null
                    || !positive(transactionTimeout)
                    || !positive(maxTimeout)
                    || !positive(recoveryInterval)
                    || !positive(borrowTimeout)
                    || maxActive < 1
                    || poolSize < 1
                    || transactionTimeout.compareTo(maxTimeout) > 0) {
                throw new IllegalArgumentException("tradeflow.transfers.xa: tm-unique-name (1 to " + MAX_NAME_LENGTH
                        + " characters) and log-dir are required; the durations must be positive, with "
                        + "transaction-timeout at most max-timeout; max-active and pool-size at least 1");
            }
        }

        public LocalXaSettings settings() {
            return new LocalXaSettings(
                    tmUniqueName,
                    logDir.resolve(tmUniqueName),
                    transactionTimeout,
                    maxTimeout,
                    recoveryInterval,
                    maxActive,
                    poolSize,
                    borrowTimeout);
        }

        private static boolean positive(Duration d) {
            return d != null && !d.isNegative() && !d.isZero();
        }
    }
}
