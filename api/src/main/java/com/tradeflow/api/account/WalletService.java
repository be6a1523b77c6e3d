package com.tradeflow.api.account;

import com.tradeflow.api.error.BusinessException;

import java.util.List;

/**
 * Wallets (provider-account), sharded by user id. Writes take part in the caller's Seata global transaction, in
 * the caller's mode: AT and XA change the balance directly; TCC freezes in the try and settles in confirm or
 * cancel. Writes are idempotent per order. Transfers between wallets run outside global transactions, in
 * provider-account alone.
 */
public interface WalletService {

    /** At most this many order ids per {@link #getMovements} call. */
    int MAX_MOVEMENT_ORDERS = 500;

    /**
     * Takes {@code amount} cents from the user's balance for the order (TCC: freezes them until the global
     * commit). Answers nothing: reading the wallet back cost every purchase two statements that no caller used
     * ({@link #getWallet} reads it).
     *
     * @throws BusinessException NOT_FOUND (unknown user), INSUFFICIENT_BALANCE, VALIDATION_FAILED (amount below
     *                           1), CONCURRENT_UPDATE (the wallet is locked by another global transaction)
     */
    void debit(long orderId, long userId, long amount) throws BusinessException;

    /**
     * Pays back what the order was debited (TCC: at the global commit).
     *
     * @throws BusinessException NOT_FOUND (the order debited nothing from this user), VALIDATION_FAILED (amount
     *                           differs from the debit), CONCURRENT_UPDATE
     */
    WalletView refund(long orderId, long userId, long amount) throws BusinessException;

    /** @throws BusinessException NOT_FOUND */
    WalletView getWallet(long userId) throws BusinessException;

    /**
     * Moves {@code amount} cents from one wallet to another in one transaction: XA (two-phase commit) when the
     * wallets live on different account shards, a plain local transaction when on the same one. Idempotent per
     * transfer id: calling again with the same id and request moves nothing and answers the completed transfer.
     *
     * @param transferId the caller's id of this transfer (at most 36 characters), derived from its idempotency key
     * @throws BusinessException VALIDATION_FAILED (same user, amount below 1, bad id), NOT_FOUND (either wallet),
     *                           INSUFFICIENT_BALANCE, IDEMPOTENCY_KEY_REUSED (the id was used for another request),
     *                           CONCURRENT_UPDATE (a wallet is locked by a purchase or another transfer for longer
     *                           than the lock wait)
     */
    TransferReceipt transfer(String transferId, long fromUserId, long toUserId, long amount)
            throws BusinessException;

    /** @throws BusinessException NOT_FOUND (no completed transfer of that id) */
    TransferView getTransfer(String transferId) throws BusinessException;

    /**
     * The wallet ledger's rows of these orders, every kind, from every shard (for reconciliation). Read outside
     * any global transaction: the rows of a transaction in flight may show.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_MOVEMENT_ORDERS} ids)
     */
    List<WalletMovement> getMovements(List<Long> orderIds) throws BusinessException;
}
