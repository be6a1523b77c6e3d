package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.WalletBalance;
import com.tradeflow.api.account.WalletBalances;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every wallet that changed holds what its books say: its balance is its opening balance plus what the ledger
 * (debits, freezes, refunds, top-ups) and the transfers did, and its frozen money the sum of its FREEZE rows.
 * Money that appears or vanishes outside the ledger (a stray update, a lost ledger row) shows here.
 */
@Component
@Order(2)
class WalletBalancesCheck extends PositionedCheck<WalletBalance> {

    private final WalletService wallets;

    WalletBalancesCheck(Findings findings, ReconciliationProperties properties, WalletService wallets) {
        super(Subject.WALLET, "account.wallets", findings, properties);
        this.wallets = wallets;
    }

    static List<Disagreement> disagreements(WalletBalance w) {
        List<Disagreement> found = new ArrayList<>();
        long expected = w.openingBalance() + w.ledgerChange();
        if (w.balance() != expected) {
            found.add(new Disagreement(
                    FindingKind.BALANCE_MISMATCH,
                    "balance " + w.balance() + " cents, books say "
                            + expected + " (opening " + w.openingBalance() + ", ledger and transfers "
                            + w.ledgerChange()
                            + ")"));
        }
        if (w.frozen() != w.frozenInLedger()) {
            found.add(new Disagreement(
                    FindingKind.FROZEN_MISMATCH, "frozen " + w.frozen() + " cents, FREEZE rows " + w.frozenInLedger()));
        }
        return found;
    }

    @Override
    Page<WalletBalance> changedAfter(String position, long settleMillis, int limit) {
        WalletBalances page = wallets.getBalancesChangedAfter(position, settleMillis, limit);
        return new Page<>(page.wallets(), page.next(), page.more());
    }

    @Override
    List<WalletBalance> current(List<String> ids) {
        return wallets.getBalances(ids.stream().map(Long::valueOf).toList());
    }

    @Override
    String idOf(WalletBalance w) {
        return Long.toString(w.userId());
    }

    @Override
    Checked check(WalletBalance w) {
        return Checked.of(Subject.WALLET, w.userId(), w.userId(), disagreements(w));
    }
}
