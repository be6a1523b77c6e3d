package com.tradeflow.web.reconciliation;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.web.flashsale.FlashSaleReconciliation;
import com.tradeflow.web.flashsale.FlashSaleReconciliation.Report;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every flash sale whose tickets changed (or that holds a ticket QUEUED for too long) agrees with itself: Redis's
 * units left, the database's taken counter, the tickets by state and the orders of the PLACED ones (the same check
 * as {@code GET /api/admin/flash-sales/{id}/reconciliation}).
 */
@Component
@Order(6)
class FlashSalesCheck extends PositionedCheck<Report> {

    private final FlashSaleReconciliation sales;

    FlashSalesCheck(Findings findings, ReconciliationProperties properties, FlashSaleReconciliation sales) {
        super(Subject.FLASH_SALE, "order.flash_sale_tickets", findings, properties);
        this.sales = sales;
    }

    static List<Disagreement> disagreements(Report report) {
        return report.consistent()
                ? List.of()
                : List.of(new Disagreement(FindingKind.FLASH_SALE_MISMATCH, String.join("; ", report.problems())));
    }

    @Override
    Page<Report> changedAfter(String position, long settleMillis, int limit) {
        FlashSaleReconciliation.ChangedSales changed = sales.changedAfter(position, settleMillis, limit);
        return new Page<>(reports(changed.saleIds()), changed.next(), changed.more());
    }

    @Override
    List<Report> current(List<String> ids) {
        return reports(ids.stream().map(Long::valueOf).toList());
    }

    /** A sale that no longer exists is left out. */
    private List<Report> reports(List<Long> saleIds) {
        List<Report> reports = new ArrayList<>();
        for (long saleId : saleIds) {
            try {
                reports.add(sales.check(saleId));
            } catch (BusinessException unknown) {
                // deleted since its tickets changed: nothing left to agree
            }
        }
        return reports;
    }

    @Override
    String idOf(Report report) {
        return report.saleId();
    }

    @Override
    Checked check(Report report) {
        return Checked.of(Subject.FLASH_SALE, report.saleId(), null, disagreements(report));
    }
}
