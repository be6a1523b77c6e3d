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

    /** At most this many ids, or rows asked for, per call of the reconciliation's reads below. */
    int MAX_BOOKS_ROWS = 500;

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
    TransferReceipt transfer(String transferId, long fromUserId, long toUserId, long amount) throws BusinessException;

    /** @throws BusinessException NOT_FOUND (no completed transfer of that id) */
    TransferView getTransfer(String transferId) throws BusinessException;

    /**
     * The wallet ledger's rows of these orders, every kind, from every shard (for reconciliation). Read outside
     * any global transaction: the rows of a transaction in flight may show.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_MOVEMENT_ORDERS} ids)
     */
    List<WalletMovement> getMovements(List<Long> orderIds) throws BusinessException;

    /**
     * Wallets whose row changed after {@code position}, at least {@code settleMillis} ago (their transaction has
     * ended by then), oldest change first, each beside what its ledger and transfers add up to (for
     * reconciliation). Read outside any global transaction.
     *
     * @param position null or empty: from the start; otherwise the {@code next} of an earlier page
     * @throws BusinessException VALIDATION_FAILED (a position not from this service, a limit outside 1 ..
     *                           {@link #MAX_BOOKS_ROWS})
     */
    WalletBalances getBalancesChangedAfter(String position, long settleMillis, int limit) throws BusinessException;

    /**
     * These users' wallets beside what their books add up to; unknown users are left out.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_BOOKS_ROWS} ids)
     */
    List<WalletBalance> getBalances(List<Long> userIds) throws BusinessException;

    /**
     * Users whose loyalty points changed after {@code position}, at least {@code settleMillis} ago, oldest change
     * first, each with the order events applied to them (for reconciliation).
     *
     * @throws BusinessException VALIDATION_FAILED (as for {@link #getBalancesChangedAfter})
     */
    PointsBalances getPointsChangedAfter(String position, long settleMillis, int limit) throws BusinessException;

    /**
     * These users' points with the order events applied to them; users without points are left out.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_BOOKS_ROWS} ids)
     */
    List<PointsBalance> getPoints(List<Long> userIds) throws BusinessException;

    /**
     * Transfers with a side recorded after {@code position}, at least {@code settleMillis} ago, each with every side
     * it has on any shard (for reconciliation).
     *
     * @throws BusinessException VALIDATION_FAILED (as for {@link #getBalancesChangedAfter})
     */
    TransferSides getTransfersAfter(String position, long settleMillis, int limit) throws BusinessException;

    /**
     * Every side of these transfers, from every shard.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_BOOKS_ROWS} ids)
     */
    List<TransferSide> getTransferSides(List<String> transferIds) throws BusinessException;

    /**
     * What was credited for these top-ups (by top-up id), from every shard; a top-up credited nothing is left out.
     *
     * @throws BusinessException VALIDATION_FAILED (more than {@link #MAX_BOOKS_ROWS} ids)
     */
    List<TopUpCredit> getTopUpCredits(List<Long> topUpIds) throws BusinessException;

    /**
     * Top-up credits made after {@code position}, at least {@code settleMillis} ago, oldest first, from every shard
     * (for reconciliation: each must name a top-up that exists).
     *
     * @throws BusinessException VALIDATION_FAILED (as for {@link #getBalancesChangedAfter})
     */
    TopUpCredits getTopUpCreditsAfter(String position, long settleMillis, int limit) throws BusinessException;
}
