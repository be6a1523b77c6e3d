package com.tradeflow.account.wallet;

import com.tradeflow.account.points.PointsBooks;
import com.tradeflow.account.transfer.TransferBooks;
import com.tradeflow.account.transfer.Transfers;
import com.tradeflow.api.account.PointsBalance;
import com.tradeflow.api.account.PointsBalances;
import com.tradeflow.api.account.TopUpCredit;
import com.tradeflow.api.account.TopUpCredits;
import com.tradeflow.api.account.TransferReceipt;
import com.tradeflow.api.account.TransferSide;
import com.tradeflow.api.account.TransferSides;
import com.tradeflow.api.account.TransferView;
import com.tradeflow.api.account.WalletBalance;
import com.tradeflow.api.account.WalletBalances;
import com.tradeflow.api.account.WalletMovement;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.api.account.WalletView;
import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.LockContention;
import com.tradeflow.platform.datasource.ShardScope;
import com.tradeflow.platform.fault.FaultSwitches;
import com.tradeflow.platform.transaction.BranchTypes;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Dubbo face of the wallets: each write runs the way the caller's global transaction asks. */
@DubboService
class WalletServiceImpl implements WalletService {

    /** Test-only: fail after the debit committed locally, so only the global rollback can undo it. */
    static final String FAULT_AFTER_DEBIT = "wallet.debit.after-commit";

    private static final Logger log = LoggerFactory.getLogger(WalletServiceImpl.class);

    private final DebitWallet debitWallet;
    private final RefundWallet refundWallet;
    private final WalletFreezeAction freeze;
    private final WalletRefundAction refund;
    private final WalletRepository wallets;
    private final FaultSwitches faults;
    private final Transfers transfers;
    private final WalletBooks books;
    private final TransferBooks transferBooks;
    private final PointsBooks pointsBooks;

    WalletServiceImpl(
            DebitWallet debitWallet,
            RefundWallet refundWallet,
            WalletFreezeAction freeze,
            WalletRefundAction refund,
            WalletRepository wallets,
            FaultSwitches faults,
            Transfers transfers,
            WalletBooks books,
            TransferBooks transferBooks,
            PointsBooks pointsBooks) {
        this.debitWallet = debitWallet;
        this.refundWallet = refundWallet;
        this.freeze = freeze;
        this.refund = refund;
        this.wallets = wallets;
        this.faults = faults;
        this.transfers = transfers;
        this.books = books;
        this.transferBooks = transferBooks;
        this.pointsBooks = pointsBooks;
    }

    @Override
    public void debit(long orderId, long userId, long amount) {
        boolean tcc = BranchTypes.inTcc();
        LockContention.translate(
                () -> ShardScope.run(userId, () -> {
                    if (tcc) {
                        freeze.freeze(null, orderId, userId, amount);
                    } else {
                        debitWallet.debit(orderId, userId, amount);
                    }
                }),
                "the wallet of user " + userId);
        log.debug("order {}: user {} {} {} cents", orderId, userId, tcc ? "froze" : "debited", amount);
        faults.fireIfArmed(FAULT_AFTER_DEBIT);
    }

    @Override
    public WalletView refund(long orderId, long userId, long amount) {
        boolean tcc = BranchTypes.inTcc();
        WalletView wallet = LockContention.translate(
                () -> ShardScope.call(
                        userId,
                        () -> tcc
                                ? refund.prepareRefund(null, orderId, userId, amount)
                                : refundWallet.refund(orderId, userId, amount)),
                "the wallet of user " + userId);
        log.debug("order {}: user {} {} {} cents", orderId, userId, tcc ? "to be refunded" : "refunded", amount);
        return wallet;
    }

    @Override
    public TransferReceipt transfer(String transferId, long fromUserId, long toUserId, long amount) {
        return transfers.transfer(transferId, fromUserId, toUserId, amount);
    }

    @Override
    public TransferView getTransfer(String transferId) {
        return transfers.get(transferId);
    }

    @Override
    public WalletView getWallet(long userId) {
        return ShardScope.call(userId, () -> wallets.find(userId))
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no wallet for user " + userId));
    }

    @Override
    public List<WalletMovement> getMovements(List<Long> orderIds) {
        if (orderIds.size() > MAX_MOVEMENT_ORDERS) {
            throw new BusinessException(
                    ErrorCode.VALIDATION_FAILED, "at most " + MAX_MOVEMENT_ORDERS + " order ids at a time");
        }
        return wallets.movementsOf(orderIds);
    }

    @Override
    public WalletBalances getBalancesChangedAfter(String position, long settleMillis, int limit) {
        ChangedRows.requireLimit(limit, MAX_BOOKS_ROWS);
        return books.changedAfter(position, settleMillis, limit);
    }

    @Override
    public List<WalletBalance> getBalances(List<Long> userIds) {
        ChangedRows.requireAtMost(userIds, MAX_BOOKS_ROWS);
        return books.of(userIds);
    }

    @Override
    public PointsBalances getPointsChangedAfter(String position, long settleMillis, int limit) {
        ChangedRows.requireLimit(limit, MAX_BOOKS_ROWS);
        return pointsBooks.changedAfter(position, settleMillis, limit);
    }

    @Override
    public List<PointsBalance> getPoints(List<Long> userIds) {
        ChangedRows.requireAtMost(userIds, MAX_BOOKS_ROWS);
        return pointsBooks.of(userIds);
    }

    @Override
    public TransferSides getTransfersAfter(String position, long settleMillis, int limit) {
        ChangedRows.requireLimit(limit, MAX_BOOKS_ROWS);
        return transferBooks.recordedAfter(position, settleMillis, limit);
    }

    @Override
    public List<TransferSide> getTransferSides(List<String> transferIds) {
        ChangedRows.requireAtMost(transferIds, MAX_BOOKS_ROWS);
        return transferBooks.sides(transferIds);
    }

    @Override
    public List<TopUpCredit> getTopUpCredits(List<Long> topUpIds) {
        ChangedRows.requireAtMost(topUpIds, MAX_BOOKS_ROWS);
        return books.topUpCredits(topUpIds);
    }

    @Override
    public TopUpCredits getTopUpCreditsAfter(String position, long settleMillis, int limit) {
        ChangedRows.requireLimit(limit, MAX_BOOKS_ROWS);
        return books.topUpCreditsAfter(position, settleMillis, limit);
    }
}
