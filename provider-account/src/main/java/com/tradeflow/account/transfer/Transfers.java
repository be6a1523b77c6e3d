package com.tradeflow.account.transfer;

import com.tradeflow.account.transfer.xa.LocalXaDataSource;
import com.tradeflow.api.account.TransferReceipt;
import com.tradeflow.api.account.TransferView;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.datasource.LockContention;
import com.tradeflow.platform.fault.FaultSwitches;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers between wallets, each in one transaction over the databases of its two wallets: a plain local
 * transaction when both live on one shard, an XA transaction over both databases when not (ShardingSphere's XA
 * type with Atomikos, see {@code AccountDataSourceConfiguration}). Both wallets are locked first, always the lower
 * user id first, so two transfers between the same users in opposite directions queue instead of deadlocking
 * (InnoDB does not see a deadlock across two databases; the bounded lock wait would end it as
 * {@code CONCURRENT_UPDATE}). Nothing is written before both wallets and the balance are checked, and every
 * failure rolls back both sides.
 */
@Service
public class Transfers {

    /** Test-only: fail after the debit was written, before the credit. */
    public static final String FAULT_AFTER_DEBIT = "transfer.after-debit";
    /** Test-only: hold a cross-shard transfer after both branches are prepared, before the first commit. */
    public static final String FAULT_BEFORE_XA_COMMIT = "transfer.xa.before-commit";

    private static final Logger log = LoggerFactory.getLogger(Transfers.class);
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    private final TransferRepository transfers;
    private final JdbcTemplate localJdbc;
    private final TransactionTemplate localTransactions;
    private final JdbcTemplate xaJdbc;
    private final TransactionTemplate xaTransactions;
    private final FaultSwitches faults;

    Transfers(
            TransferRepository transfers,
            JdbcTemplate localJdbc,
            TransactionTemplate localTransactions,
            LocalXaDataSource transferXaDataSource,
            FaultSwitches faults) {
        this.transfers = transfers;
        this.localJdbc = localJdbc;
        this.localTransactions = localTransactions;
        this.xaJdbc = new JdbcTemplate(transferXaDataSource);
        this.xaTransactions = new TransactionTemplate(new DataSourceTransactionManager(transferXaDataSource));
        this.faults = faults;
    }

    public TransferReceipt transfer(String transferId, long fromUserId, long toUserId, long amount) {
        validate(transferId, fromUserId, toUserId, amount);
        Optional<TransferReceipt> earlier = replay(transferId, fromUserId, toUserId, amount);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        TransferMode mode = TransferMode.of(fromUserId, toUserId);
        JdbcTemplate jdbc = mode == TransferMode.XA ? xaJdbc : localJdbc;
        TransactionTemplate transaction = mode == TransferMode.XA ? xaTransactions : localTransactions;
        try {
            LockContention.translate(
                    () -> transaction.execute(status -> {
                        move(jdbc, transferId, fromUserId, toUserId, amount);
                        return null;
                    }),
                    "a wallet of users " + fromUserId + " and " + toUserId);
        } catch (DuplicateKeyException concurrent) {
            // the same transfer id committed by a concurrent call between our replay check and our insert
            return replay(transferId, fromUserId, toUserId, amount).orElseThrow(() -> concurrent);
        }
        TransferView done = transfers
                .find(fromUserId, transferId)
                .orElseThrow(() -> new IllegalStateException(
                        "transfer " + transferId + " committed but its ledger row is not readable"));
        log.info("transfer {}: {} cents from user {} to user {} ({})", transferId, amount, fromUserId, toUserId, mode);
        return new TransferReceipt(done, false);
    }

    public TransferView get(String transferId) {
        if (!TRANSFER_ID.matcher(transferId).matches()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "transferId must be 1 to 36 letters, digits or -");
        }
        return transfers
                .find(transferId)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no transfer " + transferId));
    }

    private void move(JdbcTemplate jdbc, String transferId, long fromUserId, long toUserId, long amount) {
        long first = Math.min(fromUserId, toUserId);
        long second = Math.max(fromUserId, toUserId);
        OptionalLong firstBalance = transfers.lockBalance(jdbc, first);
        OptionalLong secondBalance = transfers.lockBalance(jdbc, second);
        if (firstBalance.isEmpty() || secondBalance.isEmpty()) {
            throw new BusinessException(
                    ErrorCode.NOT_FOUND, "no wallet for user " + (firstBalance.isEmpty() ? first : second));
        }
        long fromBalance = (fromUserId == first ? firstBalance : secondBalance).getAsLong();
        if (fromBalance < amount) {
            throw new BusinessException(
                    ErrorCode.INSUFFICIENT_BALANCE,
                    "user " + fromUserId + " has " + fromBalance + " cents, the transfer needs " + amount);
        }
        transfers.record(jdbc, transferId, fromUserId, toUserId, amount);
        transfers.change(jdbc, fromUserId, -amount);
        faults.fireIfArmed(FAULT_AFTER_DEBIT);
        transfers.change(jdbc, toUserId, amount);
    }

    private Optional<TransferReceipt> replay(String transferId, long fromUserId, long toUserId, long amount) {
        return transfers.find(fromUserId, transferId).map(done -> {
            if (done.toUserId() != toUserId || done.amount() != amount) {
                throw new BusinessException(
                        ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "transfer " + transferId + " was made with another recipient or amount");
            }
            log.info("transfer {} completed before; nothing moved again", transferId);
            return new TransferReceipt(done, true);
        });
    }

    private static void validate(String transferId, long fromUserId, long toUserId, long amount) {
        if (transferId == null || !TRANSFER_ID.matcher(transferId).matches()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "transferId must be 1 to 36 letters, digits or -");
        }
        if (fromUserId < 1 || toUserId < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "user ids must be positive");
        }
        if (fromUserId == toUserId) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "a transfer needs two different users");
        }
        if (amount < 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "amount must be at least 1 cent");
        }
    }
}
