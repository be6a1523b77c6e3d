package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.TopUpCredit;
import com.tradeflow.api.account.TopUpCredits;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import com.tradeflow.web.topup.TopUp;
import com.tradeflow.web.topup.TopUpRepository;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every top-up credit provider-account made names a top-up of this service, of the same user and merchant order
 * number: money credited for a top-up that does not exist came from nowhere. The credits are read from
 * provider-account in the order they were made; whether a credit matches its top-up's amount and status is
 * {@link TopUpCreditsCheck}'s.
 */
@Component
@Order(8)
class TopUpCreditOriginsCheck extends PositionedCheck<TopUpCreditOriginsCheck.Credit> {

    /** A credit with the top-up it names, null when there is none. */
    record Credit(TopUpCredit credit, TopUp topUp) {}

    private final WalletService wallets;
    private final TopUpRepository topUps;

    TopUpCreditOriginsCheck(
            Findings findings, ReconciliationProperties properties, WalletService wallets, TopUpRepository topUps) {
        super(Subject.TOP_UP, "account.wallet_top_ups", findings, properties);
        this.wallets = wallets;
        this.topUps = topUps;
    }

    @Override
    Set<FindingKind> kinds() {
        // the other kinds about top-ups are TopUpCreditsCheck's
        return EnumSet.of(FindingKind.TOP_UP_CREDIT_UNKNOWN);
    }

    static List<Disagreement> disagreements(Credit c) {
        TopUpCredit credit = c.credit();
        boolean known = c.topUp() != null
                && c.topUp().userId() == credit.userId()
                && c.topUp().merchantOrderNo().equals(credit.merchantOrderNo());
        return known
                ? List.of()
                : List.of(new Disagreement(
                        FindingKind.TOP_UP_CREDIT_UNKNOWN,
                        credit.amount()
                                + " cents credited to user " + credit.userId() + " as " + credit.merchantOrderNo()
                                + " for top-up "
                                + credit.topUpId()
                                + (c.topUp() == null
                                        ? ", which does not exist"
                                        : ", which is user " + c.topUp().userId() + "'s "
                                                + c.topUp().merchantOrderNo())));
    }

    @Override
    Page<Credit> changedAfter(String position, long settleMillis, int limit) {
        TopUpCredits page = wallets.getTopUpCreditsAfter(position, settleMillis, limit);
        return new Page<>(withTopUps(page.credits()), page.next(), page.more());
    }

    @Override
    List<Credit> current(List<String> ids) {
        return withTopUps(
                wallets.getTopUpCredits(ids.stream().map(Long::valueOf).toList()));
    }

    private List<Credit> withTopUps(List<TopUpCredit> credits) {
        Map<Long, TopUp> found = topUps.findAll(
                credits.stream().map(TopUpCredit::topUpId).distinct().toList());
        return credits.stream()
                .map(credit -> new Credit(credit, found.get(credit.topUpId())))
                .toList();
    }

    @Override
    String idOf(Credit c) {
        return Long.toString(c.credit().topUpId());
    }

    @Override
    Checked check(Credit c) {
        return Checked.of(Subject.TOP_UP, c.credit().topUpId(), c.credit().userId(), disagreements(c));
    }
}
