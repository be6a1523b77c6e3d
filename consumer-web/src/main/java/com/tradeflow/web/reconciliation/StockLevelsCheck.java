package com.tradeflow.web.reconciliation;

import com.tradeflow.api.inventory.InventoryService;
import com.tradeflow.api.inventory.StockLevel;
import com.tradeflow.api.inventory.StockLevels;
import com.tradeflow.web.reconciliation.Findings.Checked;
import com.tradeflow.web.reconciliation.LedgerCheck.Disagreement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every sku whose stock changed holds what its ledger says: available units are the opening units plus what the
 * ledger (deductions, reservations, returns) did, and reserved units the sum of its RESERVE rows.
 */
@Component
@Order(3)
class StockLevelsCheck extends PositionedCheck<StockLevel> {

    private final InventoryService inventory;

    StockLevelsCheck(Findings findings, ReconciliationProperties properties, InventoryService inventory) {
        super(Subject.STOCK, "inventory.stock", findings, properties);
        this.inventory = inventory;
    }

    static List<Disagreement> disagreements(StockLevel s) {
        List<Disagreement> found = new ArrayList<>();
        long expected = s.openingUnits() + s.ledgerChange();
        if (s.available() != expected) {
            found.add(new Disagreement(
                    FindingKind.AVAILABLE_MISMATCH,
                    s.available() + " units available, books say " + expected + " (opening " + s.openingUnits()
                            + ", ledger " + s.ledgerChange() + ")"));
        }
        if (s.reserved() != s.reservedInLedger()) {
            found.add(new Disagreement(
                    FindingKind.RESERVED_MISMATCH,
                    s.reserved() + " units reserved, RESERVE rows " + s.reservedInLedger()));
        }
        return found;
    }

    @Override
    Page<StockLevel> changedAfter(String position, long settleMillis, int limit) {
        StockLevels page = inventory.getStockChangedAfter(position, settleMillis, limit);
        return new Page<>(page.skus(), page.next(), page.more());
    }

    @Override
    List<StockLevel> current(List<String> ids) {
        return inventory.getStockLevels(ids.stream().map(Long::valueOf).toList());
    }

    @Override
    String idOf(StockLevel s) {
        return Long.toString(s.skuId());
    }

    @Override
    Checked check(StockLevel s) {
        return Checked.of(Subject.STOCK, s.skuId(), null, disagreements(s));
    }
}
