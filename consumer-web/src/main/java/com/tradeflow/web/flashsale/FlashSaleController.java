package com.tradeflow.web.flashsale;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.web.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Flash sales: opened by an operator, entered by the crowd, tickets turned into orders behind a queue. */
@RestController
@Validated
class FlashSaleController {

    private final OpenFlashSaleService open;
    private final EnterFlashSaleService enter;
    private final FlashSaleCatalog catalog;
    private final FlashSaleRepository sales;
    private final FlashSaleGate gate;
    private final FlashSaleReconciliation reconciliation;

    FlashSaleController(
            OpenFlashSaleService open,
            EnterFlashSaleService enter,
            FlashSaleCatalog catalog,
            FlashSaleRepository sales,
            FlashSaleGate gate,
            FlashSaleReconciliation reconciliation) {
        this.open = open;
        this.enter = enter;
        this.catalog = catalog;
        this.sales = sales;
        this.gate = gate;
        this.reconciliation = reconciliation;
    }

    /**
     * {@code POST /api/flash-sales} (admin bearer token) {@code {"skuId":3,"quantity":100,"price":499,
     * "startsAt":"2026-12-02T10:00:00Z","endsAt":"2026-12-02T10:10:00Z","perUserLimit":1}} -> 201 with the sale.
     * 400 VALIDATION_FAILED (bad values, over already), 404 (sku), 409 INSUFFICIENT_STOCK (fewer units available).
     */
    @PostMapping("/api/flash-sales")
    @ResponseStatus(HttpStatus.CREATED)
    FlashSaleView open(@Valid @RequestBody OpenFlashSaleRequest request) {
        FlashSale sale = open.open(request);
        return FlashSaleView.of(sale, 0, sale.quantity());
    }

    /** {@code GET /api/flash-sales/{saleId}}: the sale, how many tickets it granted, how many units Redis has left. */
    @GetMapping("/api/flash-sales/{saleId}")
    FlashSaleView get(@PathVariable @Positive long saleId) {
        FlashSale sale = catalog.get(saleId);
        return FlashSaleView.of(sale, sales.taken(saleId), gate.left(sale));
    }

    /**
     * {@code POST /api/flash-sales/{saleId}/orders} (body optional; a {@code userId} in it must be the caller's) ->
     * 202 {@code {"ticketId":"...", "status":"QUEUED",...}}: a unit is the caller's, its order is placed shortly
     * (follow the ticket). 409 SOLD_OUT,
     * 409 LIMIT_REACHED, 400 SALE_NOT_ACTIVE (before its start or after its end), 404 (sale), 503 when its counters
     * (Redis) cannot be reached.
     */
    @PostMapping("/api/flash-sales/{saleId}/orders")
    @ResponseStatus(HttpStatus.ACCEPTED)
    FlashSaleTicket enter(
            Caller caller,
            @PathVariable @Positive long saleId,
            @Valid @RequestBody(required = false) EnterFlashSaleRequest request) {
        return enter.enter(saleId, caller.actsFor(request == null ? null : request.userId()));
    }

    /**
     * {@code GET /api/flash-sales/tickets/{ticketId}}: QUEUED, PLACED (with {@code orderId}) or FAILED (with
     * {@code reason}, an error code such as INSUFFICIENT_BALANCE; its unit went back to the sale); 404 for another
     * user's ticket.
     */
    @GetMapping("/api/flash-sales/tickets/{ticketId}")
    FlashSaleTicket ticket(Caller caller, @PathVariable @Positive long ticketId) {
        FlashSaleTicket ticket = sales.findTicket(ticketId)
                .map(FlashSaleRepository.Ticket::view)
                .orElseThrow(() -> new BusinessException(ErrorCode.NOT_FOUND, "no flash-sale ticket " + ticketId));
        caller.requireOwner(ticket.userId(), "flash-sale ticket " + ticketId);
        return ticket;
    }

    /**
     * {@code GET /api/admin/flash-sales/{saleId}/reconciliation} (admin bearer token): Redis's units left, the
     * database's count, tickets by status and the orders of the placed ones, with every disagreement listed under
     * {@code problems} ({@code consistent}: none).
     */
    @GetMapping("/api/admin/flash-sales/{saleId}/reconciliation")
    FlashSaleReconciliation.Report reconciliation(@PathVariable @Positive long saleId) {
        return reconciliation.check(saleId);
    }

    /**
     * {@code POST /api/admin/flash-sales/{saleId}/counters/rebuild} (admin bearer token): Redis's counters of the
     * sale replaced by the database's (when the reconciliation reports them apart); answers the reconciliation.
     */
    @PostMapping("/api/admin/flash-sales/{saleId}/counters/rebuild")
    FlashSaleReconciliation.Report rebuildCounters(@PathVariable @Positive long saleId) {
        catalog.reload(catalog.get(saleId));
        return reconciliation.check(saleId);
    }
}
