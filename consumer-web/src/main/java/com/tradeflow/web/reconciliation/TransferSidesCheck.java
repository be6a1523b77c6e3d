package com.tradeflow.web.reconciliation;

import com.tradeflow.api.account.TransferSide;
import com.tradeflow.api.account.TransferSides;
import com.tradeflow.api.account.WalletService;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every transfer recorded has its two sides, which agree: one OUT (the payer's) and one IN (the payee's), the same
 * amount, each naming the other user. Across shards the two are written by one XA transaction, so one side alone
 * is money created or destroyed.
 */
@Component
@Order(4)
class TransferSidesCheck extends PositionedCheck<TransferSidesCheck.Transfer> {

    private static final String OUT = "OUT";
    private static final String IN = "IN";

    /** A transfer's sides as recorded on every shard. */
    record Transfer(String transferId, List<TransferSide> sides) {}

    private final WalletService wallets;

    TransferSidesCheck(Findings findings, ReconciliationProperties properties, WalletService wallets) {
        super(Subject.TRANSFER, "account.wallet_transfers", findings, properties);
        this.wallets = wallets;
    }

    static List<Disagreement> disagreements(Transfer transfer) {
        List<TransferSide> out =
                transfer.sides().stream().filter(s -> OUT.equals(s.direction())).toList();
        List<TransferSide> in =
                transfer.sides().stream().filter(s -> IN.equals(s.direction())).toList();
        if (out.size() + in.size() != transfer.sides().size() || out.size() > 1 || in.size() > 1) {
            return List.of(new Disagreement(FindingKind.TRANSFER_MISMATCH, "sides: " + describe(transfer.sides())));
        }
        if (out.isEmpty() || in.isEmpty()) {
            return transfer.sides().isEmpty()
                    ? List.of()
                    : List.of(new Disagreement(
                            FindingKind.TRANSFER_ONE_SIDED,
                            describe(transfer.sides()) + ", no " + (out.isEmpty() ? OUT : IN) + " side"));
        }
        TransferSide paid = out.get(0);
        TransferSide received = in.get(0);
        if (paid.amount() != received.amount()
                || paid.userId() != received.counterpartyUserId()
                || received.userId() != paid.counterpartyUserId()) {
            return List.of(new Disagreement(FindingKind.TRANSFER_MISMATCH, "sides: " + describe(transfer.sides())));
        }
        return List.of();
    }

    private static String describe(List<TransferSide> sides) {
        return sides.stream()
                .map(s -> s.direction() + " " + s.amount() + " cents, user " + s.userId()
                        + (OUT.equals(s.direction()) ? " to " : " from ") + s.counterpartyUserId())
                .collect(Collectors.joining("; "));
    }

    @Override
    Page<Transfer> changedAfter(String position, long settleMillis, int limit) {
        TransferSides page = wallets.getTransfersAfter(position, settleMillis, limit);
        return new Page<>(byTransfer(page.sides()), page.next(), page.more());
    }

    @Override
    List<Transfer> current(List<String> ids) {
        return byTransfer(wallets.getTransferSides(ids));
    }

    private static List<Transfer> byTransfer(List<TransferSide> sides) {
        Map<String, List<TransferSide>> grouped = sides.stream()
                .collect(Collectors.groupingBy(TransferSide::transferId, LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream()
                .map(e -> new Transfer(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    String idOf(Transfer transfer) {
        return transfer.transferId();
    }

    @Override
    Checked check(Transfer transfer) {
        Long payer = transfer.sides().stream()
                .filter(s -> OUT.equals(s.direction()))
                .map(TransferSide::userId)
                .findFirst()
                .orElse(null);
        return Checked.of(Subject.TRANSFER, transfer.transferId(), payer, disagreements(transfer));
    }
}
