package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.TopUpCredit;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.platform.books.ChangedRows;
import com.tradeflow.platform.datasource.BranchTypeRoutingDataSource;
import com.tradeflow.web.gateway.GatewayPayment;
import com.tradeflow.web.gateway.PaymentGatewayClient;
import com.tradeflow.web.gateway.PaymentStatus;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import com.tradeflow.web.topup.TopUpStatus;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every finished top-up was credited as it ended: a SUCCEEDED one exactly once, to its user, for its amount, with
 * its TOP_UP ledger row; a FAILED one never. And the gateway's own record of the payment agrees: a SUCCEEDED top-up
 * is paid there for its amount; a FAILED one is not paid there (no payment, failed, or still pending: a late
 * success is caught by the top-up's own settlement, which flags it for review). The top-ups are read from this
 * service's databases in the order they finished, their credits from provider-account, their payments from the
 * gateway (one query each; a gateway that does not answer leaves an UNCHECKED finding, which clears itself at a
 * later pass that reaches it). A credit still on its way clears itself once it arrives.
 */
@Component
@Order(5)
class TopUpCreditsCheck extends PositionedCheck<TopUpCreditsCheck.FinishedTopUp> {

    private static final String COLUMNS =
            "SELECT top_up_id, user_id, amount, status, merchant_order_no, finished_at" + " FROM top_ups WHERE";

    /** A finished top-up with what provider-account credited for it and what the gateway holds. */
    record FinishedTopUp(
            long topUpId,
            long userId,
            long amount,
            TopUpStatus status,
            String merchantOrderNo,
            Timestamp finishedAt,
            List<TopUpCredit> credits,
            Gateway gateway) {

        FinishedTopUp withCredits(List<TopUpCredit> credits) {
            return new FinishedTopUp(topUpId, userId, amount, status, merchantOrderNo, finishedAt, credits, gateway);
        }

        FinishedTopUp withGateway(Gateway gateway) {
            return new FinishedTopUp(topUpId, userId, amount, status, merchantOrderNo, finishedAt, credits, gateway);
        }
    }

    /**
     * The gateway's answer about a top-up's payment.
     *
     * @param payment its record; null when it has none (or did not answer)
     * @param error   why it did not answer; null when it did
     */
    record Gateway(GatewayPayment payment, String error) {

        static final Gateway NOT_ASKED = new Gateway(null, null);
    }

    private static final RowMapper<FinishedTopUp> ROW = (rs, i) -> new FinishedTopUp(
            rs.getLong("top_up_id"),
            rs.getLong("user_id"),
            rs.getLong("amount"),
            TopUpStatus.valueOf(rs.getString("status")),
            rs.getString("merchant_order_no"),
            rs.getTimestamp("finished_at"),
            List.of(),
            Gateway.NOT_ASKED);

    /** The top-ups' databases, by index (a user's in {@code user_id % count}). */
    private final List<JdbcTemplate> databases;

    private final WalletService wallets;
    private final PaymentGatewayClient gateway;

    TopUpCreditsCheck(
            Findings findings,
            ReconciliationProperties properties,
            BranchTypeRoutingDataSource dataSource,
            WalletService wallets,
            PaymentGatewayClient gateway) {
        super(Subject.TOP_UP, "order.top_ups", findings, properties);
        this.databases =
                dataSource.physicalPools().stream().map(JdbcTemplate::new).toList();
        this.wallets = wallets;
        this.gateway = gateway;
    }

    @Override
    Set<FindingKind> kinds() {
        // TOP_UP_CREDIT_UNKNOWN is TopUpCreditOriginsCheck's
        return EnumSet.of(
                FindingKind.TOP_UP_NOT_CREDITED,
                FindingKind.TOP_UP_CREDIT_MISMATCH,
                FindingKind.TOP_UP_CREDITED_UNPAID,
                FindingKind.TOP_UP_GATEWAY_MISMATCH,
                FindingKind.TOP_UP_GATEWAY_UNCHECKED);
    }

    static List<Disagreement> disagreements(FinishedTopUp t) {
        List<Disagreement> found = new ArrayList<>(creditDisagreements(t));
        gatewayDisagreement(t).ifPresent(found::add);
        return found;
    }

    static Optional<Disagreement> gatewayDisagreement(FinishedTopUp t) {
        Gateway answer = t.gateway();
        if (answer == Gateway.NOT_ASKED) {
            return Optional.empty();
        }
        if (answer.error() != null) {
            return Optional.of(new Disagreement(
                    FindingKind.TOP_UP_GATEWAY_UNCHECKED,
                    t.status() + " top-up " + t.merchantOrderNo() + " not compared with the gateway yet: "
                            + answer.error()));
        }
        GatewayPayment payment = answer.payment();
        boolean paid = payment != null && payment.status() == PaymentStatus.SUCCEEDED;
        boolean agrees = t.status() == TopUpStatus.SUCCEEDED ? paid && payment.amount() == t.amount() : !paid;
        return agrees
                ? Optional.empty()
                : Optional.of(new Disagreement(
                        FindingKind.TOP_UP_GATEWAY_MISMATCH,
                        t.status() + " top-up of " + t.amount() + " cents, the gateway holds "
                                + (payment == null
                                        ? "no payment " + t.merchantOrderNo()
                                        : payment.status() + " for " + payment.amount() + " cents")));
    }

    private static List<Disagreement> creditDisagreements(FinishedTopUp t) {
        String topUp = t.status() + " top-up of " + t.amount() + " cents for user " + t.userId();
        if (t.status() == TopUpStatus.FAILED) {
            return t.credits().isEmpty()
                    ? List.of()
                    : List.of(new Disagreement(
                            FindingKind.TOP_UP_CREDITED_UNPAID, topUp + ", credited " + describe(t.credits())));
        }
        if (t.status() != TopUpStatus.SUCCEEDED) {
            return List.of();
        }
        if (t.credits().isEmpty()) {
            return List.of(new Disagreement(FindingKind.TOP_UP_NOT_CREDITED, topUp + ", no credit"));
        }
        TopUpCredit credit = t.credits().get(0);
        boolean agrees = t.credits().size() == 1
                && credit.userId() == t.userId()
                && credit.amount() == t.amount()
                && t.merchantOrderNo().equals(credit.merchantOrderNo())
                && credit.ledgerAmount() != null
                && credit.ledgerAmount() == t.amount();
        return agrees
                ? List.of()
                : List.of(new Disagreement(
                        FindingKind.TOP_UP_CREDIT_MISMATCH, topUp + ", credited " + describe(t.credits())));
    }

    private static String describe(List<TopUpCredit> credits) {
        return credits.stream()
                .map(c -> c.amount() + " cents to user " + c.userId() + " as " + c.merchantOrderNo() + " (ledger "
                        + (c.ledgerAmount() == null ? "none" : c.ledgerAmount() + " cents") + ")")
                .collect(Collectors.joining("; "));
    }

    @Override
    Page<FinishedTopUp> changedAfter(String position, long settleMillis, int limit) {
        ChangedRows.Pages<FinishedTopUp> finished = ChangedRows.readEach(
                databases,
                position,
                COLUMNS + " status <> 'PENDING' AND",
                "finished_at",
                settleMillis,
                limit,
                ROW,
                FinishedTopUp::finishedAt);
        return new Page<>(withGateway(withCredits(finished.rows())), finished.next(), finished.more());
    }

    @Override
    List<FinishedTopUp> current(List<String> ids) {
        List<FinishedTopUp> finished = new ArrayList<>();
        MapSqlParameterSource byId =
                new MapSqlParameterSource("ids", ids.stream().map(Long::valueOf).toList());
        for (JdbcTemplate db : databases) {
            finished.addAll(new NamedParameterJdbcTemplate(db).query(COLUMNS + " top_up_id IN (:ids)", byId, ROW));
        }
        return withGateway(withCredits(finished));
    }

    /** Each top-up's payment as the gateway holds it now (no gateway configured: not asked). */
    private List<FinishedTopUp> withGateway(List<FinishedTopUp> topUps) {
        if (!gateway.configured()) {
            return topUps;
        }
        return topUps.stream()
                .map(t -> {
                    try {
                        return t.withGateway(
                                new Gateway(gateway.find(t.merchantOrderNo()).orElse(null), null));
                    } catch (RuntimeException e) {
                        return t.withGateway(new Gateway(null, e.getMessage() == null ? e.toString() : e.getMessage()));
                    }
                })
                .toList();
    }

    private List<FinishedTopUp> withCredits(List<FinishedTopUp> topUps) {
        List<Long> ids = topUps.stream().map(FinishedTopUp::topUpId).toList();
        List<TopUpCredit> credits = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += WalletService.MAX_BOOKS_ROWS) {
            credits.addAll(wallets.getTopUpCredits(
                    ids.subList(from, Math.min(ids.size(), from + WalletService.MAX_BOOKS_ROWS))));
        }
        Map<Long, List<TopUpCredit>> byTopUp = credits.stream().collect(Collectors.groupingBy(TopUpCredit::topUpId));
        return topUps.stream()
                .map(t -> t.withCredits(byTopUp.getOrDefault(t.topUpId(), List.of())))
                .toList();
    }

    @Override
    String idOf(FinishedTopUp t) {
        return Long.toString(t.topUpId());
    }

    @Override
    Checked check(FinishedTopUp t) {
        return Checked.of(Subject.TOP_UP, t.topUpId(), t.userId(), disagreements(t));
    }
}
